import {
  inheritanceProblem,
  levelRank,
  readLicence,
  transmissionLevel,
  weakerLevel,
  type LicenceProblem,
  type LicenceTerms,
  type ReadLicence,
  type TransmissionLevel,
} from '@lineage/domain';
import type { LicensedNode, LineageSubgraph } from '@lineage/graph-store';

/** Terms a node inherits: from the nearest ancestor naming them, and how surely they pass. */
export interface InheritedTerms {
  terms: LicenceTerms;
  /** The ancestor whose licence text names the terms. */
  from: string;
  /** From that ancestor down to the node. */
  path: string[];
  /** The weakest LICENSE transmission along the path (DEPENDS_ON or an inferred edge: LIKELY). */
  level: TransmissionLevel;
}

/** A derivative whose declared licence drops or conflicts with terms it inherits. */
export interface LicenceFinding extends LicenceProblem, Omit<InheritedTerms, 'terms'> {
  node: LicensedNode;
}

export interface LicenceAnalysis {
  /** What each node inherits, by node id (nodes inheriting nothing binding are absent). */
  inherited: Map<string, InheritedTerms[]>;
  findings: LicenceFinding[];
}

/** Only models and datasets are derivatives with licences of their own; products run them. */
const DERIVATIVE_KINDS = new Set(['Deployment', 'Provider', 'Defect']);

/**
 * The binding terms a node passes on as their source: those it declares. Terms its text only
 * names ("MIT; subject to the Llama 3.1 Community License") came from an ancestor, which is
 * their source; the node is then checked against them like any other derivative.
 */
function bindingTerms(read: ReadLicence): LicenceTerms[] {
  return read.declared?.obligations.bindsDerivatives ? [read.declared] : [];
}

interface Reach {
  level: TransmissionLevel;
  distance: number;
  parent?: string;
  /** The provider of the source the terms came from. */
  licensor: string | null;
}

const better = (a: Reach, b: Reach | undefined) =>
  !b || levelRank(a.level) > levelRank(b.level) || (a.level === b.level && a.distance < b.distance);

/**
 * Licence inheritance over a lineage subgraph. Terms that bind derivatives (Llama's, Gemma's,
 * a non-commercial or share-alike licence...) pass down every lineage relationship, as the
 * LICENSE column of the transmission matrix says, whatever the nodes on the way declare. Each
 * node inherits each such licence from the ancestor reaching it most surely, then most nearly;
 * a model or dataset whose declared licence drops or conflicts with the terms is a finding.
 */
export function analyseLicences(
  subgraph: LineageSubgraph,
  licences: Map<string, LicensedNode>,
): LicenceAnalysis {
  const children = new Map<string, { child: string; level: TransmissionLevel }[]>();
  for (const edge of subgraph.edges) {
    const level = transmissionLevel(edge.type, 'LICENSE', edge.declared);
    if (level === 'NONE') continue;
    const siblings = children.get(edge.to) ?? [];
    siblings.push({ child: edge.from, level });
    children.set(edge.to, siblings);
  }
  const reads = new Map<string, ReadLicence>();
  const sources = new Map<string, { terms: LicenceTerms; ids: string[] }>();
  for (const [id, node] of licences) {
    if (!node.license) continue;
    const read = readLicence(node.license);
    reads.set(id, read);
    for (const terms of bindingTerms(read)) {
      const entry = sources.get(terms.id) ?? { terms, ids: [] };
      entry.ids.push(id);
      sources.set(terms.id, entry);
    }
  }

  // A licensor may relicense its own work: DeepSeek released R1 under MIT although it derives
  // from DeepSeek-V3-Base under the DeepSeek License. A node by the same provider as the terms'
  // source that declares a licence of its own takes their place for everything below it.
  const relicensed = (id: string, licensor: string | null) => {
    const node = licences.get(id);
    return licensor !== null && node?.provider === licensor && !!reads.get(id)?.declared;
  };
  const inherited = new Map<string, InheritedTerms[]>();
  const findings: LicenceFinding[] = [];
  for (const { terms, ids } of sources.values()) {
    const reach = spread(
      ids.map((id) => ({ id, licensor: licences.get(id)?.provider ?? null })),
      children,
      relicensed,
    );
    for (const [id, reached] of reach) {
      if (reached.distance === 0) continue;
      const path = pathTo(id, reach);
      const found: InheritedTerms = { terms, from: path[0]!, path, level: reached.level };
      const held = inherited.get(id) ?? [];
      held.push(found);
      inherited.set(id, held);
      const node = licences.get(id);
      const read = reads.get(id);
      if (!node || !read || DERIVATIVE_KINDS.has(node.kind)) continue;
      const problem = inheritanceProblem(terms, read);
      if (problem) findings.push({ ...problem, node, from: found.from, path, level: found.level });
    }
  }
  findings.sort(
    (a, b) =>
      Number(b.kind === 'CONFLICTS') - Number(a.kind === 'CONFLICTS') ||
      levelRank(b.level) - levelRank(a.level) ||
      a.node.id.localeCompare(b.node.id) ||
      a.ancestor.id.localeCompare(b.ancestor.id),
  );
  return { inherited, findings };
}

/** Label-correcting search from the sources: the strongest level first, then the shortest. */
function spread(
  sources: { id: string; licensor: string | null }[],
  children: Map<string, { child: string; level: TransmissionLevel }[]>,
  relicensed: (id: string, licensor: string | null) => boolean,
): Map<string, Reach> {
  const reach = new Map<string, Reach>(
    sources.map(({ id, licensor }) => [id, { level: 'CERTAIN', distance: 0, licensor }]),
  );
  const queue = sources.map((source) => source.id);
  // A growing list read in order: shift() would copy it on every step.
  for (let at = 0; at < queue.length; at++) {
    const id = queue[at]!;
    const here = reach.get(id)!;
    for (const { child, level } of children.get(id) ?? []) {
      if (relicensed(child, here.licensor)) continue;
      const next = {
        level: weakerLevel(here.level, level),
        distance: here.distance + 1,
        parent: id,
        licensor: here.licensor,
      };
      if (!better(next, reach.get(child))) continue;
      reach.set(child, next);
      queue.push(child);
    }
  }
  return reach;
}

function pathTo(id: string, reach: Map<string, Reach>): string[] {
  const path = [id];
  // A parent improved after its child was reached can leave a stale pointer: stop at a repeat.
  for (let at = reach.get(id); at?.parent !== undefined; at = reach.get(at.parent)) {
    if (path.includes(at.parent)) break;
    path.unshift(at.parent);
  }
  return path;
}
