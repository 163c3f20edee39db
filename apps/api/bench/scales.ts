/**
 * The scales `npm run bench -- --scale` knows, with the memory each Neo4j gets. At 5M the
 * store is about 10 GB on disk: Neo4j gets 4 GB of heap (a 50k-row load transaction needs
 * about 1 GB) and 8 GB of page cache; the bench and the API (each holding the lineage as
 * typed arrays, about 1.5 GB at 5M) get 6 GB heaps (see NODE_HEAP): 24 GB in all at most.
 */
export const SCALES = {
  '10k': { nodes: 10_000, heap: '1g', pageCache: '512m' },
  '100k': { nodes: 100_000, heap: '2g', pageCache: '1g' },
  // `lineage import` makes every new node visible in one last transaction, about 6.8 KB of
  // transaction memory a node (staged-import.ts): at 1M it needs a heap and cap to match.
  '1M': {
    nodes: 1_000_000,
    heap: '4g',
    pageCache: '4g',
    importNeo4j: { heap: '12g', transactionMax: '9g' },
  },
  '5M': { nodes: 5_000_000, heap: '4g', pageCache: '8g' },
} as const;

/** The V8 heap of the API child the bench starts (the npm script gives the bench its own). */
export const NODE_HEAP_MB = 6144;

export type ScaleName = keyof typeof SCALES;
export type Scale = (typeof SCALES)[ScaleName] & { name: ScaleName };

export function scaleNamed(name: string): Scale {
  if (!(name in SCALES)) {
    throw new Error(`unknown scale '${name}': use one of ${Object.keys(SCALES).join(', ')}`);
  }
  return { name: name as ScaleName, ...SCALES[name as ScaleName] };
}

/**
 * The generator's seed for every scale: a cached store is reused while seed and version match.
 * Seed 3's largest hub reaches 141k nodes at 1M (seed 1's 98k, seed 2's 110k): DESIGN.md asks
 * for a hub of over 100k, and the larger one is the harder test.
 */
export const SEED = 3;
