'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type KeyboardEvent } from 'react';
import { nodeHref } from '../lib/links';
import { searchHref } from '../lib/search-href';
import { KindBadge } from './Badges';
import { useSuggestions, type Hit } from './search/use-suggestions';

/** The API's refusal of a text, in the words a person reads (it names the argument first). */
const readable = (message: string) => message.replace(/^text: /, '');

/**
 * A combobox (the WAI-ARIA list autocomplete pattern): suggestions of any kind (defects too)
 * appear while typing; arrows move, Enter opens the chosen one, or without a choice the results
 * page; Escape, Tab or a click elsewhere closes the list. `onPick` replaces navigation (the
 * what-if form picks a node instead of opening it; there Enter picks the first suggestion).
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
  // Suggestions follow what the person types, not a name filled in for them.
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const inputId = useId();
  const suggestions = useSuggestions(text, kinds, open);
  const answered = open && suggestions.answered === text;
  const hits = answered ? suggestions.hits : [];
  // Navigation mode ends the list with the results page, as an option of its own.
  const seeAll = answered && !onPick && !suggestions.error && hits.length > 0;
  const optionCount = hits.length + (seeAll ? 1 : 0);
  const expanded = optionCount > 0;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (hit: Hit) => {
    close();
    if (onPick) {
      onPick(hit);
      setText(hit.name);
    } else router.push(nodeHref(hit.id));
  };
  const showAll = () => {
    if (!text.trim()) return;
    close();
    router.push(searchHref(text, kinds));
  };
  const choose = (index: number) => {
    const chosen = hits[index];
    if (chosen) pick(chosen.hit);
    else showAll();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) setOpen(true);
      if (optionCount) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((a) =>
          a < 0 && step < 0 ? optionCount - 1 : (a + step + optionCount) % optionCount,
        );
      }
    } else if (event.key === 'Enter') {
      if (active >= 0 && active < optionCount) choose(active);
      else if (onPick && hits[0]) pick(hits[0].hit);
      else if (!onPick) showAll();
      else return;
    } else if (event.key === 'Escape' && open) close();
    else return;
    event.preventDefault();
  };

  return (
    <div className="search">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        maxLength={200}
        placeholder="e.g. Llama 3.1, GPT-4o, DeepSeek-R1, FMD-2026-0008, jailbreak"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        className="suggestions"
        hidden={!expanded}
        aria-label="Suggestions"
      >
        {hits.map(({ hit, match }, i) => (
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
            {match === 'SIMILAR' ? <span className="hit-similar"> similar spelling</span> : null}
          </li>
        ))}
        {seeAll ? (
          <li
            id={`${listId}-${hits.length}`}
            role="option"
            aria-selected={active === hits.length}
            className="see-all"
            onMouseDown={(event) => {
              event.preventDefault();
              showAll();
            }}
          >
            See all {suggestions.totalCount.toLocaleString('en')}
            {suggestions.totalCountCapped ? '+' : ''} results for “{text.trim()}”
          </li>
        ) : null}
      </ul>
      {answered && !suggestions.error && hits.length === 0 ? (
        <p className="suggestions suggestions-empty" role="status">
          No results for “{text.trim()}”. Check the spelling, use fewer words, or search by an id
          such as FMD-2026-0008.
        </p>
      ) : null}
      {answered && suggestions.error ? (
        <p role="alert" className="error-text">
          Cannot search: {readable(suggestions.error)}
        </p>
      ) : null}
    </div>
  );
}
