import { z } from 'zod';
import { text } from './entity-fields';
import { MAX_ID_LENGTH } from './ids';
import { TRIAGE_JUSTIFICATIONS, TRIAGE_STATES, triageProblem } from './triage';

/** One analysis as a person states it (setTriage, `lineage triage`); who and when are added. */
export const triageInputSchema = z
  .strictObject({
    defectId: z.string().min(1).max(MAX_ID_LENGTH),
    nodeId: z.string().min(1).max(MAX_ID_LENGTH),
    state: z.enum(TRIAGE_STATES),
    justification: z.enum(TRIAGE_JUSTIFICATIONS).optional(),
    note: text(4000).optional(),
  })
  .superRefine((triage, ctx) => {
    const problem = triageProblem(triage.state, triage.justification);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });

export type TriageInput = z.output<typeof triageInputSchema>;
