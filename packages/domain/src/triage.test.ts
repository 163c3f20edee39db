import { describe, expect, it } from 'vitest';
import { relationshipInputSchema, storedRelationshipSchema } from './schemas';
import {
  stopsPropagation,
  TRIAGE_JUSTIFICATIONS,
  TRIAGE_STATES,
  triageHoldsFrom,
  triageProblem,
} from './triage';
import { triageInputSchema } from './triage-input';

const triaged = {
  type: 'TRIAGED',
  from: 'deployment:co/app',
  to: 'defect:JB-1',
  state: 'IN_TRIAGE',
  triagedBy: 'alice',
  triagedAt: '2026-12-03T10:00:00.000Z',
};

describe('triage states', () => {
  it('stops propagation for NOT_AFFECTED and FALSE_POSITIVE only', () => {
    expect(TRIAGE_STATES.filter(stopsPropagation)).toEqual(['NOT_AFFECTED', 'FALSE_POSITIVE']);
  });

  it('holds NOT_AFFECTED from the day of the analysis and FALSE_POSITIVE on every day', () => {
    expect(triageHoldsFrom('NOT_AFFECTED', '2026-12-03T23:59:00.000Z')).toBe('2026-12-03');
    expect(triageHoldsFrom('FALSE_POSITIVE', '2026-12-03T10:00:00.000Z')).toBeUndefined();
  });

  it('wants a justification with NOT_AFFECTED, and with no other state', () => {
    for (const state of TRIAGE_STATES) {
      const without = triageProblem(state, undefined);
      const with_ = triageProblem(state, 'CODE_NOT_REACHABLE');
      if (state === 'NOT_AFFECTED') {
        expect(without?.message).toContain(TRIAGE_JUSTIFICATIONS.join(', '));
        expect(with_).toBeUndefined();
      } else {
        expect(without).toBeUndefined();
        expect(with_).toEqual({
          field: 'justification',
          message: `only NOT_AFFECTED takes a justification, not ${state}`,
        });
      }
    }
  });

  it('checks an input field by field', () => {
    const parsed = triageInputSchema.safeParse({
      defectId: 'defect:JB-1',
      nodeId: 'deployment:co/app',
      state: 'NOT_AFFECTED',
      note: ' ',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'justification',
      'note',
    ]);
  });
});

describe('the TRIAGED relationship', () => {
  it('is valid with its state, who and when', () => {
    expect(storedRelationshipSchema.safeParse(triaged).success).toBe(true);
    expect(relationshipInputSchema.safeParse(triaged).success).toBe(true);
  });

  it.each(['state', 'triagedBy', 'triagedAt'])('needs %s', (field) => {
    const { [field]: _left, ...rest } = triaged as Record<string, string>;
    const parsed = storedRelationshipSchema.safeParse(rest);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([`TRIAGED needs ${field}`]);
  });

  it('refuses a justification on a state other than NOT_AFFECTED', () => {
    const parsed = storedRelationshipSchema.safeParse({
      ...triaged,
      justification: 'CODE_NOT_PRESENT',
    });
    expect(parsed.error?.issues[0]!.path).toEqual(['justification']);
  });

  it('leaves triage fields to TRIAGED', () => {
    const parsed = relationshipInputSchema.safeParse({
      type: 'MITIGATES',
      from: 'deployment:co/app',
      to: 'defect:JB-1',
      state: 'NOT_AFFECTED',
      note: 'x',
    });
    expect(parsed.error?.issues.map((issue) => issue.message).sort()).toEqual([
      'only TRIAGED has note',
      'only TRIAGED has state',
    ]);
  });
});
