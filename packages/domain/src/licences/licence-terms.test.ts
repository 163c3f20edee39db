import { describe, expect, it } from 'vitest';
import { LICENCES, licenceTerms } from './licence-terms';

function terms(id: string) {
  const found = licenceTerms(id);
  if (!found) throw new Error(`no licence ${id}`);
  return found;
}

describe('the licence catalogue', () => {
  it('holds each id once, in lower case', () => {
    const ids = LICENCES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toBe(id.toLowerCase());
  });

  it('cites an https source for every licence whose text was read', () => {
    for (const t of LICENCES.filter((t) => t.verified)) expect(t.source).toMatch(/^https:\/\//);
  });

  it('finds a licence by id or alias, in any case', () => {
    expect(terms('Apache-2.0').id).toBe('apache-2.0');
    expect(terms('GPL-3.0-only').id).toBe('gpl-3.0');
    expect(terms('MNPL').id).toBe('mnpl-0.1');
    expect(licenceTerms('other')).toBeUndefined();
    expect(licenceTerms('unknown')).toBeUndefined();
  });

  it('lets permissive licences go without binding derivatives', () => {
    for (const id of ['mit', 'apache-2.0', 'bsd-3-clause', 'cc-by-4.0']) {
      expect(terms(id).obligations).toMatchObject({ attribution: true, bindsDerivatives: false });
    }
  });

  it('binds derivatives to model licences, copyleft and non-commercial terms', () => {
    const binding = ['llama2', 'llama3.1', 'gemma', 'deepseek', 'tongyi-qianwen', 'openrail++'];
    for (const id of [...binding, 'cc-by-nc-4.0', 'cc-by-sa-4.0', 'gpl-3.0', 'mnpl-0.1', 'mrl']) {
      expect(terms(id).obligations.bindsDerivatives).toBe(true);
    }
  });

  it('gives Llama 2 the 700M-user threshold and the output clause but no naming rule', () => {
    const { obligations } = terms('llama2');
    expect(obligations.userThreshold).toBe(700_000_000);
    expect(obligations.outputUse).toMatch(/improve any other large language model/);
    expect(obligations.naming).toBeUndefined();
  });

  it('gives every Llama 3.x and Llama 4 licence the naming rule and the threshold', () => {
    for (const id of ['llama3', 'llama3.1', 'llama3.2', 'llama3.3', 'llama4']) {
      const { obligations } = terms(id);
      expect(obligations.naming).toMatch(/"Llama/);
      expect(obligations.userThreshold).toBe(700_000_000);
      expect(obligations.acceptableUse).toBe(true);
    }
    expect(terms('llama3.1').obligations.outputUse).toBeUndefined();
  });

  it('records the Tongyi Qianwen threshold of 100M monthly active users', () => {
    expect(terms('tongyi-qianwen').obligations.userThreshold).toBe(100_000_000);
  });

  it('marks the non-commercial and share-alike licences', () => {
    const nonCommercial = LICENCES.filter((t) => t.obligations.nonCommercial).map((t) => t.id);
    expect(nonCommercial.sort()).toEqual(
      ['cc-by-nc-4.0', 'cc-by-nc-sa-4.0', 'mnpl-0.1', 'mrl', 'qwen-research'].sort(),
    );
    const shareAlike = LICENCES.filter((t) => t.obligations.shareAlike).map((t) => t.id);
    expect(shareAlike.sort()).toEqual(['agpl-3.0', 'cc-by-nc-sa-4.0', 'cc-by-sa-4.0', 'gpl-3.0']);
  });

  it('keeps unread licences to what was seen', () => {
    for (const id of ['mnpl-0.1', 'mrl', 'qwen']) {
      const t = terms(id);
      expect(t.verified).toBe(false);
      expect(t.obligations.acceptableUse).toBe(false);
      expect(t.obligations.userThreshold).toBeUndefined();
    }
  });
});
