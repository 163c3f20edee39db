import {
  entityInputSchema,
  relationshipInputSchema,
  type NodeKind,
  type RelationshipInput,
} from '@lineage/domain';
import { describeEdge, refuseCycles } from '../cycles';
import { importedFrom, importedLink } from '../matching/provenance';
import { parseRecord } from '../parse-record';
import { BatchBuilder, emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { foldIds, type Spelling } from './case-folding';
import { isLink, type HfCardFacts, type HfLink, type HfRecord } from './read-hf';
import { planReuploadTies } from './reupload-ties';

/** The kind a model takes from how it derives, strongest evidence first. */
const KIND_BY_RELATION: [HfLink['relation'], NodeKind][] = [
  ['MERGED_FROM', 'Merge'],
  ['ADAPTER_OF', 'Adapter'],
  ['QUANTIZED_FROM', 'Quantization'],
  ['FINE_TUNED_FROM', 'FineTune'],
];

export const hubUrl = (repo: string) => `https://huggingface.co/${repo}`;
const ownerOf = (repo: string) => repo.slice(0, repo.indexOf('/'));

/**
 * Hugging Face lineage, from the model tree or model cards: every repo is `model:<repo id>` in
 * the spelling already stored (so it joins the seed), its owner a provider. A model's kind comes
 * from how it derives; one that derives from nothing is a base model, or a re-upload tied to the
 * vendor's model it copies; a model already stored keeps its kind and record.
 */
export async function planHuggingFace(
  format: string,
  records: readonly HfRecord[],
  lookup: NodeLookup,
): Promise<ImportPlan> {
  const notes = emptyNotes();
  const builder = new BatchBuilder();

  // Every spelling the file uses, models and owners, where it first appears.
  const spellings: Spelling[] = [];
  for (const record of records)
    for (const repo of isLink(record) ? [record.child, record.parent] : [record.repo])
      spellings.push(
        { id: `model:${repo}`, at: record.at },
        { id: `provider:${ownerOf(repo)}`, at: record.at },
      );
  const folded = await foldIds(spellings, lookup);
  notes.remarks.push(...folded.remarks);
  const repoOf = (repo: string) => folded.canonical.get(`model:${repo}`)!.slice('model:'.length);

  const firstAt = new Map<string, string>();
  const facts = new Map<string, HfCardFacts>();
  const seen = new Map<string, string>();
  const parentsOf = new Map<string, Set<HfLink['relation']>>();
  let lineage: RelationshipInput[] = [];
  for (const record of records) {
    if (!isLink(record)) {
      const repo = repoOf(record.repo);
      if (!firstAt.has(repo)) firstAt.set(repo, record.at);
      const earlier = facts.get(repo);
      if (earlier) notes.duplicates.push(`${record.at}: repeats the card of ${earlier.at}`);
      else facts.set(repo, { ...record, repo });
      continue;
    }
    const [child, parent] = [repoOf(record.child), repoOf(record.parent)];
    for (const repo of [child, parent]) if (!firstAt.has(repo)) firstAt.set(repo, record.at);
    const key = `${child}|${record.relation}|${parent}`;
    const earlier = seen.get(key);
    if (earlier) {
      notes.duplicates.push(`${record.at}: repeats ${earlier}`);
      continue;
    }
    seen.set(key, record.at);
    if (child === parent) {
      notes.selfLoops.push(`${record.at}: ${child} names itself as its parent`);
      continue;
    }
    parentsOf.set(child, (parentsOf.get(child) ?? new Set()).add(record.relation));
    lineage.push(
      parseRecord(
        relationshipInputSchema,
        {
          type: record.relation,
          from: `model:${child}`,
          to: `model:${parent}`,
          sources: [hubUrl(child)],
          ...importedLink(format, record.at, 'exact'),
        },
        record.at,
      ),
    );
  }

  // Reassigned, not spliced in: a million links spread as arguments overflow the stack.
  lineage = await datedLinks(lineage, facts, folded.stored, lookup);

  const repos = [...firstAt.keys()].sort();
  const kindOf = new Map<string, NodeKind>();
  for (const repo of repos) {
    const relations = parentsOf.get(repo);
    kindOf.set(
      repo,
      folded.stored.get(`model:${repo}`) ??
        KIND_BY_RELATION.find(([relation]) => relations?.has(relation))?.[1] ??
        'BaseModel',
    );
  }
  const ties = await planReuploadTies({
    format,
    roots: repos.filter((repo) => !parentsOf.has(repo)),
    repos,
    at: (repo) => firstAt.get(repo)!,
    kindOf,
    lookup,
  });
  lineage.push(...ties.relationships);
  notes.remarks.push(...ties.remarks);
  notes.ambiguous.push(...ties.ambiguous);
  for (const [repo, kind] of ties.kinds)
    if (!folded.stored.has(`model:${repo}`)) kindOf.set(repo, kind);

  const providerOf = (repo: string) => folded.canonical.get(`provider:${ownerOf(repo)}`)!;
  for (const repo of repos) {
    const provider = providerOf(repo);
    if (folded.stored.has(provider) || builder.hasNode(provider)) continue;
    builder.addNode(
      parseRecord(
        entityInputSchema,
        {
          id: provider,
          kind: 'Provider',
          name: provider.slice('provider:'.length),
          sources: [hubUrl(provider.slice('provider:'.length))],
          ...importedFrom(format, firstAt.get(repo)!),
        },
        firstAt.get(repo)!,
      ),
    );
  }
  let linked = 0;
  for (const repo of repos) {
    const id = `model:${repo}`;
    if (folded.stored.has(id)) {
      linked++;
      continue;
    }
    const at = firstAt.get(repo)!;
    const { license, createdAt } = facts.get(repo) ?? {};
    builder.addNode(
      parseRecord(
        entityInputSchema,
        {
          id,
          kind: kindOf.get(repo),
          name: repo.slice(repo.indexOf('/') + 1),
          access: 'open',
          ...(license ? { license } : {}),
          ...(createdAt ? { releasedAt: createdAt } : {}),
          sources: [hubUrl(repo)],
          ...importedFrom(format, at),
        },
        at,
      ),
    );
    builder.addRelationship(
      parseRecord(
        relationshipInputSchema,
        {
          type: 'DEVELOPED_BY',
          from: id,
          to: providerOf(repo),
          sources: [hubUrl(repo)],
          ...importedLink(format, at, 'exact'),
        },
        at,
      ),
    );
  }
  const { kept, onCycles } = refuseCycles(lineage);
  notes.cycles.push(...onCycles.map(describeEdge).sort());
  for (const relationship of kept) builder.addRelationship(relationship);
  return {
    format,
    // Lines read: a card gives its facts and its links from one line.
    records: new Set(records.map((record) => record.at)).size,
    batch: builder.build(),
    linked,
    notes,
    matches: [...folded.matches, ...ties.matches],
  };
}

/**
 * A card's link to its base holds from the model's creation (it is how the model was made):
 * `validFrom` is the card's `createdAt`, unless the base is dated later (its own card, or the
 * store's release for a stored base), when the start is unknown. Tree edges carry no dates.
 */
async function datedLinks(
  links: RelationshipInput[],
  facts: Map<string, HfCardFacts>,
  stored: Map<string, NodeKind>,
  lookup: NodeLookup,
): Promise<RelationshipInput[]> {
  const dateOf = new Map<string, string>();
  for (const { repo, createdAt } of facts.values())
    if (createdAt && !stored.has(`model:${repo}`)) dateOf.set(`model:${repo}`, createdAt);
  const storedEnds = [...new Set(links.flatMap((l) => [l.from, l.to]))].filter((id) =>
    stored.has(id),
  );
  if (storedEnds.length && lookup.releasedAtOf)
    for (const [id, date] of await lookup.releasedAtOf(storedEnds)) dateOf.set(id, date);
  return links.map((link) => {
    const [from, to] = [dateOf.get(link.from), dateOf.get(link.to)];
    return from && !(to && to > from) ? { ...link, validFrom: from } : link;
  });
}
