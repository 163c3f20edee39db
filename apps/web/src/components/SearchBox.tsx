'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import type { SuggestQuery } from '../generated/graphql';
import { clientGql } from '../lib/client-api';
import type { BrowserVariables } from '../lib/operations';
import { nodeHref } from '../lib/links';
import { KindBadge } from './Badges';

/** A suggestion as the Suggest operation answers it. */
type Hit = SuggestQuery['search']['edges'][number]['node']['node'];

/**
 * A combobox: suggestions of any kind (defects too) appear while typing; arrows move, Enter
 * opens. `onPick` replaces navigation (the what-if form picks a node instead of opening it).
 */
export function SearchBox({
  label = 'Search models, products, defects',
  kinds,
  onPick,
  autoFocus = false,
  initialText = '',
}: {
  label?: string;
  kinds?: string[];
  onPick?: (hit: Hit) => void;
  autoFocus?: boolean;
  initialText?: string;
}) {
  const router = useRouter();
  const [text, setText] = useState(initialText);
  const [typed, setTyped] = useState(false);
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | undefined>();
  const listId = useId();
  const inputId = useId();
  const pending = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    // Suggestions follow what the person types, not a name filled in for them.
    if (!typed || !text.trim()) {
      setHits([]);
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
        .then((data) => {
          setHits(data.search.edges.map((edge) => edge.node.node));
          setActive(-1);
          setError(undefined);
        })
        .catch((e: Error) => {
          if (e.name !== 'AbortError') setError(e.message);
        });
    }, 150);
    return () => clearTimeout(timer);
  }, [text, kinds, typed]);

  const pick = (hit: Hit) => {
    setHits([]);
    setTyped(false);
    if (onPick) {
      onPick(hit);
      setText(hit.name);
    } else router.push(nodeHref(hit.id));
  };

  return (
    <div className="search">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder="e.g. Llama 2, DeepSeek-R1, ChatGPT, jailbreak"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setTyped(true);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (event.key === 'Enter' && hits.length) pick(hits[Math.max(active, 0)]!);
          else if (event.key === 'Escape') setHits([]);
          else return;
          event.preventDefault();
        }}
      />
      <ul
        id={listId}
        role="listbox"
        className="suggestions"
        hidden={hits.length === 0}
        aria-label="Suggestions"
      >
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(hit);
            }}
          >
            <KindBadge kind={hit.kind} /> <span className="hit-name">{hit.name}</span>{' '}
            <span className="muted">{hit.id}</span>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="error-text">
          Search failed: {error}
        </p>
      ) : null}
    </div>
  );
}
