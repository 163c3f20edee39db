'use client';

import '../../lib/zod-without-eval';
import { LINEAGE_KINDS } from '@lineage/domain';
import { useRouter } from 'next/navigation';
import { exploreHref } from '../../lib/links';
import { SearchBox } from '../SearchBox';

/** The explorer with no focus yet: pick where to start. */
export function ExploreStart() {
  const router = useRouter();
  return (
    <section className="panel" aria-labelledby="explore-start">
      <h1 id="explore-start">Explore the lineage</h1>
      <p className="muted">
        Pick a model, dataset or product to see what it derives from and what derives from it.
      </p>
      <SearchBox
        label="Start from"
        kinds={[...LINEAGE_KINDS]}
        onPick={(hit) => router.push(exploreHref(hit.id))}
        autoFocus
      />
    </section>
  );
}
