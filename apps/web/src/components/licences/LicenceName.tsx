/**
 * A licence by name, linked to the text its obligations were read from. "unverified" marks a
 * licence whose text could not be read in full: its obligations are only those seen.
 */
export function LicenceName({
  licence,
}: {
  licence: { name: string; source: string; verified?: boolean };
}) {
  return (
    <>
      {licence.source ? (
        <a href={licence.source} rel="noreferrer noopener">
          {licence.name}
        </a>
      ) : (
        licence.name
      )}
      {licence.verified === false ? (
        <>
          {' '}
          <span
            className="unverified"
            title="Its text could not be read in full: the obligations shown are only those seen."
          >
            unverified
          </span>
        </>
      ) : null}
    </>
  );
}
