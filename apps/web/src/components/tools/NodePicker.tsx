'use client';

import { useEffect, useId, useState } from 'react';
import { clientGql } from '../../lib/client-api';

interface Suggestion {
  id: string;
  name: string;
  kind: string;
}

/**
 * A node id field that suggests nodes as one types (the Suggest search the SearchBox uses),
 * through a native datalist: the browser handles keyboard and screen readers; the value sent
 * is the id, so a typed id works as well as a picked suggestion.
 */
export function NodePicker({
  name,
  label,
  defaultValue,
}: {
  name: string;
  label: string;
  defaultValue: string;
}) {
  const listId = useId();
  const [text, setText] = useState(defaultValue);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);

  useEffect(() => {
    const query = text.trim();
    // An id already (kind:rest) needs no suggestions; neither does one letter.
    if (query.length < 2 || /^[a-z]+:\S/.test(query)) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      clientGql('Suggest', { text: query }, abort.signal)
        .then((data) => setSuggestions(data.search.edges.map((edge) => edge.node.node)))
        .catch(() => setSuggestions([]));
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text]);

  return (
    <label className="node-picker">
      {label}
      <input
        name={name}
        list={listId}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="a name or an id (model:…)"
        autoComplete="off"
        spellCheck={false}
        required
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.kind})
          </option>
        ))}
      </datalist>
    </label>
  );
}
