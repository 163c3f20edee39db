import { describe, expect, it } from 'vitest';
import type { AvidReport } from './read-avid';
import { softwareFlawOf } from './software-flaw';

const report = (fields: Partial<AvidReport>): AvidReport => ({
  metadata: { report_id: 'AVID-2026-R9990' },
  affects: { developer: [], deployer: [], artifacts: [{ type: 'System', name: 'x' }] },
  references: [],
  metrics: [],
  at: 'AVID-2026-R9990.json',
  ...fields,
});

describe('softwareFlawOf', () => {
  it('calls a CVE entry a software flaw', () => {
    expect(softwareFlawOf(report({ problemtype: { classof: 'CVE Entry' } }))).toMatch(/CVE/);
  });

  it('calls a flaw published on a package registry or as a software advisory a software flaw', () => {
    for (const url of [
      'https://rubygems.org/gems/boxcars',
      'https://pypi.org/project/fixture/',
      'https://github.com/advisories/GHSA-xxxx-yyyy-zzzz',
    ])
      expect(softwareFlawOf(report({ references: [{ url }] })), url).toContain(url);
  });

  it('calls an advisory of software effects a software flaw', () => {
    const advisory = report({
      problemtype: { type: 'Advisory' },
      impact: { avid: { sep_view: ['S0100: Software Vulnerability', 'S0201: Model Compromise'] } },
    });
    expect(softwareFlawOf(advisory)).toMatch(/S0100/);
  });

  it("keeps a measurement of a model's behaviour filed as S0100 (garak's package hallucination) a model's flaw", () => {
    const measured = report({
      problemtype: { classof: 'LLM Evaluation', type: 'Measurement' },
      references: [{ url: 'https://github.com/NVIDIA/garak' }],
      impact: { avid: { sep_view: ['S0100: Software Vulnerability'] } },
    });
    expect(softwareFlawOf(measured)).toBeUndefined();
  });
});
