import { entityInputSchema, relationshipInputSchema, type MatchMethod } from '@lineage/domain';
import { slugify } from '../ids';
import { NameResolver } from '../matching/name-resolver';
import { importedFrom, importedLink } from '../matching/provenance';
import { ownEntry } from '../own-entry';
import { parseRecord } from '../parse-record';
import { BatchBuilder, emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { readJailbreakBench, type JbbOutcome, type JbbRun } from './read-jbb';

/** A target jailbroken on at least this share of the behaviours is an origin of the method's defect. */
export const ORIGIN_THRESHOLD = 0.3;

/**
 * The owners of JailbreakBench's targets: its README links lmsys/vicuna-13b-v1.5 and
 * meta-llama's Llama-2 repos, and the GPT targets are OpenAI's. The hub holds namesakes
 * (NousResearch/Llama-2-7b-chat-hf); the owner decides between them.
 */
const TARGET_OWNERS: Record<string, string> = {
  'llama-2-7b-chat-hf': 'meta-llama',
  'vicuna-13b-v1.5': 'lmsys',
  'gpt-3.5-turbo-1106': 'openai',
  'gpt-4-0125-preview': 'openai',
};

const SOURCES = [
  'https://github.com/JailbreakBench/artifacts',
  'https://jailbreakbench.github.io/',
];

/** The alias a method's defect carries, so that curated and imported records meet. */
export const methodAlias = (method: string) => `JailbreakBench ${method}`;

const runKey = (r: { method: string; model: string; attack_type: string }) =>
  `${r.method}|${r.model}|${r.attack_type}`;

interface Result {
  run: JbbRun;
  origin: string;
  method: MatchMethod;
  rate: number;
  jailbroken: JbbOutcome[];
  behaviours: number;
}

/** The share of behaviours jailbroken: the per-behaviour outcomes when present, else the summary's rate. */
function successRate(run: JbbRun, outcomes: JbbOutcome[] | undefined, remarks: string[]) {
  if (!outcomes?.length) return { rate: run.attack_success_rate, jailbroken: [], behaviours: 0 };
  const jailbroken = outcomes.filter((o) => o.jailbroken === 'True');
  const rate = jailbroken.length / outcomes.length;
  if (Math.abs(rate - run.attack_success_rate) > 0.01)
    remarks.push(
      `${run.at}: attack_success_rate ${run.attack_success_rate} disagrees with ${jailbroken.length} of ${outcomes.length} behaviours jailbroken; the outcomes are used`,
    );
  return { rate, jailbroken, behaviours: outcomes.length };
}

function describeResult(result: Result): string {
  const percent = `${Math.round(result.rate * 100)}%`;
  if (!result.behaviours) return `${result.run.model} ${percent}`;
  const byCategory = new Map<string, number>();
  for (const o of result.jailbroken)
    byCategory.set(o.category, (byCategory.get(o.category) ?? 0) + 1);
  const top = [...byCategory].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
  return `${result.run.model} ${percent} (${result.jailbroken.length} of ${result.behaviours} behaviours; most in ${top.map(([c, n]) => `${c} ${n}`).join(', ')})`;
}

function defectOf(id: string, method: string, results: Result[], below: JbbRun[]) {
  const best = Math.max(...results.map((r) => r.rate));
  const dates = results.map((r) => r.run.evaluation_date).sort();
  const attackTypes = [...new Set(results.map((r) => r.run.attack_type.replace(/_/g, '-')))];
  const name = `JailbreakBench: ${method} jailbreaks ${results.map((r) => `${r.run.model} (${Math.round(r.rate * 100)}%)`).join(', ')}`;
  const summary = [
    `JailbreakBench artifacts for the ${attackTypes.join('/')} attack ${method} (evaluated ${dates[0]}): attack success rate on the JBB-Behaviors for ${results.map(describeResult).join('; ')}.`,
    below.length
      ? `Under ${ORIGIN_THRESHOLD * 100}%, not origins: ${below.map((r) => `${r.model} ${Math.round(r.attack_success_rate * 100)}%`).join(', ')}.`
      : '',
    `Imported: ${best >= 0.5 ? 'HIGH, a target jailbroken on half the behaviours or more' : `MEDIUM, every target under 50%`}.`,
  ];
  return parseRecord(
    entityInputSchema,
    {
      id,
      kind: 'Defect',
      name: name.length > 300 ? `${name.slice(0, 297)}...` : name,
      aliases: [methodAlias(method)],
      category: 'JAILBREAK',
      severity: best >= 0.5 ? 'HIGH' : 'MEDIUM',
      disclosedAt: dates[0],
      summary: summary.filter(Boolean).join(' ').slice(0, 4000),
      sources: SOURCES,
      ...importedFrom('jailbreakbench', results[0]!.run.at),
    },
    results[0]!.run.at,
  );
}

/**
 * JailbreakBench results as defects: one per attack method (`defect:jbb-<method>`), affecting
 * each stored target it jailbroke on at least ORIGIN_THRESHOLD of the behaviours. A stored
 * defect carrying the method's alias (a curated record) is linked, never rewritten.
 */
export async function planJailbreakBench(
  inputs: string[],
  lookup: NodeLookup,
): Promise<ImportPlan> {
  const { runs, outcomes } = await readJailbreakBench(inputs);
  const notes = emptyNotes();
  const builder = new BatchBuilder();
  const outcomesByRun = new Map<string, JbbOutcome[]>();
  for (const o of outcomes)
    outcomesByRun.set(runKey(o), [...(outcomesByRun.get(runKey(o)) ?? []), o]);

  const byMethod = new Map<string, JbbRun[]>();
  const seen = new Map<string, string>();
  for (const run of runs) {
    const key = `${runKey(run)}|${run.defense}`;
    if (seen.has(key)) {
      notes.duplicates.push(
        `${run.at}: the run ${run.method} on ${run.model} repeats ${seen.get(key)}`,
      );
      continue;
    }
    seen.set(key, run.at);
    if (run.defense) {
      notes.remarks.push(
        `${run.at}: measures ${run.model} behind the ${run.defense} defence, not the model; not filed`,
      );
      continue;
    }
    byMethod.set(run.method, [...(byMethod.get(run.method) ?? []), run]);
  }

  const targetOf = (model: string) => ({
    name: model,
    owners: [ownEntry(TARGET_OWNERS, model)].filter((owner) => owner !== undefined),
    groups: ['Model', 'Deployment'] as const,
  });
  const resolver = await NameResolver.prepare(
    lookup,
    runs.map((r) => targetOf(r.model)),
  );
  const curated = await lookup.matchNames([...byMethod.keys()].map(methodAlias));
  let linked = 0;
  for (const [method, methodRuns] of byMethod) {
    const results: Result[] = [];
    const below: JbbRun[] = [];
    for (const run of methodRuns) {
      const measured = successRate(run, outcomesByRun.get(runKey(run)), notes.remarks);
      // Every target is resolved, for the plan; only an origin's failure to resolve is listed.
      const origin = measured.rate >= ORIGIN_THRESHOLD;
      const target = resolver.resolveAt(
        targetOf(run.model),
        run.at,
        'target',
        origin ? notes : undefined,
      );
      if (!origin) {
        below.push(run);
        notes.remarks.push(
          `${run.at}: ${method} on ${run.model} at ${Math.round(measured.rate * 100)}%, under ${ORIGIN_THRESHOLD * 100}%; not an origin`,
        );
        continue;
      }
      if (target.outcome === 'matched')
        results.push({ run, origin: target.id, method: target.method, ...measured });
    }
    if (!results.length) continue;
    const stored = (curated.get(methodAlias(method)) ?? []).filter((c) => c.kind === 'Defect');
    if (stored.length > 1) {
      notes.ambiguous.push(
        `${method}: the alias '${methodAlias(method)}' names ${stored.map((c) => c.id).join(' and ')}; not filed`,
      );
      continue;
    }
    const id = stored[0]?.id ?? `defect:jbb-${slugify(method)}`;
    if (stored.length) linked++;
    else builder.addNode(defectOf(id, method, results, below));
    for (const result of results)
      builder.addRelationship(
        parseRecord(
          relationshipInputSchema,
          {
            type: 'AFFECTS',
            from: id,
            to: result.origin,
            sources: SOURCES,
            ...importedLink('jailbreakbench', result.run.at, result.method),
          },
          result.run.at,
        ),
      );
  }
  return {
    format: 'jailbreakbench',
    records: runs.length,
    batch: builder.build(),
    linked,
    notes,
    matches: resolver.records,
  };
}
