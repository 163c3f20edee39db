import { apiError } from './errors';
import { MAX_PAGE_SIZE } from './list-sizes';

export { MAX_PAGE_SIZE };

/**
 * Page sizes are capped: a client cannot ask the database for unbounded work. `first` left out
 * or null is the field's schema default (withPageDefaults in schema.ts), the one the cost limit
 * prices, so it arrives here as a number.
 */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? Number.NaN;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw apiError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}, got ${size}`, {
      argument: 'first',
    });
  }
  return size;
}

/** Opaque cursors: clients pass them back, never build them. */
export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** Longer than any cursor this API issues (ids are at most a few hundred characters). */
const MAX_CURSOR_LENGTH = 2_000;

export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const value =
    cursor.length <= MAX_CURSOR_LENGTH ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!value || encodeCursor(value) !== cursor) {
    throw notOurCursor(cursor, 'is not a cursor this API issued');
  }
  return value;
}

/**
 * A cursor holding a whole number (an offset, a graph version): within what JavaScript and
 * Neo4j both count exactly, or the caller hears which argument was wrong, never "long overflow".
 */
export function decodeCount(cursor: string | null | undefined, pattern: RegExp, list: string) {
  const value = decodeCursor(cursor);
  if (value === undefined) return undefined;
  const digits = pattern.exec(value)?.[1];
  const count = digits === undefined ? Number.NaN : Number(digits);
  if (!Number.isSafeInteger(count)) throw notOurCursor(cursor!, `is not a cursor of ${list}`);
  return count;
}

export function decodeOffset(cursor: string | null | undefined): number {
  const offset = decodeCount(cursor, /^offset:(\d{1,16})$/, 'this list');
  return offset === undefined ? 0 : offset + 1;
}

export const offsetCursor = (index: number) => encodeCursor(`offset:${index}`);

function notOurCursor(cursor: string, problem: string) {
  const shown = cursor.length > 60 ? `${cursor.slice(0, 60)}...` : cursor;
  return apiError('BAD_USER_INPUT', `after: '${shown}' ${problem}`, { argument: 'after' });
}

export function connection<T>(
  items: T[],
  cursorOf: (item: T, index: number) => string,
  totalCount: number,
  hasNextPage: boolean,
) {
  const edges = items.map((node, index) => ({ node, cursor: cursorOf(node, index) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
