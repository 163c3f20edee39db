import { describe, expect, it } from 'vitest';
import {
  describeIssues,
  entityInputSchema,
  newEntity,
  newRelationship,
  relationshipInputSchema,
  storedEntitySchema,
  storedRelationshipSchema,
} from './schemas';

const llama = {
  id: 'model:meta-llama/Llama-2-7b-chat-hf',
  kind: 'FineTune',
  name: 'Llama-2-7b-chat-hf',
  sources: ['https://huggingface.co/meta-llama/Llama-2-7b-chat-hf'],
};

function problems(input: unknown): string[] {
  const result = entityInputSchema.safeParse(input);
  return result.success ? [] : describeIssues(result.error);
}

describe('entityInputSchema', () => {
  it('leaves out what the input leaves out: an update changes only what it names', () => {
    const parsed = entityInputSchema.parse(llama);
    expect(Object.keys(parsed).sort()).toEqual(['id', 'kind', 'name', 'sources']);
  });

  it('gives a new record the defaults, as the stored schema reads them', () => {
    const defect = entityInputSchema.parse({
      id: 'defect:FMD-2026-0001',
      kind: 'Defect',
      name: 'x',
      category: 'BIAS',
      severity: 'LOW',
      removeAliases: ['gone'],
    });
    const { removeAliases: _removals, ...fields } = defect;
    expect(newEntity(defect)).toEqual(storedEntitySchema.parse(fields));
    expect(newEntity(defect)).toMatchObject({
      aliases: [],
      sources: [],
      verified: true,
      status: 'OPEN',
    });
    expect(newEntity(entityInputSchema.parse({ ...llama, verified: false }))).toMatchObject({
      verified: false,
      aliases: [],
    });
  });

  it('refuses an item both added and removed, and a field both set and unset', () => {
    expect(
      problems({ ...llama, removeSources: [llama.sources[0]], license: 'x', unset: ['license'] }),
    ).toEqual([
      expect.stringMatching(/^removeSources\.0: .* is both in sources and in removeSources/),
      expect.stringMatching(/^unset\.0: 'license' is both given and unset/),
    ]);
  });

  it('clears only the optional fields of the kind', () => {
    expect(problems({ ...llama, unset: ['name'] }).join()).toMatch(/^unset\.0: /);
    expect(problems({ ...llama, unset: ['monthlyActiveUsers'] }).join()).toMatch(/^unset\.0: /);
    expect(problems({ ...llama, unset: ['license', 'parameters'] })).toEqual([]);
  });

  it('refuses an unknown field, naming it', () => {
    expect(problems({ ...llama, licence: 'llama2' }).join()).toMatch(/licence/);
  });

  it('refuses a bad enum value, naming the field', () => {
    const defect = {
      id: 'defect:FMD-2026-0001',
      kind: 'Defect',
      name: 'x',
      category: 'JAILBRAKE',
      severity: 'HIGH',
    };
    expect(problems(defect).join()).toMatch(/^category: /);
  });

  it('refuses an id that does not fit the kind', () => {
    expect(problems({ ...llama, id: 'dataset:meta-llama/x' })).toEqual([
      expect.stringMatching(/^id: 'dataset:meta-llama\/x' is not a FineTune id/),
    ]);
  });

  it('refuses a source that is not an http(s) URL and a malformed date', () => {
    const found = problems({
      ...llama,
      sources: ['javascript:alert(1)'],
      releasedAt: '2023-13-01',
    });
    expect(found).toHaveLength(2);
  });

  it('keeps defect transmission overrides to lineage relations and edge levels', () => {
    const defect = {
      id: 'defect:FMD-2026-0001',
      kind: 'Defect',
      name: 'x',
      category: 'BIAS',
      severity: 'LOW',
    };
    expect(problems({ ...defect, transmission: { DEPLOYS: 'NONE' } })).toEqual([]);
    expect(problems({ ...defect, transmission: { AFFECTS: 'NONE' } })).not.toEqual([]);
    expect(problems({ ...defect, transmission: { DEPLOYS: 'CONFIRMED' } })).not.toEqual([]);
  });
});

describe('relationshipInputSchema', () => {
  it('leaves declared out of an input, and makes a new relationship declared', () => {
    const parsed = relationshipInputSchema.parse({ type: 'DEPLOYS', from: 'a', to: 'b' });
    expect(parsed.declared).toBeUndefined();
    expect(newRelationship(parsed)).toEqual(storedRelationshipSchema.parse(parsed));
    expect(newRelationship(parsed)).toMatchObject({ declared: true, sources: [] });
  });

  it('keeps evidence and since to MITIGATES', () => {
    const result = relationshipInputSchema.safeParse({
      type: 'DEPLOYS',
      from: 'a',
      to: 'b',
      evidence: 'x',
    });
    expect(result.success).toBe(false);
  });
});
