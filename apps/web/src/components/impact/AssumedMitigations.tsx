'use client';

import { LINEAGE_KINDS } from '@lineage/domain';
import { SearchBox } from '../SearchBox';

export interface Picked {
  id: string;
  name: string;
}

/**
 * The nodes a what-if assumes mitigate the defect (a fix, a filter): nothing passes through
 * them, as through a recorded mitigation. Picked by search, removed one by one.
 */
export function AssumedMitigations({
  picked,
  max,
  onChange,
  origin,
}: {
  picked: Picked[];
  max: number;
  onChange: (next: Picked[]) => void;
  /** The defect's origin: it cannot mitigate its own defect. */
  origin?: string;
}) {
  const add = (hit: Picked) => {
    if (hit.id === origin || picked.some((p) => p.id === hit.id) || picked.length >= max) return;
    onChange([...picked, { id: hit.id, name: hit.name }]);
  };
  return (
    <fieldset className="assumed" data-testid="assumed-mitigations">
      <legend>Assume mitigated</legend>
      <SearchBox
        key={picked.length}
        label="Add a node that mitigates it"
        kinds={[...LINEAGE_KINDS]}
        onPick={add}
      />
      {picked.length ? (
        <ul className="chips" aria-label="Assumed mitigated">
          {picked.map((p) => (
            <li key={p.id} data-id={p.id}>
              {p.name}{' '}
              <button
                type="button"
                aria-label={`Stop assuming ${p.name} mitigates it`}
                onClick={() => onChange(picked.filter((other) => other.id !== p.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">
          None: pick a node to see what lies only behind it drop out of the impact.
        </p>
      )}
    </fieldset>
  );
}
