import { ID_PREFIX } from '@lineage/domain';

/** What a search may hold: Lucene refuses longer prefixes deep inside (a Java error), and
 * more words only slow the query down. */
export const SEARCH_LIMITS = { maxCharacters: 200, maxWords: 12, maxWordCharacters: 64 };

// Lucene's standard tokenizer keeps decimal numbers whole ("gpt-3.5-turbo" -> gpt, 3.5,
// turbo), so a word here is a run of letters and digits with any decimal parts. Every other
// character (Lucene's syntax included) only separates words, so user text is never syntax.
export const searchWords = (text: string) =>
  text.toLowerCase().match(/[\p{L}\p{N}]+(?:\.\p{N}+)*/gu) ?? [];

/** Why a search text is refused, in words naming the limit; undefined when it is fine. */
export function searchTextProblem(text: string): string | undefined {
  const { maxCharacters, maxWords, maxWordCharacters } = SEARCH_LIMITS;
  if (text.length > maxCharacters)
    return `a search text has at most ${maxCharacters} characters, got ${text.length}`;
  const words = searchWords(text);
  if (words.length > maxWords)
    return `a search text has at most ${maxWords} words, got ${words.length}`;
  const long = words.find((word) => word.length > maxWordCharacters);
  if (long)
    return `a search word has at most ${maxWordCharacters} characters, got one of ${long.length}`;
  return undefined;
}

/** A name with case, spaces and punctuation dropped: "GPT-4o" and "gpt4o" both give gpt4o. */
export const compactForm = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const prefixes = (words: string[]) => `(${words.map((word) => `${word}*`).join(' AND ')})`;

/**
 * As `prefixes`, for the pieces of a word split between letters and digits: a piece of one
 * character is asked as itself, since `m*` (from "m5") matches every word beginning with m,
 * which at 1M nodes took Lucene seconds to gather before the other piece narrowed it.
 */
const piecePrefixes = (pieces: string[]) =>
  `(${pieces.map((piece) => (piece.length > 1 ? `${piece}*` : piece)).join(' AND ')})`;
const phrase = (words: string[]) => `"${words.join(' ')}"`;

/** "gpt4o" -> gpt 4o and "llama3.1" -> llama 3.1: names spell versions both ways. */
const splitLetterDigit = (word: string) => word.replace(/(\p{L})(?=\p{N})/gu, '$1 ').split(' ');

/** Edits a word may be away from a name's word: none below 4 letters, 1 up to 6, then 2. */
const allowedEdits = (word: string) =>
  word.length < 4 || /\p{N}/u.test(word) ? 0 : word.length <= 6 ? 1 : 2;

export interface SearchPlan {
  /** Lucene query of exact words, prefixes and spacing variants. */
  strict: string;
  /** Lucene query that also lets words of 4+ letters be misspelt; null when none can be. */
  fuzzy: string | null;
  /** The text as an id, lower-cased, bare and with each kind's prefix (`FMD-1` -> defect:fmd-1). */
  idKeys: string[];
  /** The text without case, spaces or punctuation, compared with names and aliases so. */
  compact: string;
}

/**
 * How a search text is asked: the exact phrase ranks highest, every word also matches as a
 * prefix (suggestions appear while typing), a word joining letters and digits is also asked
 * split ("GPT4o" finds "GPT-4o"), words typed apart are also asked joined ("gpt 4o" finds
 * "gpt4o"), and with `fuzzy` words of 4+ letters may be misspelt ("lama" finds "Llama").
 * Undefined when the text holds no word.
 */
export function searchPlan(text: string): SearchPlan | undefined {
  const words = searchWords(text).slice(0, SEARCH_LIMITS.maxWords);
  if (!words.length) return undefined;
  const split = words.flatMap(splitLetterDigit);
  const clauses = [`${phrase(words)}^4`, prefixes(words)];
  if (split.length > words.length) clauses.push(`${phrase(split)}^3`, piecePrefixes(split));
  if (words.length > 1) clauses.push(`${words.join('')}*`);
  const fuzzyWords = split.map((word) => {
    const edits = allowedEdits(word);
    return edits ? `(${word}* OR ${word}~${edits})` : word.length > 1 ? `${word}*` : word;
  });
  const fuzzy = split.some((word) => allowedEdits(word) > 0)
    ? `(${fuzzyWords.join(' AND ')})`
    : null;
  const key = text.trim().toLowerCase();
  const bareKey = key.replace(/^[a-z]+:/, '');
  const idKeys = /\s/.test(key)
    ? []
    : [...new Set([key, ...Object.values(ID_PREFIX).map((prefix) => `${prefix}:${bareKey}`)])];
  return { strict: clauses.join(' OR '), fuzzy, idKeys, compact: compactForm(text) };
}
