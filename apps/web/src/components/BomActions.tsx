import type { AsOfChoice } from '../lib/as-of';

/**
 * The deployment's bill of materials as a CycloneDX 1.6 file, for the day the page shows: a
 * plain link to the web app's /api/bom, so it works without script and names what it gives.
 */
export function BomActions({ id, kind, asOf }: { id: string; kind: string; asOf: AsOfChoice }) {
  if (kind !== 'Deployment') return null;
  const href = `/api/bom?${new URLSearchParams({ id, asOf: asOf.date }).toString()}`;
  return (
    <p className="bom-actions">
      <a className="button" href={href} download>
        Download CycloneDX BOM
      </a>{' '}
      <span className="muted">
        CycloneDX 1.6 JSON: what it was built on as of {asOf.date}, with the defects reaching it.
      </span>
    </p>
  );
}
