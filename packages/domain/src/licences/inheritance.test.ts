import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inheritanceProblem } from './inheritance';
import { LICENCES, licenceTerms } from './licence-terms';
import { readLicence } from './read-licences';

function problem(ancestor: string, text: string) {
  const terms = licenceTerms(ancestor);
  if (!terms) throw new Error(`no licence ${ancestor}`);
  return inheritanceProblem(terms, readLicence(text));
}

const R1_LLAMA = 'MIT; derived from Llama 3.1 8B Base, subject to the Llama 3.1 Community License';

describe('inheritanceProblem', () => {
  it('finds the seed R1 distill of Llama dropping the Llama 3.1 terms it acknowledges', () => {
    const found = problem('llama3.1', R1_LLAMA);
    expect(found).toMatchObject({ kind: 'DROPS', acknowledged: true, declared: { id: 'mit' } });
    expect(found?.dropped).toEqual(['attribution', 'acceptableUse', 'userThreshold', 'naming']);
    expect(found?.reason).toBe(
      "declares the MIT License, which drops the Llama 3.1 Community License Agreement's attribution notice, acceptable-use policy, 700M-user threshold and naming rule, though its text names that licence",
    );
  });

  it('finds a plain MIT derivative of Llama 3.1 dropping its terms unacknowledged', () => {
    expect(problem('llama3.1', 'mit')).toMatchObject({ kind: 'DROPS', acknowledged: false });
  });

  it('counts a later Llama licence carrying every obligation as acknowledging', () => {
    const text =
      'MIT; derived from Llama 3.3 70B Instruct, subject to the Llama 3.3 Community License';
    expect(problem('llama3.1', text)?.acknowledged).toBe(true);
  });

  it('accepts the same licence', () => {
    expect(problem('llama2', 'llama2')).toBeNull();
    expect(problem('gemma', 'Gemma Terms of Use')).toBeNull();
  });

  it('accepts a Llama 3.x licence over a Llama 3.1 ancestor', () => {
    for (const text of ['llama3.2', 'llama3.3', 'llama4'])
      expect(problem('llama3.1', text)).toBeNull();
  });

  it('finds Llama 3.1 terms over Llama 2 dropping the output clause', () => {
    expect(problem('llama2', 'llama3.1')).toMatchObject({ kind: 'DROPS', dropped: ['outputUse'] });
    expect(problem('llama3.1', 'llama2')).toMatchObject({ kind: 'DROPS', dropped: ['naming'] });
  });

  it('never faults a derivative of a permissive ancestor', () => {
    expect(problem('apache-2.0', 'mit')).toBeNull();
    expect(problem('mit', 'cc-by-nc-4.0')).toBeNull();
    expect(problem('cc-by-4.0', 'proprietary')).toBeNull();
  });

  it('faults nothing when the derivative declares nothing it recognises', () => {
    expect(problem('llama3.1', 'other')).toBeNull();
    expect(problem('cc-by-nc-4.0', 'custom')).toBeNull();
    expect(problem('gemma', 'unknown (model weights), Apache 2.0 (SayCan code)')).toBeNull();
  });

  it('finds a commercial licence over a non-commercial ancestor conflicting', () => {
    expect(problem('cc-by-nc-4.0', 'apache-2.0')).toMatchObject({ kind: 'CONFLICTS' });
    expect(problem('mnpl-0.1', 'mit')).toMatchObject({ kind: 'CONFLICTS' });
    expect(problem('mrl', 'llama3.1')).toMatchObject({ kind: 'CONFLICTS' });
    expect(problem('qwen-research', 'tongyi-qianwen')).toMatchObject({ kind: 'CONFLICTS' });
    expect(problem('cc-by-nc-4.0', 'apache-2.0')?.reason).toMatch(/allows the commercial use/);
  });

  it('accepts a non-commercial share-alike licence over a non-commercial ancestor', () => {
    expect(problem('cc-by-nc-4.0', 'cc-by-nc-sa-4.0')).toBeNull();
  });

  it('finds another non-commercial licence dropping only the attribution', () => {
    expect(problem('cc-by-nc-4.0', 'mrl')).toMatchObject({
      kind: 'DROPS',
      dropped: ['attribution'],
    });
  });

  it('finds any other licence over a share-alike ancestor conflicting', () => {
    expect(problem('cc-by-sa-4.0', 'cc-by-4.0')).toMatchObject({ kind: 'CONFLICTS' });
    expect(problem('gpl-3.0', 'mit')).toMatchObject({ kind: 'CONFLICTS' });
    expect(problem('gpl-3.0', 'agpl-3.0')).toMatchObject({ kind: 'CONFLICTS' });
  });

  it('finds a copyleft licence over use restrictions conflicting', () => {
    expect(problem('llama3.1', 'gpl-3.0')).toMatchObject({ kind: 'CONFLICTS' });
    expect(problem('gemma', 'cc-by-sa-4.0')?.reason).toMatch(/forbids adding/);
  });

  it('finds Gemma over Apache 2.0 dropping the Gemma terms', () => {
    expect(problem('gemma', 'apache-2.0')).toMatchObject({
      kind: 'DROPS',
      dropped: ['attribution', 'acceptableUse', 'outputUse'],
    });
  });

  it('finds Gemma terms over Llama 2 conflicting with its ban on improving other models', () => {
    const found = problem('llama2', 'gemma');
    expect(found).toMatchObject({ kind: 'CONFLICTS', declared: { id: 'gemma' } });
    expect(found?.reason).toMatch(/forbids improving any other large language model/);
    expect(problem('tongyi-qianwen', 'llama3.1')).toMatchObject({ kind: 'CONFLICTS' });
  });

  it('finds Gemma terms over Llama 3.1, which lifted that ban, only dropping', () => {
    expect(problem('llama3.1', 'gemma')).toMatchObject({
      kind: 'DROPS',
      dropped: ['attribution', 'acceptableUse', 'userThreshold', 'naming'],
    });
  });

  it('finds DeepSeek and RAIL terms dropped under MIT', () => {
    expect(problem('deepseek', 'mit')).toMatchObject({ kind: 'DROPS' });
    expect(problem('openrail++', 'mit')?.dropped).toContain('acceptableUse');
    expect(problem('bigscience-bloom-rail-1.0', 'apache-2.0')).toMatchObject({ kind: 'DROPS' });
  });

  it('accepts another licence of the RAIL family carrying the use restrictions', () => {
    expect(problem('bigcode-openrail-m', 'OpenRAIL-M')).toBeNull();
  });

  it('never faults a derivative of an ancestor whose terms do not bind derivatives', () => {
    const free = LICENCES.filter((t) => !t.obligations.bindsDerivatives);
    const texts = [...LICENCES.map((t) => t.id), R1_LLAMA, 'Apache 2.0', 'other'];
    fc.assert(
      fc.property(
        fc.constantFrom(...free),
        fc.oneof(fc.constantFrom(...texts), fc.string()),
        (ancestor, text) => inheritanceProblem(ancestor, readLicence(text)) === null,
      ),
    );
  });

  it('always conflicts when a non-commercial ancestor meets a commercial licence', () => {
    const nonCommercial = LICENCES.filter((t) => t.obligations.nonCommercial);
    const commercial = LICENCES.filter((t) => !t.obligations.nonCommercial);
    fc.assert(
      fc.property(fc.constantFrom(...nonCommercial), fc.constantFrom(...commercial), (a, d) => {
        return inheritanceProblem(a, readLicence(d.id))?.kind === 'CONFLICTS';
      }),
    );
  });
});
