import { DomainError, readLicence, type ReadLicence } from '@lineage/domain';
import type { GraphStore, LicensedNode } from '@lineage/graph-store';
import {
  analyseLicences,
  type InheritedTerms,
  type LicenceAnalysis,
  type LicenceFinding,
} from './licence-inheritance';

/** How many nodes declaring binding terms the whole-graph check starts from. */
const MAX_SOURCES = 200_000;

export interface NodeLicenceReport {
  node: LicensedNode;
  /** Its licence text read: what it declares and what else it names; absent without a text. */
  read?: ReadLicence;
  /** The binding terms it inherits from its ancestors. */
  inherited: InheritedTerms[];
  /** Where its declared licence drops or conflicts with them. */
  problems: LicenceFinding[];
  /** Every finding in its upstream lineage, itself included: its supply chain's licence debt. */
  upstream: LicenceFinding[];
}

export interface GraphLicenceReport {
  graphVersion: number;
  /** Nodes in the lineage below binding terms, whose licences were compared. */
  checked: number;
  findings: LicenceFinding[];
}

// The whole-graph check reads every licence and the lineage below binding ones. Per store, the
// last report is kept until the graph changes, and at most one is computed at a time: readers
// arriving meanwhile share it, even if a write lands during it (its graphVersion says which).
const lastWholeGraph = new WeakMap<GraphStore, GraphLicenceReport>();
const computing = new WeakMap<GraphStore, Promise<GraphLicenceReport>>();

/** Licence inheritance along the lineage, for one node or the whole graph. */
export class LicenceService {
  constructor(private readonly store: GraphStore) {}

  async forNode(id: string): Promise<NodeLicenceReport> {
    const subgraph = await this.store.fetchClosure([id], 'UPSTREAM');
    if (!subgraph.nodes.length)
      throw new DomainError('NOT_FOUND', `no stored node '${id}'`, { id });
    const analysis = await this.analyse(subgraph);
    const node = analysis.licences.get(id)!;
    return {
      node,
      ...(node.license ? { read: readLicence(node.license) } : {}),
      inherited: analysis.inherited.get(id) ?? [],
      problems: analysis.findings.filter((finding) => finding.node.id === id),
      upstream: analysis.findings,
    };
  }

  async wholeGraph(): Promise<GraphLicenceReport> {
    const running = computing.get(this.store);
    if (running) return running;
    const version = await this.store.graphVersion();
    const last = lastWholeGraph.get(this.store);
    if (last?.graphVersion === version) return last;
    const report = this.computeWholeGraph(version)
      .then((done) => {
        lastWholeGraph.set(this.store, done);
        return done;
      })
      .finally(() => computing.delete(this.store));
    computing.set(this.store, report);
    return report;
  }

  private async computeWholeGraph(graphVersion: number): Promise<GraphLicenceReport> {
    const binding = (await this.store.licenceTexts())
      .map((row) => row.text)
      .filter((text) => readLicence(text).declared?.obligations.bindsDerivatives);
    const sources = binding.length ? await this.store.nodesUnderLicences(binding, MAX_SOURCES) : [];
    if (!sources.length) return { graphVersion, checked: 0, findings: [] };
    const analysis = await this.analyse(await this.store.fetchClosure(sources, 'DOWNSTREAM'));
    return { graphVersion, checked: analysis.licences.size, findings: analysis.findings };
  }

  private async analyse(
    subgraph: Awaited<ReturnType<GraphStore['fetchClosure']>>,
  ): Promise<LicenceAnalysis & { licences: Map<string, LicensedNode> }> {
    const licences = await this.store.licencesOf(subgraph.nodes.map((node) => node.id));
    return { ...analyseLicences(subgraph, licences), licences };
  }
}
