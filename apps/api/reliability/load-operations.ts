/** A write the API acknowledged, as a read-back checks it afterwards. */
export type AcknowledgedWrite =
  | { kind: 'node'; id: string; name: string }
  | { kind: 'relationship'; type: string; from: string; to: string };

/** Real ids the reads use and the writes link to (from the seed). */
export interface LoadTargets {
  /** Any node ids, for node lookups. */
  nodeIds: string[];
  /** Model ids the load's own models are fine-tuned from. */
  modelIds: string[];
  defectIds: string[];
}

export interface Operation {
  name: string;
  write: boolean;
  query: string;
  variables: Record<string, unknown>;
  /** What the write stores when acknowledged; empty for reads. */
  acknowledges: AcknowledgedWrite[];
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

const READS: ((targets: LoadTargets) => Omit<Operation, 'write' | 'acknowledges'>)[] = [
  (t) => ({
    name: 'node',
    query: `query Node($id: ID!) { node(id: $id) { id name
      ... on LineageNode { parents { type to { id } } } } }`,
    variables: { id: pick(t.nodeIds) },
  }),
  () => ({
    name: 'search',
    query: `query Search($text: String!) { search(text: $text, first: 10) {
      totalCount edges { node { score node { id name } } } } }`,
    variables: { text: pick(['llama', 'gpt', 'mistral', 'deepseek', 'qwen', 'copilot']) },
  }),
  () => ({ name: 'stats', query: '{ stats { nodes graphVersion } }', variables: {} }),
  (t) => ({
    name: 'lineage',
    query: `query Lineage($id: ID!) { lineage(id: $id, direction: DOWNSTREAM, depth: 2, maxNodes: 100) {
      truncated nodes { distance node { id } } } }`,
    variables: { id: pick(t.modelIds) },
  }),
  (t) => ({
    name: 'impact',
    query: `query Impact($id: ID!) { impact(defectId: $id, first: 10) {
      totals { exposed } exposed { edges { node { level node { id } } } } } }`,
    variables: { id: pick(t.defectIds) },
  }),
];

const UPSERT_PROVIDER = `mutation Provider($input: ProviderInput!) {
  upsertProvider(input: $input) { graphVersion userErrors { code message } } }`;
const UPSERT_MODEL = `mutation Model($input: ModelInput!) {
  upsertModel(input: $input) { graphVersion userErrors { code message } } }`;
const LINK = `mutation Link($input: LinkInput!) {
  link(input: $input) { graphVersion userErrors { code message } } }`;

/**
 * One load client: its ids carry the run and the client's number, so every write is its own
 * and a read-back can tell exactly what should be there. It links only what it saw acknowledged.
 */
export class LoadClient {
  private serial = 0;
  private providerStored = false;
  private readonly models: string[] = [];

  constructor(
    private readonly prefix: string,
    private readonly targets: LoadTargets,
    private readonly writeShare: number,
  ) {}

  private get providerId() {
    return `provider:${this.prefix}`;
  }

  next(): Operation {
    if (Math.random() >= this.writeShare) {
      return { ...pick(READS)(this.targets), write: false, acknowledges: [] };
    }
    if (!this.providerStored) return this.upsertProvider();
    if (this.models.length && Math.random() < 0.4) return this.link();
    return this.upsertModel();
  }

  /** Called with each operation the API acknowledged, so later writes can build on it. */
  acknowledged(operation: Operation) {
    for (const write of operation.acknowledges) {
      if (write.kind !== 'node') continue;
      if (write.id === this.providerId) this.providerStored = true;
      else this.models.push(write.id);
    }
  }

  private upsertProvider(): Operation {
    const name = `Reliability ${this.prefix}`;
    return {
      name: 'upsertProvider',
      write: true,
      query: UPSERT_PROVIDER,
      variables: { input: { id: this.providerId, name, sources: ['https://example.org/load'] } },
      acknowledges: [{ kind: 'node', id: this.providerId, name }],
    };
  }

  private upsertModel(): Operation {
    const id = `model:${this.prefix}/m${++this.serial}`;
    const name = `load model ${this.prefix} ${this.serial}`;
    return {
      name: 'upsertModel',
      write: true,
      query: UPSERT_MODEL,
      variables: { input: { id, kind: 'FineTune', name, providerId: this.providerId } },
      acknowledges: [
        { kind: 'node', id, name },
        { kind: 'relationship', type: 'DEVELOPED_BY', from: id, to: this.providerId },
      ],
    };
  }

  private link(): Operation {
    const from = pick(this.models);
    const to = pick(this.targets.modelIds);
    return {
      name: 'link',
      write: true,
      query: LINK,
      variables: { input: { type: 'FINE_TUNED_FROM', from, to } },
      acknowledges: [{ kind: 'relationship', type: 'FINE_TUNED_FROM', from, to }],
    };
  }
}
