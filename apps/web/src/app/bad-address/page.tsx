import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Malformed address', robots: { index: false } };

/** Where the proxy sends an address whose `%` escapes do not decode (answered with a 400). */
export default function BadAddress() {
  return (
    <section className="panel" aria-labelledby="bad-address-title">
      <h1 id="bad-address-title">This address is malformed</h1>
      <p>
        It holds a <code>%</code> escape that does not decode (a <code>%</code> must be followed by
        two hexadecimal digits forming valid UTF-8). Check the link, or search for what you wanted.
      </p>
      <Link href="/">Back to search</Link>
    </section>
  );
}
