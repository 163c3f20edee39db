import type { EntityInput, NodeKind, RelationshipInput } from '@lineage/domain';
import { describeEdge } from '../cycles';
import { importedFrom } from '../matching/provenance';
import { emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { foldIds } from './case-folding';
import { hfRelationship, modelNode, providerNode } from './hf-records';
import { LinkTable, spellingsOf } from './link-table';
import { dateLinks, KEPT, ON_CYCLE, placeOnCycles } from './link-steps';
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
const nameOf = (id: string) => id.slice('model:'.length);

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
  const { spellings, sides } = spellingsOf(records);
  const folded = await foldIds(spellings, lookup);
  for (const remark of folded.remarks) notes.remarks.push(remark);
  const providerOfOwner = new Map<string, string>();
  spellings.forEach(({ id }, i) => {
    if (id.startsWith('provider:'))
      providerOfOwner.set(id.slice('provider:'.length), folded.canonical[i]!);
  });

  const table = new LinkTable(folded.canonical);
  const facts = new Map<number, HfCardFacts>();
  records.forEach((record, i) => {
    if (!isLink(record)) {
      const repo = table.repo(sides[2 * i]!, record.at);
      const earlier = facts.get(repo);
      if (earlier) notes.duplicates.push(`${record.at}: repeats the card of ${earlier.at}`);
      else facts.set(repo, { ...record, repo: nameOf(table.ids[repo]!) });
      return;
    }
    const child = table.repo(sides[2 * i]!, record.at);
    const parent = table.repo(sides[2 * i + 1]!, record.at);
    const earlier = table.addLink(child, record.relation, parent, record.at);
    if (earlier) notes.duplicates.push(`${record.at}: repeats ${earlier}`);
    else if (child === parent)
      notes.selfLoops.push(`${record.at}: ${nameOf(table.ids[child]!)} names itself as its parent`);
  });

  table.sealLinks();
  const { ids, firstAt } = table;
  const names = ids.map(nameOf);
  // A stored spelling (`meta-llama/Llama-3.1-8B` for the file's `Meta-Llama/llama-3.1-8b`)
  // may have an owner the file never spells: it is folded too, where the repo first appears.
  const unspelled = names.flatMap((name, i) =>
    providerOfOwner.has(ownerOf(name))
      ? []
      : [{ id: `provider:${ownerOf(name)}`, at: firstAt[i]! }],
  );
  if (unspelled.length) {
    const more = await foldIds(unspelled, lookup);
    unspelled.forEach(({ id }, i) =>
      providerOfOwner.set(id.slice('provider:'.length), more.canonical[i]!),
    );
    for (const [id, kind] of more.stored) folded.stored.set(id, kind);
    for (const remark of more.remarks) notes.remarks.push(remark);
    folded.matches.push(...more.matches);
  }
  const stored = ids.map((id) => folded.stored.get(id));
  const providers = names.map((name) => providerOfOwner.get(ownerOf(name))!);
  // One URL (and one list of it) per repo, shared by its node and the records it is the source of.
  const sourcesOf: string[][] = [];
  const sources = (repo: number) => (sourcesOf[repo] ??= [hubUrl(names[repo]!)]);

  const lineage = table.links.map((link) =>
    hfRelationship(
      {
        type: link.relation,
        from: ids[link.child]!,
        to: ids[link.parent]!,
        sources: sources(link.child),
        ...importedFrom(format, link.at),
        matchedBy: 'exact',
      },
      link.at,
    ),
  );
  await dateLinks(table, lineage, facts, stored, lookup);

  const order = names.map((_, i) => i).sort((a, b) => compare(names[a]!, names[b]!));
  const kinds: NodeKind[] = names.map(
    (_, repo) =>
      stored[repo] ??
      KIND_BY_RELATION.find(([relation]) => table.hasRelation(repo, relation))?.[1] ??
      'BaseModel',
  );
  const ties = await planReuploadTies({
    format,
    roots: order.filter((repo) => !table.hasParent(repo)).map((repo) => names[repo]!),
    repos: order.map((repo) => names[repo]!),
    at: (name) => firstAt[table.indexOf(`model:${name}`)!]!,
    kindOf: (name) => kinds[table.indexOf(`model:${name}`) ?? -1],
    lookup,
  });
  for (const tie of ties.relationships) lineage.push(tie);
  for (const remark of ties.remarks) notes.remarks.push(remark);
  for (const ambiguous of ties.ambiguous) notes.ambiguous.push(ambiguous);
  for (const [name, kind] of ties.kinds) {
    const repo = table.indexOf(`model:${name}`)!;
    if (!stored[repo]) kinds[repo] = kind;
  }

  const nodes: EntityInput[] = [];
  const added = new Set<string>();
  for (const repo of order) {
    const provider = providers[repo]!;
    if (folded.stored.has(provider) || added.has(provider)) continue;
    added.add(provider);
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
    if (stored[repo]) {
      linked++;
      continue;
    }
    const [id, name, at] = [ids[repo]!, names[repo]!, firstAt[repo]!];
    const { license, createdAt } = facts.get(repo) ?? {};
    const provenance = importedFrom(format, at);
    nodes.push(
      modelNode(
        {
          id,
          kind: kinds[repo]!,
          name: name.slice(name.indexOf('/') + 1),
          access: 'open',
          ...(license ? { license } : {}),
          ...(createdAt ? { releasedAt: createdAt } : {}),
          sources: sources(repo),
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
          to: providers[repo]!,
          sources: sources(repo),
          ...provenance,
          matchedBy: 'exact',
        },
        at,
      ),
    );
  }
  const onCycles: RelationshipInput[] = [];
  const place = placeOnCycles(lineage, table);
  lineage.forEach((relationship, i) => {
    if (place[i] === ON_CYCLE) onCycles.push(relationship);
    else if (place[i] === KEPT) relationships.push(relationship);
  });
  for (const cycle of onCycles.map(describeEdge).sort()) notes.cycles.push(cycle);
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
