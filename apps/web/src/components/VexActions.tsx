import type { AsOfChoice } from '../lib/as-of';

/**
 * The triage of a defect (or of what reaches a product) as VEX files, for the day the page
 * shows: plain links to the web app's /api/vex, as the BOM's, so they work without script.
 */
export function VexActions({
  id,
  asOf,
  subject,
}: {
  id: string;
  asOf: AsOfChoice;
  subject: string;
}) {
  const href = (format: string) =>
    `/api/vex?${new URLSearchParams({ id, format, asOf: asOf.date }).toString()}`;
  return (
    <p className="bom-actions">
      <a className="button" href={href('cyclonedx')} download>
        Download CycloneDX VEX
      </a>{' '}
      <a className="button" href={href('openvex')} download>
        Download OpenVEX
      </a>{' '}
      <span className="muted">
        {subject} as of {asOf.date}: each analysis recorded, each exposure not yet triaged as under
        investigation.
      </span>
    </p>
  );
}
