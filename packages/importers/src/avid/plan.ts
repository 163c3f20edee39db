import { entityInputSchema, kindGroup, relationshipInputSchema } from '@lineage/domain';
import { httpUrl, isoDate } from '../ids';
import { parseRecord } from '../parse-record';
import { byNamedOwner } from '../owners';
import { BatchBuilder, emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { categoryOf } from './categories';
import { readAvidReports } from './read-avid';

/**
 * AVID reports whose artifact is a stored model or deployment become defects on it
 * (`defect:<report id>`); the rest (mostly software packages) are listed as unresolved.
 * AVID states no severity: imported defects are MEDIUM until someone who read them says more.
 */
export async function planAvid(inputs: string[], lookup: NodeLookup): Promise<ImportPlan> {
  const reports = await readAvidReports(inputs);
  const notes = emptyNotes();
  const builder = new BatchBuilder();
  const names = [...new Set(reports.flatMap((r) => r.affects.artifacts.map((a) => a.name)))];
  const matches = await lookup.matchNames(names);
  const known = await lookup.kindsOf(reports.map((r) => `defect:${r.metadata.report_id}`));
  let linked = 0;
  for (const report of reports) {
    const id = `defect:${report.metadata.report_id}`;
    const origins = new Set<string>();
    for (const artifact of report.affects.artifacts) {
      const found = (matches.get(artifact.name) ?? []).filter((c) =>
        ['Model', 'Deployment'].includes(kindGroup(c.kind)),
      );
      const candidates =
        found.length > 1
          ? byNamedOwner(found, [...report.affects.developer, ...report.affects.deployer])
          : found;
      if (candidates.length === 1) origins.add(candidates[0]!.id);
      else if (candidates.length > 1)
        notes.ambiguous.push(
          `${report.at}: artifact '${artifact.name}' could be ${candidates.map((c) => c.id).join(' or ')}`,
        );
    }
    if (!origins.size) {
      const what =
        report.affects.artifacts.map((a) => `${a.type} '${a.name}'`).join(', ') || 'no artifact';
      notes.unresolved.push(`${report.at}: ${what} matches no stored model or deployment`);
      continue;
    }
    const { category, unknown } = categoryOf(report.impact?.avid?.sep_view ?? []);
    if (unknown.length)
      notes.unresolved.push(
        `${report.at}: unknown AVID effect code(s) ${unknown.join(', ')}; filed as ${category}`,
      );
    const sources = [
      ...new Set(report.references.map((r) => httpUrl(r.url)).filter((u): u is string => !!u)),
    ].slice(0, 20);
    if (known.has(id)) linked++;
    else {
      const title =
        report.problemtype?.description?.value ??
        report.description?.value ??
        report.metadata.report_id;
      builder.addNode(
        parseRecord(
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
            ...(isoDate(report.reported_date)
              ? { disclosedAt: isoDate(report.reported_date) }
              : {}),
          },
          report.at,
        ),
      );
    }
    for (const origin of origins) {
      builder.addRelationship(
        parseRecord(
          relationshipInputSchema,
          { type: 'AFFECTS', from: id, to: origin, sources },
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
    matches: [],
  };
}
