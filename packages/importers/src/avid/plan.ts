import {
  entityInputSchema,
  relationshipInputSchema,
  weakerMatch,
  type KindGroup,
  type MatchMethod,
} from '@lineage/domain';
import { httpUrl, isoDate } from '../ids';
import { NameResolver, type NameReference } from '../matching/name-resolver';
import { importedFrom, importedLink } from '../matching/provenance';
import { parseRecord } from '../parse-record';
import {
  BatchBuilder,
  emptyNotes,
  type ImportNotes,
  type ImportPlan,
  type NodeLookup,
} from '../plan';
import { noFailureMeasured } from './measured-failures';
import { readAvidReports, type AvidReport } from './read-avid';
import { reportCategory } from './report-category';
import { fileOnSnapshots, snapshotsOfFamilies } from './snapshot-filing';
import { softwareFlawOf } from './software-flaw';

type Artifact = AvidReport['affects']['artifacts'][number];

/**
 * AVID reports become defects (`defect:<report id>`) on every stored model or deployment their
 * artifacts name, each artifact resolved by the shared rules (its vendor prefix, or the
 * report's developers and deployers as owners). Not filed, and listed with the reason: flaws
 * of software packages, runs that measured no failure, and reports whose artifacts match
 * nothing. AVID states no severity: imported defects are MEDIUM until someone who read them
 * says more.
 */
export async function planAvid(inputs: string[], lookup: NodeLookup): Promise<ImportPlan> {
  const reports = await readAvidReports(inputs);
  const notes = emptyNotes();
  const builder = new BatchBuilder();
  const softwareFlaws = new Map(reports.map((r) => [r, softwareFlawOf(r)] as const));
  const resolver = await NameResolver.prepare(
    lookup,
    reports
      .filter((report) => !softwareFlaws.get(report))
      .flatMap((report) => report.affects.artifacts.map((a) => referenceOf(report, a))),
  );
  const known = await lookup.kindsOf(reports.map((r) => `defect:${r.metadata.report_id}`));
  const snapshots = await snapshotsOfFamilies(
    lookup,
    reports
      .filter((report) => !softwareFlaws.get(report))
      .flatMap((report) => report.affects.artifacts.map((a) => referenceOf(report, a)))
      .flatMap((reference) =>
        [reference, { ...reference, owners: [] }].map((r) => resolver.resolve(r)),
      )
      .flatMap((found) => (found.outcome === 'matched' ? [found.id] : [])),
  );
  let linked = 0;
  for (const report of reports) {
    const reportId = report.metadata.report_id;
    const software = softwareFlaws.get(report);
    if (software) {
      notes.remarks.push(
        `${reportId}: ${software}; filed on no model or deployment (${artifactsOf(report)})`,
      );
      recordUnresolved(resolver, report, `not resolved: ${software}`);
      continue;
    }
    const origins = resolveArtifacts(resolver, report, notes);
    const passed = noFailureMeasured(report.metrics);
    if (passed) {
      notes.remarks.push(`${reportId}: not a defect of ${artifactsOf(report)}: ${passed}`);
      continue;
    }
    if (!origins.size) {
      const why = report.affects.artifacts.length
        ? `${artifactsOf(report)} matches no stored model or deployment`
        : 'it names no artifact';
      notes.remarks.push(`${reportId}: not filed: ${why}`);
      continue;
    }
    const id = `defect:${reportId}`;
    const { category, unknown } = reportCategory(report);
    if (unknown.length)
      notes.unresolved.push(
        `${reportId}: unknown AVID effect code(s) ${unknown.join(', ')}; filed as ${category}`,
      );
    const sources = [
      ...new Set(report.references.map((r) => httpUrl(r.url)).filter((u): u is string => !!u)),
    ].slice(0, 20);
    if (known.has(id)) linked++;
    else builder.addNode(defectOf(report, id, category, sources));
    for (const [origin, { method, recordedAt }] of fileOnSnapshots(
      report,
      origins,
      snapshots,
      resolver,
    )) {
      builder.addRelationship(
        parseRecord(
          relationshipInputSchema,
          {
            type: 'AFFECTS',
            from: id,
            to: origin,
            sources,
            ...importedLink('avid', recordedAt, method),
          },
          report.at,
        ),
      );
    }
  }
  return {
    format: 'avid',
    records: reports.length,
    batch: builder.build(),
    linked,
    notes,
    matches: resolver.records,
  };
}

/** The stored node each artifact of a report names, and how it was matched. */
function resolveArtifacts(
  resolver: NameResolver,
  report: AvidReport,
  notes: ImportNotes,
): Map<string, MatchMethod> {
  const origins = new Map<string, MatchMethod>();
  for (const artifact of report.affects.artifacts) {
    let reference = referenceOf(report, artifact);
    // 0DIN's disclosures on several vendors' models list the first model's vendor only
    // ("Grok 2" beside developer "DeepSeek"): where none of the report's organisations owns a
    // name, it is read as the bare name it is, which joins a curated node only.
    if (
      report.affects.artifacts.length > 1 &&
      resolver.resolve(reference).outcome === 'unresolved'
    ) {
      const bare = { ...reference, owners: [] };
      if (resolver.resolve(bare).outcome === 'matched') reference = bare;
    }
    const resolution = resolver.resolveAt(reference, report.metadata.report_id, 'artifact', notes);
    if (resolution.outcome !== 'matched') continue;
    const before = origins.get(resolution.id);
    origins.set(resolution.id, before ? weakerMatch(before, resolution.method) : resolution.method);
  }
  return origins;
}

/** A software flaw's artifacts are the software: kept in the plan as names tied to no node. */
function recordUnresolved(resolver: NameResolver, report: AvidReport, reason: string): void {
  for (const artifact of report.affects.artifacts) {
    const reference = referenceOf(report, artifact);
    resolver.record({
      at: report.metadata.report_id,
      role: 'artifact',
      name: reference.name,
      owners: [...(reference.owners ?? [])],
      resolution: { outcome: 'unresolved', reason, candidates: [] },
    });
  }
}

/**
 * An artifact as a name to resolve: its owners are every organisation the report names as
 * developer or deployer, so in a report on several vendors' models each artifact is confirmed
 * by the one that owns it; a vendor prefix ("OpenAI GPT-4o") the resolver reads itself.
 */
function referenceOf(report: AvidReport, artifact: Artifact): NameReference {
  const groups: KindGroup[] = artifact.type === 'Dataset' ? ['Dataset'] : ['Model', 'Deployment'];
  return {
    name: artifact.name,
    owners: [...new Set([...report.affects.developer, ...report.affects.deployer])],
    groups,
  };
}

function artifactsOf(report: AvidReport): string {
  return report.affects.artifacts.map((a) => `${a.type} '${a.name}'`).join(', ') || 'no artifact';
}

function defectOf(
  report: AvidReport,
  id: string,
  category: ReturnType<typeof reportCategory>['category'],
  sources: string[],
) {
  const title =
    report.problemtype?.description?.value ??
    report.description?.value ??
    report.metadata.report_id;
  return parseRecord(
    entityInputSchema,
    {
      id,
      kind: 'Defect',
      name: title.replace(/\s+/g, ' ').trim().slice(0, 300),
      category,
      severity: 'MEDIUM',
      sources,
      ...(report.description?.value
        ? { summary: report.description.value.trim().slice(0, 4000) }
        : {}),
      ...(isoDate(report.reported_date) ? { disclosedAt: isoDate(report.reported_date) } : {}),
      ...importedFrom('avid', report.metadata.report_id),
    },
    report.at,
  );
}
