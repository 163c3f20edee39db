/** The suite's tokens: one that may write, one that may only read. */
export const WRITER = { name: 'load-writer', token: 'reliability-write-token-5f0c9a7e' };
export const READER = { name: 'load-reader', token: 'reliability-read-token-0b6d2e41' };

export const WRITE_TOKENS = `${WRITER.name}:${WRITER.token}`;
export const READ_TOKENS = `${READER.name}:${READER.token}`;
