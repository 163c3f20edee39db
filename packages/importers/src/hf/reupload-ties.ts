import { relationshipInputSchema, type NodeKind, type RelationshipInput } from '@lineage/domain';
import { organisations, type OrganisationIndex } from '../identity/organisations-index';
import type { MatchRecord } from '../matching/name-resolver';
import { importedLink } from '../matching/provenance';
import { parseRecord } from '../parse-record';
import type { NodeLookup } from '../plan';
import { mayBeCopy, nameForm, NO_VENDOR, repoOf, ReuploadFinder, vendorWordOf } from './re-uploads';

export interface ReuploadInput {
  format: string;
  /** Repos of the file with no parent in it, in their canonical spelling. */
  roots: string[];
  /** Every repo of the file. */
  repos: string[];
  at: (repo: string) => string;
  /** The kind each repo of the file has or will have. */
  kindOf: (repo: string) => NodeKind | undefined;
  lookup: NodeLookup;
  table?: OrganisationIndex;
}

export interface ReuploadTies {
  relationships: RelationshipInput[];
  /** The kind a new copy takes: its source's, or Quantization for a quantized copy. */
  kinds: Map<string, NodeKind>;
  /** One line per tie, "re-upload: ..." so a reviewer finds them all. */
  remarks: string[];
  ambiguous: string[];
  matches: MatchRecord[];
}

/**
 * Ties each root that copies a vendor's model (in the file or stored) to it: QUANTIZED_FROM
 * for a quantized copy, REUPLOAD_OF for a plain one; inferred from names, so `declared: false`
 * (at most LIKELY) and each listed in the remarks for review.
 */
export async function planReuploadTies(input: ReuploadInput): Promise<ReuploadTies> {
  const { format, at, kindOf, lookup, table = organisations } = input;
  const found: ReuploadTies = {
    relationships: [],
    kinds: new Map(),
    remarks: [],
    ambiguous: [],
    matches: [],
  };
  const copies = input.roots.filter((root) => mayBeCopy(repoOf(root), table));
  if (!copies.length) return found;
  const stored = await storedVendorRepos(copies, lookup, table);
  const finder = new ReuploadFinder([...input.repos, ...stored.keys()], table);
  for (const root of copies) {
    const finding = finder.find(root);
    const record = { at: at(root), role: 're-upload', name: root, owners: [repoOf(root).owner] };
    if (finding.outcome === 'ambiguous') {
      const candidates = finding.candidates.map((c) => `model:${c}`);
      found.ambiguous.push(
        `${at(root)}: ${root} may re-upload ${candidates.join(' or ')}; not tied`,
      );
      found.matches.push({
        ...record,
        resolution: { outcome: 'ambiguous', reason: 'several vendor repos', candidates },
      });
    }
    if (finding.outcome !== 'tied') continue;
    const type = finding.quantized ? 'QUANTIZED_FROM' : 'REUPLOAD_OF';
    const [from, to] = [`model:${root}`, `model:${finding.source}`];
    const sourceKind = kindOf(finding.source) ?? stored.get(finding.source) ?? 'BaseModel';
    found.kinds.set(root, finding.quantized ? 'Quantization' : sourceKind);
    found.relationships.push(
      parseRecord(
        relationshipInputSchema,
        {
          type,
          from,
          to,
          declared: false,
          sources: [`https://huggingface.co/${root}`],
          ...importedLink(format, at(root), 'inferred'),
        },
        at(root),
      ),
    );
    found.remarks.push(
      `${at(root)}: re-upload: ${from} ${type} ${to} (inferred from the names; review it)`,
    );
    found.matches.push({
      ...record,
      resolution: { outcome: 'matched', id: to, kind: sourceKind, method: 'inferred' },
    });
  }
  return found;
}

/**
 * Stored models that may be the vendor's repo for a copy: asked by the copy's name without its
 * suffixes (and without a vendor word it carries); kept only under a vendor's hub owner.
 */
async function storedVendorRepos(
  copies: string[],
  lookup: NodeLookup,
  table: OrganisationIndex,
): Promise<Map<string, NodeKind>> {
  const names = new Set<string>();
  for (const copy of copies) {
    const { name } = repoOf(copy);
    names.add(nameForm(name, NO_VENDOR, table).loose);
    const named = vendorWordOf(name, table);
    if (named) names.add(nameForm(name, named, table).loose);
  }
  const found = await lookup.matchNames([...names]);
  const repos = new Map<string, NodeKind>();
  for (const candidate of [...found.values()].flat())
    if (/^model:[^/\s]+\/\S+$/.test(candidate.id))
      repos.set(candidate.id.slice('model:'.length), candidate.kind);
  return repos;
}
