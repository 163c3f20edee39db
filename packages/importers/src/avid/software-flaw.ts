import type { AvidReport } from './read-avid';

// AVID's effects of software, not of a model: "S0100: Software Vulnerability",
// "S0202: Software Compromise".
const SOFTWARE_EFFECTS = ['S0100', 'S0202'];

// Where a software package or its advisory lives: a flaw published there is the package's.
const PACKAGE_PAGES = [
  /^https?:\/\/(www\.)?rubygems\.org\//i,
  /^https?:\/\/(www\.)?pypi\.org\//i,
  /^https?:\/\/(www\.)?npmjs\.(com|org)\//i,
  /^https?:\/\/crates\.io\//i,
  /^https?:\/\/(www\.)?nuget\.org\//i,
  /^https?:\/\/github\.com\/advisories\//i,
  /^https?:\/\/github\.com\/[^/]+\/[^/]+\/security\/advisories\//i,
  /^https?:\/\/(www\.)?cve\.org\//i,
  /^https?:\/\/nvd\.nist\.gov\/vuln\//i,
];

// A measurement or detection tested the model itself (garak's package-hallucination probe is
// filed "S0100: Software Vulnerability" but measures what the model writes).
const MEASURED = ['Measurement', 'Detection'];

/**
 * Why a report is a flaw of a software package (a gem, a pip or npm package, a library) and so
 * of no model, or undefined. A model named beside the package (ChatGPT driving a Ruby gem that
 * runs its answers) is where the flaw showed, not what is flawed: such a report is never filed
 * on a model. Read from the report's own fields: a CVE entry, a package registry or software
 * advisory among its references, or an advisory whose effects are software effects.
 */
export function softwareFlawOf(report: AvidReport): string | undefined {
  if (report.problemtype?.classof === 'CVE Entry') return 'a CVE entry of a software package';
  const page = report.references
    .map((reference) => reference.url ?? '')
    .find((url) => PACKAGE_PAGES.some((pattern) => pattern.test(url)));
  if (page) return `a software flaw published at ${page}`;
  const effects = (report.impact?.avid?.sep_view ?? []).filter((entry) =>
    SOFTWARE_EFFECTS.includes(entry.split(':')[0]!.trim()),
  );
  if (effects.length && !MEASURED.includes(report.problemtype?.type ?? ''))
    return `a software flaw (${effects.join(', ')}) in a report that measured no model`;
  return undefined;
}
