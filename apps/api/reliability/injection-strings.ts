import fc from 'fast-check';

/** Fragments that would do harm if a layer pasted input into Cypher, JS, SQL, HTML or a shell. */
export const INJECTIONS = [
  `' OR 1=1 --`,
  `"; DROP TABLE models; --`,
  `x') DETACH DELETE n //`,
  `"}) MATCH (n) DETACH DELETE n //`,
  `\` MATCH (n) SET n.name = 'pwned' //`,
  `{id: 1} ) CALL apoc.cypher.runFirstColumn('MATCH (n) DETACH DELETE n', {}) //`,
  `$ids`,
  `\${process.exit(1)}`,
  `'); require('child_process').execSync('id'); ('`,
  `__proto__`,
  `constructor`,
  `{"__proto__": {"admin": true}}`,
  `<script>alert(1)</script>`,
  `../../../../etc/passwd`,
  `%00\u0000nul`,
  `\u202eevil`,
  `a`.repeat(10_000),
  `model:owner/name" OR "1"="1`,
];

/** An injection fragment, alone or followed by random text (which can make it id-shaped). */
export const injectionString = fc
  .tuple(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 20 }))
  .map(([fragment, text]) => `${fragment}${text}`);
