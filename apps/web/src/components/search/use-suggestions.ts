'use client';

import { useEffect, useRef, useState } from 'react';
import type { SuggestQuery } from '../../generated/graphql';
import { clientGql } from '../../lib/client-api';
import type { BrowserVariables } from '../../lib/operations';

/** A suggestion as the Suggest operation answers it. */
export type Hit = SuggestQuery['search']['edges'][number]['node']['node'];
export type Match = SuggestQuery['search']['edges'][number]['node']['match'];

export interface Suggestions {
  /** The text these suggestions answer; undefined before any answer (or while cleared). */
  answered?: string;
  hits: { hit: Hit; match: Match }[];
  totalCount: number;
  /** More match than search ranks: the count is "at least". */
  totalCountCapped: boolean;
  error?: string;
}

const NONE: Suggestions = { hits: [], totalCount: 0, totalCountCapped: false };

/**
 * Suggestions for what a person types, 150 ms after they stop, the previous request aborted;
 * nothing while `enabled` is false (a name filled in for them, or the list closed).
 */
export function useSuggestions(text: string, kinds: string[] | undefined, enabled: boolean) {
  const [suggestions, setSuggestions] = useState<Suggestions>(NONE);
  const pending = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    if (!enabled || !text.trim()) {
      pending.current?.abort();
      setSuggestions(NONE);
      return;
    }
    const timer = setTimeout(() => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      clientGql(
        'Suggest',
        { text, kinds: kinds as BrowserVariables<'Suggest'>['kinds'] },
        controller.signal,
      )
        .then((data) =>
          setSuggestions({
            answered: text,
            hits: data.search.edges.map((edge) => ({
              hit: edge.node.node,
              match: edge.node.match,
            })),
            totalCount: data.search.totalCount,
            totalCountCapped: data.search.totalCountCapped,
          }),
        )
        .catch((e: Error) => {
          if (e.name !== 'AbortError')
            setSuggestions({ ...NONE, answered: text, error: e.message });
        });
    }, 150);
    return () => clearTimeout(timer);
  }, [text, kinds, enabled]);

  return suggestions;
}
