import { validationError, type NodeKind } from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import { propsToEntity, type StoredEntity } from './entity-props';
import { searchPlan, searchTextProblem } from './search-query';
import { decodeProps } from './values';

/** How a hit matched: its name, an alias or its id equals the text (ignoring case, spaces and
 * punctuation); its words (as prefixes, or spaced differently) match; or only when spelt close. */
export type SearchMatch = 'EXACT' | 'WORDS' | 'SIMILAR';
const MATCHES: SearchMatch[] = ['SIMILAR', 'WORDS', 'EXACT'];

export interface SearchHit {
  entity: StoredEntity;
  score: number;
  match: SearchMatch;
}

export interface SearchPage {
  items: SearchHit[];
  totalCount: number;
  hasNextPage: boolean;
  /** Hits per kind before the kinds filter, so a results page can offer each kind's count. */
  byKind: { kind: NodeKind; count: number }[];
  /** More nodes match than were ranked (MAX_RANKED_HITS): the counts are "at least". */
  capped: boolean;
}

// Punctuation a name may put between its words; a name compared with the text drops it.
const compact = (expr: string) =>
  ["' '", "'-'", "'_'", "'.'", "'/'", "':'"].reduce(
    (inner, separator) => `replace(${inner}, ${separator}, '')`,
    `toLower(${expr})`,
  );

// Tiers: 2 exact, 1 words, 0 similar spelling. When the words match far fewer nodes than the
// close spellings do (`lama`: 20 against 4,000 `llama`s), the text is most likely a typo and
// the two tiers mix. Close spellings are only asked when the words match fewer than
// FUZZY_BELOW nodes: beyond, a typo would need ten times as many close spellings, and the
// second full-text query is the search's largest cost. Relevance is Lucene's score raised by
// how connected a node is, since a typo most likely meant a well-known name (Lucene scores
// all close spellings about alike).
const FUZZY_BELOW = 500;

/**
 * Each full-text query gives its best hits by text score, at most this many, and only those
 * are ranked: a short word matched 100,000 ids at 1M, and ranking them all (each one's degree)
 * took 2-6 s. Beyond it the count says "at least" (SearchPage.capped).
 */
export const MAX_RANKED_HITS = 1_000;

const SEARCH = `
  CALL db.index.fulltext.queryNodes('entity_search', $strict, {limit: $maxHits}) YIELD node, score
  WITH collect({node: node, score: score, tier: 1}) AS strictHits
  CALL () {
    MATCH (node:Entity) WHERE node.idKey IN $idKeys
    RETURN collect({node: node, score: 1.0, tier: 2}) AS idHits
  }
  WITH strictHits + idHits AS wordHits, size(strictHits) >= $maxHits AS strictCapped
  CALL (wordHits) {
    WITH wordHits WHERE $fuzzy IS NOT NULL AND size(wordHits) < $fuzzyBelow
    CALL db.index.fulltext.queryNodes('entity_search', $fuzzy, {limit: $maxHits})
    YIELD node, score
    RETURN collect({node: node, score: score, tier: 0}) AS similarHits
  }
  WITH wordHits, similarHits, strictCapped OR size(similarHits) >= $maxHits AS capped
  UNWIND wordHits + similarHits AS hit
  WITH hit.node AS node, hit.score AS score, hit.tier AS tier, capped
  WITH node, max(tier) AS tier, max(score) AS score, capped
  WITH node, score, capped,
       CASE WHEN tier = 2 OR ${compact('node.name')} = $compact
              OR ${compact("last(split(node.id, '/'))")} = $compact
              OR any(alias IN coalesce(node.aliases, []) WHERE ${compact('alias')} = $compact)
            THEN 2 ELSE tier END AS tier
  WITH collect({node: node, score: score, tier: tier}) AS hits, capped
  WITH hits, capped, size([hit IN hits WHERE hit.tier > 0]) * 10 < size(hits) AS typo,
       COLLECT {
         UNWIND hits AS hit
         WITH hit.node.kind AS kind, count(*) AS count
         RETURN {kind: kind, count: count}
       } AS byKind
  CALL (hits, typo) {
    UNWIND hits AS hit
    WITH hit WHERE $kinds IS NULL OR hit.node.kind IN $kinds
    WITH hit.node AS node, hit.tier AS tier, hit.score AS score
    WITH node, tier, score * (1 + log10(1 + COUNT { (node)--() })) ^ 2 AS relevance
    ORDER BY CASE WHEN tier = 2 THEN 2 WHEN typo THEN 0 ELSE tier END DESC, relevance DESC, node.id
    RETURN collect({node: node, tier: tier, relevance: relevance}) AS ranked
  }
  RETURN size(ranked) AS total, byKind, capped,
         [hit IN ranked[$skip..($skip + $limit)] |
           {props: properties(hit.node), score: hit.relevance, tier: hit.tier}] AS page`;

interface SearchRow {
  total: number;
  capped: boolean;
  byKind: { kind: NodeKind; count: number }[];
  page: { props: object; score: number; tier: number }[];
}

/** One page of a search, best first: exact matches, then word matches, then close spellings. */
export async function searchNodes(
  connection: Connection,
  text: string,
  options: { kinds?: NodeKind[]; first: number; offset: number },
): Promise<SearchPage> {
  const problem = searchTextProblem(text);
  if (problem) throw validationError(problem);
  const plan = searchPlan(text);
  if (!plan) return { items: [], totalCount: 0, hasNextPage: false, byKind: [], capped: false };
  const [row] = await connection.read<SearchRow>(SEARCH, {
    ...plan,
    fuzzyBelow: neo4j.int(FUZZY_BELOW),
    maxHits: neo4j.int(MAX_RANKED_HITS),
    kinds: options.kinds?.length ? options.kinds : null,
    skip: neo4j.int(options.offset),
    limit: neo4j.int(options.first),
  });
  const total = row?.total ?? 0;
  return {
    items: (row?.page ?? []).map((hit) => ({
      entity: propsToEntity(decodeProps(hit.props)),
      score: hit.score,
      match: MATCHES[hit.tier] ?? 'WORDS',
    })),
    totalCount: total,
    hasNextPage: options.offset + options.first < total,
    byKind: (row?.byKind ?? []).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    capped: row?.capped ?? false,
  };
}
