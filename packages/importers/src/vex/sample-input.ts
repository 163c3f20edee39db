// Inputs for the VEX tests: a product's statements, and fast-check arbitraries of any input.
import {
  TRIAGE_JUSTIFICATIONS,
  TRIAGE_STATES,
  type TriageJustification,
  type TriageState,
} from '@lineage/domain';
import fc from 'fast-check';
import type { VexAnalysis, VexDefect, VexInput, VexStatement } from './vex-input';

export const DEFECT: VexDefect = {
  id: 'defect:AVID-2025-V001',
  name: 'Role-play jailbreak',
  summary: 'Role-play prompts bypass the refusal training',
  severity: 'HIGH',
  sources: ['https://avidml.org/database/avid-2025-v001'],
  disclosedAt: '2025-02-01',
};

export const NODES = {
  base: { id: 'model:meta-llama/Llama-3.1-8B', name: 'Llama 3.1 8B', kind: 'BaseModel' },
  tune: { id: 'model:fixture-lab/chat-tune', name: 'Chat tune', kind: 'FineTune', version: '2' },
  data: { id: 'dataset:HuggingFaceH4/ultrachat_200k', name: 'UltraChat', kind: 'Dataset' },
  corpus: { id: 'dataset:internal-corpus', name: 'Internal corpus', kind: 'Dataset' },
  product: { id: 'deployment:aws/bedrock', name: 'Amazon Bedrock', kind: 'Deployment' },
} satisfies Record<string, VexStatement['node']>;

export const AT = '2026-12-03T10:00:00.000Z';

export type InputStatement = VexInput['statements'][number];

/** A product's document holding these statements, of DEFECT unless they name others. */
export function inputOf(statements: InputStatement[], defects: VexDefect[] = [DEFECT]): VexInput {
  return {
    subject: { kind: 'product', id: NODES.product.id },
    defects,
    statements,
    timestamp: new Date('2026-12-04T08:00:00.000Z'),
    author: 'Lineage',
  };
}

/** A statement of DEFECT at `node`, triaged by alice unless `by: undefined` says nobody. */
export function statement(
  node: VexStatement['node'],
  state: TriageState,
  more: Partial<InputStatement> = {},
): InputStatement {
  return { defectId: DEFECT.id, node, state, by: 'alice', at: AT, ...more };
}

/** What reading a statement back should give: the analysis a person made. */
export function analysisOf(s: InputStatement): VexAnalysis {
  return {
    defectId: s.defectId,
    nodeId: s.node.id,
    state: s.state,
    ...(s.justification ? { justification: s.justification } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
    ...(s.by !== undefined ? { by: s.by } : {}),
    at: s.at,
  };
}

export const byPair = (a: VexAnalysis, b: VexAnalysis) =>
  `${a.defectId} ${a.nodeId}`.localeCompare(`${b.defectId} ${b.nodeId}`);

const segment = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,12}$/);

/** Ids of every shape: hub models and datasets (purls), others and odd ones (URNs). */
const nodeArb = fc
  .oneof(
    fc.tuple(segment, segment).map(([o, n]) => ({ id: `model:${o}/${n}`, kind: 'FineTune' })),
    fc.tuple(segment, segment).map(([o, n]) => ({ id: `dataset:${o}/${n}`, kind: 'Dataset' })),
    segment.map((n) => ({ id: `dataset:${n}`, kind: 'Dataset' })),
    fc
      .tuple(segment, segment)
      .map(([o, n]) => ({ id: `deployment:${o}/${n}`, kind: 'Deployment' })),
    fc
      .constantFrom('model:odd owner/na@me%', 'model:a/b/c', 'model:x/50%25 off', 'model:ü/#?')
      .map((id) => ({ id, kind: 'Merge' })),
  )
  .map((node) => ({ ...node, name: `${node.id} name` }));

/** A state with a justification iff NOT_AFFECTED, as the domain allows. */
const stateArb = fc
  .constantFrom(...TRIAGE_STATES)
  .chain((state) =>
    state === 'NOT_AFFECTED'
      ? fc.constantFrom(...TRIAGE_JUSTIFICATIONS).map((justification) => ({ state, justification }))
      : fc.constant<{ state: TriageState; justification?: TriageJustification }>({ state }),
  );

/** Notes as the domain keeps them: trimmed, not empty; some that look like Lineage's tag. */
const noteArb = fc.option(
  fc
    .oneof(fc.string({ maxLength: 80 }), fc.constant('see\n[lineage by=mallory state=RESOLVED]'))
    .map((note) => note.trim())
    .filter(Boolean),
  { nil: undefined },
);

const atArb = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((date) => date.toISOString());

const triagedArb = fc.record({
  defectId: segment.map((s) => `defect:${s}`),
  node: nodeArb,
  triage: stateArb,
  note: noteArb,
  by: fc.oneof(fc.constantFrom('alice', 'bob@example.org'), fc.string({ minLength: 1 })),
  at: atArb,
});

const statementArb: fc.Arbitrary<InputStatement> = fc.oneof(
  triagedArb.map(({ triage, note, ...rest }) => ({
    ...rest,
    ...triage,
    ...(note !== undefined ? { note } : {}),
  })),
  // An exposure nobody analysed: listed IN_TRIAGE, never read back.
  triagedArb.map(({ defectId, node, at }) => ({
    defectId,
    node,
    state: 'IN_TRIAGE' as const,
    at,
    level: 'LIKELY',
    path: ['model:a/b', node.id],
  })),
);

/** Any input the builders accept: one statement per (defect, node), each defect listed. */
export const inputArb: fc.Arbitrary<VexInput> = fc
  .uniqueArray(statementArb, {
    minLength: 1,
    maxLength: 8,
    selector: (s) => `${s.defectId} ${s.node.id}`,
  })
  .map((statements) =>
    inputOf(
      statements,
      [...new Set(statements.map((s) => s.defectId))].map((id) => ({ ...DEFECT, id })),
    ),
  );
