import { entityInputSchema, relationshipInputSchema, type NodeKind } from '@lineage/domain';
import { describeEdge, refuseCycles } from '../cycles';
import { parseRecord } from '../parse-record';
import { BatchBuilder, emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import type { HfLink } from './read-hf';

/** The kind a model takes from how it derives, strongest evidence first. */
const KIND_BY_RELATION: [HfLink['relation'], NodeKind][] = [
  ['MERGED_FROM', 'Merge'],
  ['ADAPTER_OF', 'Adapter'],
  ['QUANTIZED_FROM', 'Quantization'],
  ['FINE_TUNED_FROM', 'FineTune'],
];

const hubUrl = (repo: string) => `https://huggingface.co/${repo}`;

/**
 * Hugging Face lineage: every repo is `model:<repo id>` exactly (so it joins the seed), its
 * owner a provider. A model's kind comes from how it derives; one that derives from nothing
 * is a base model; a model already stored keeps its kind and record.
 */
export async function planHuggingFace(
  format: string,
  links: HfLink[],
  lookup: NodeLookup,
): Promise<ImportPlan> {
  const notes = emptyNotes();
  const builder = new BatchBuilder();
  const seen = new Map<string, string>();
  const firstAt = new Map<string, string>();
  const parentsOf = new Map<string, Set<HfLink['relation']>>();
  const repos = new Set<string>();
  const lineage = [];
  for (const link of links) {
    const key = `${link.child}|${link.relation}|${link.parent}`;
    const earlier = seen.get(key);
    if (earlier) {
      notes.duplicates.push(`${link.at}: repeats ${earlier}`);
      continue;
    }
    seen.set(key, link.at);
    // Where each repo and owner first appears, for an error about the record made of it.
    for (const repo of [link.child, link.parent]) {
      if (!firstAt.has(repo)) firstAt.set(repo, link.at);
      const owner = `provider:${repo.slice(0, repo.indexOf('/'))}`;
      if (!firstAt.has(owner)) firstAt.set(owner, link.at);
    }
    repos.add(link.child).add(link.parent);
    if (link.child === link.parent) {
      notes.selfLoops.push(`${link.at}: ${link.child} names itself as its parent`);
      continue;
    }
    parentsOf.set(link.child, (parentsOf.get(link.child) ?? new Set()).add(link.relation));
    lineage.push(
      parseRecord(
        relationshipInputSchema,
        {
          type: link.relation,
          from: `model:${link.child}`,
          to: `model:${link.parent}`,
          sources: [hubUrl(link.child)],
        },
        link.at,
      ),
    );
  }

  const owners = new Set([...repos].map((repo) => repo.slice(0, repo.indexOf('/'))));
  const known = await lookup.kindsOf([
    ...[...repos].map((repo) => `model:${repo}`),
    ...[...owners].map((o) => `provider:${o}`),
  ]);
  let linked = 0;
  for (const owner of owners) {
    if (!known.has(`provider:${owner}`)) {
      builder.addNode(
        parseRecord(
          entityInputSchema,
          {
            id: `provider:${owner}`,
            kind: 'Provider',
            name: owner,
            sources: [hubUrl(owner)],
          },
          firstAt.get(`provider:${owner}`)!,
        ),
      );
    }
  }
  for (const repo of [...repos].sort()) {
    const id = `model:${repo}`;
    if (known.has(id)) {
      linked++;
      continue;
    }
    const relations = parentsOf.get(repo);
    const kind =
      KIND_BY_RELATION.find(([relation]) => relations?.has(relation))?.[1] ?? 'BaseModel';
    builder.addNode(
      parseRecord(
        entityInputSchema,
        {
          id,
          kind,
          name: repo.slice(repo.indexOf('/') + 1),
          access: 'open',
          sources: [hubUrl(repo)],
        },
        firstAt.get(repo)!,
      ),
    );
    const owner = repo.slice(0, repo.indexOf('/'));
    builder.addRelationship(
      parseRecord(
        relationshipInputSchema,
        {
          type: 'DEVELOPED_BY',
          from: id,
          to: `provider:${owner}`,
          sources: [hubUrl(repo)],
        },
        firstAt.get(repo)!,
      ),
    );
  }
  const { kept, onCycles } = refuseCycles(lineage);
  notes.cycles.push(...onCycles.map(describeEdge).sort());
  for (const relationship of kept) builder.addRelationship(relationship);
  return { format, records: links.length, batch: builder.build(), linked, notes, matches: [] };
}
