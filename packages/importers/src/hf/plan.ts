import type { EntityInput, NodeKind, RelationshipInput } from '@lineage/domain';
import { describeEdge, refuseCycles } from '../cycles';
import { importedFrom } from '../matching/provenance';
import { emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { foldIds, type Spelling } from './case-folding';
import { hfRelationship, modelNode, providerNode } from './hf-records';
import { LinkTable } from './link-table';
import { isLink, type HfCardFacts, type HfLink, type HfRecord } from './read-hf';
import { planReuploadTies } from './reupload-ties';

/** The kind a model takes from how it derives, strongest evidence first. */
const KIND_BY_RELATION: [HfLinkRelation, NodeKind][] = [
  ['MERGED_FROM', 'Merge'],
  ['ADAPTER_OF', 'Adapter'],
  ['QUANTIZED_FROM', 'Quantization'],
  ['FINE_TUNED_FROM', 'FineTune'],
];
type HfLinkRelation = HfLink['relation'];

export const hubUrl = (repo: string) => `https://huggingface.co/${repo}`;
const ownerOf = (repo: string) => repo.slice(0, repo.indexOf('/'));

/**
 * Hugging Face lineage, from the model tree or model cards: every repo is `model:<repo id>` in
 * the spelling already stored (so it joins the seed), its owner a provider. A model's kind comes
 * from how it derives; one that derives from nothing is a base model, or a re-upload tied to the
 * vendor's model it copies; a model already stored keeps its kind and record. Built for a
 * million links: repos are numbered once, links held as numbers, records made without a schema
 * parse where they fit by construction (hf-records.ts).
 */
export async function planHuggingFace(
  format: string,
  records: readonly HfRecord[],
  lookup: NodeLookup,
): Promise<ImportPlan> {
  const notes = emptyNotes();

  // Every spelling the file uses, models (with '/') and owners, where it first appears, in order.
  const firstSeen = new Map<string, string>();
  const see = (repo: string, at: string) => {
    if (!firstSeen.has(repo)) firstSeen.set(repo, at);
    const owner = ownerOf(repo);
    if (!firstSeen.has(owner)) firstSeen.set(owner, at);
  };
  for (const record of records)
    if (isLink(record)) {
      see(record.child, record.at);
      see(record.parent, record.at);
    } else see(record.repo, record.at);
  const spellings: Spelling[] = [];
  for (const [key, at] of firstSeen)
    spellings.push({ id: key.includes('/') ? `model:${key}` : `provider:${key}`, at });
  firstSeen.clear();
  const folded = await foldIds(spellings, lookup);
  for (const remark of folded.remarks) notes.remarks.push(remark);
  const table = new LinkTable((spelling) =>
    folded.canonical.get(`model:${spelling}`)!.slice('model:'.length),
  );

  const facts = new Map<number, HfCardFacts>();
  for (const record of records) {
    if (!isLink(record)) {
      const repo = table.repo(record.repo, record.at);
      const earlier = facts.get(repo);
      if (earlier) notes.duplicates.push(`${record.at}: repeats the card of ${earlier.at}`);
      else facts.set(repo, { ...record, repo: table.repos[repo]! });
      continue;
    }
    const child = table.repo(record.child, record.at);
    const parent = table.repo(record.parent, record.at);
    const earlier = table.addLink(child, record.relation, parent, record.at);
    if (earlier) notes.duplicates.push(`${record.at}: repeats ${earlier}`);
    else if (child === parent)
      notes.selfLoops.push(`${record.at}: ${table.repos[child]} names itself as its parent`);
  }

  const { repos, firstAt } = table;
  // A stored spelling (`meta-llama/Llama-3.1-8B` for the file's `Meta-Llama/llama-3.1-8b`)
  // may have an owner the file never spells: it is folded too, where the repo first appears.
  const unspelled = repos.flatMap((repo, i) =>
    folded.canonical.has(`provider:${ownerOf(repo)}`)
      ? []
      : [{ id: `provider:${ownerOf(repo)}`, at: firstAt[i]! }],
  );
  if (unspelled.length) {
    const more = await foldIds(unspelled, lookup);
    for (const [id, canonical] of more.canonical) folded.canonical.set(id, canonical);
    for (const [id, kind] of more.stored) folded.stored.set(id, kind);
    for (const remark of more.remarks) notes.remarks.push(remark);
    folded.matches.push(...more.matches);
  }
  const isStored = (repo: number) => folded.stored.has(`model:${repos[repo]}`);
  const lineage = table.links.map((link) =>
    hfRelationship(
      {
        type: link.relation,
        from: `model:${repos[link.child]}`,
        to: `model:${repos[link.parent]}`,
        sources: [hubUrl(repos[link.child]!)],
        ...importedFrom(format, link.at),
        matchedBy: 'exact',
      },
      link.at,
    ),
  );
  await dateLinks(table, lineage, facts, isStored, lookup);

  const order = repos.map((_, i) => i).sort((a, b) => compare(repos[a]!, repos[b]!));
  const kindOf = new Map<string, NodeKind>();
  for (const repo of order) {
    kindOf.set(
      repos[repo]!,
      folded.stored.get(`model:${repos[repo]}`) ??
        KIND_BY_RELATION.find(([relation]) => table.hasRelation(repo, relation))?.[1] ??
        'BaseModel',
    );
  }
  const sorted = order.map((repo) => repos[repo]!);
  const ties = await planReuploadTies({
    format,
    roots: order.filter((repo) => !table.hasParent(repo)).map((repo) => repos[repo]!),
    repos: sorted,
    at: (repo) => firstAt[table.indexOf(repo)!]!,
    kindOf,
    lookup,
  });
  for (const tie of ties.relationships) lineage.push(tie);
  for (const remark of ties.remarks) notes.remarks.push(remark);
  for (const ambiguous of ties.ambiguous) notes.ambiguous.push(ambiguous);
  for (const [repo, kind] of ties.kinds)
    if (!folded.stored.has(`model:${repo}`)) kindOf.set(repo, kind);

  const providerOf = (repo: string) => folded.canonical.get(`provider:${ownerOf(repo)}`)!;
  const nodes: EntityInput[] = [];
  const providers = new Set<string>();
  for (const repo of order) {
    const provider = providerOf(repos[repo]!);
    if (folded.stored.has(provider) || providers.has(provider)) continue;
    providers.add(provider);
    const at = firstAt[repo]!;
    const name = provider.slice('provider:'.length);
    nodes.push(
      providerNode(
        { id: provider, name, sources: [hubUrl(name)], ...importedFrom(format, at) },
        at,
      ),
    );
  }
  // Each relationship below is made once: links were told apart by (child, relation, parent).
  const relationships: RelationshipInput[] = [];
  let linked = 0;
  for (const repo of order) {
    const name = repos[repo]!;
    if (isStored(repo)) {
      linked++;
      continue;
    }
    const id = `model:${name}`;
    const at = firstAt[repo]!;
    const { license, createdAt } = facts.get(repo) ?? {};
    const sources = [hubUrl(name)];
    const provenance = importedFrom(format, at);
    nodes.push(
      modelNode(
        {
          id,
          kind: kindOf.get(name)!,
          name: name.slice(name.indexOf('/') + 1),
          access: 'open',
          ...(license ? { license } : {}),
          ...(createdAt ? { releasedAt: createdAt } : {}),
          sources,
          ...provenance,
        },
        at,
      ),
    );
    relationships.push(
      hfRelationship(
        {
          type: 'DEVELOPED_BY',
          from: id,
          to: providerOf(name),
          sources,
          ...provenance,
          matchedBy: 'exact',
        },
        at,
      ),
    );
  }
  const { kept, onCycles } = refuseCycles(lineage);
  for (const cycle of onCycles.map(describeEdge).sort()) notes.cycles.push(cycle);
  for (const relationship of kept) relationships.push(relationship);
  return {
    format,
    // Lines read: a card gives its facts and its links from one line.
    records: new Set(records.map((record) => record.at)).size,
    batch: { nodes, relationships },
    linked,
    notes,
    matches: [...folded.matches, ...ties.matches],
  };
}

// The order of Array.prototype.sort without a comparator: UTF-16 code units.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A card's link to its base holds from the model's creation (it is how the model was made):
 * `validFrom` is the card's `createdAt`, unless the base is dated later (its own card, or the
 * store's release for a stored base), when the start is unknown. Tree edges carry no dates.
 */
async function dateLinks(
  table: LinkTable,
  lineage: RelationshipInput[],
  facts: Map<number, HfCardFacts>,
  isStored: (repo: number) => boolean,
  lookup: NodeLookup,
): Promise<void> {
  const dateOf = new Map<number, string>();
  for (const [repo, { createdAt }] of facts)
    if (createdAt && !isStored(repo)) dateOf.set(repo, createdAt);
  const storedEnds = new Set<number>();
  for (const { child, parent } of table.links)
    for (const repo of [child, parent]) if (isStored(repo)) storedEnds.add(repo);
  if (storedEnds.size && lookup.releasedAtOf) {
    const released = await lookup.releasedAtOf(
      [...storedEnds].map((repo) => `model:${table.repos[repo]}`),
    );
    for (const repo of storedEnds) {
      const date = released.get(`model:${table.repos[repo]}`);
      if (date) dateOf.set(repo, date);
    }
  }
  if (!dateOf.size) return;
  table.links.forEach(({ child, parent }, i) => {
    const [from, to] = [dateOf.get(child), dateOf.get(parent)];
    if (from && !(to && to > from)) lineage[i] = { ...lineage[i]!, validFrom: from };
  });
}
