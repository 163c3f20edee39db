import { LICENCES, licenceTerms, type LicenceTerms } from './licence-terms';
import { CREATIVE_COMMONS, LICENCE_NAMES, LICENCE_URLS, creativeCommonsId } from './licence-names';
import { clausesOf, clauseAt, type Clause } from './clauses';

/** What a free-text licence field says, as catalogued licences. */
export interface ReadLicence {
  text: string;
  /** The licence the field declares for the model: the first one named for it. */
  declared?: LicenceTerms;
  /** Other licences the text names: for code, for an ancestor ("subject to ..."), as alternatives. */
  alsoNamed: LicenceTerms[];
}

interface Found {
  at: number;
  end: number;
  terms: LicenceTerms;
}

/**
 * Reads a licence field from any source: a hub id ("llama3.1"), a name ("LLaMA 2 Community
 * License"), a URL of a licence text, or a sentence naming several ("MIT; derived from Llama 3.1
 * 8B Base, subject to the Llama 3.1 Community License"). Text that names no catalogued licence
 * ("custom", "unknown", "Open", a vendor's terms page) is left unread: nothing is guessed.
 */
export function readLicence(text: string): ReadLicence {
  const { blanked, urls } = withoutUrls(text);
  const clauses = clausesOf(blanked);
  const found = [...urls, ...byName(blanked), ...byBareName(clauses)]
    .filter((f) => !clauseAt(clauses, f.at, f.end).modified)
    .sort((a, b) => a.at - b.at || b.end - a.end);
  const named: { terms: LicenceTerms; forModel: boolean }[] = [];
  let reach = -1;
  for (const f of found) {
    // A shorter name inside a longer one ("OpenRail" in "BigCode OpenRail-M") is the longer one.
    if (f.at < reach) continue;
    reach = f.end;
    if (named.some((n) => n.terms.id === f.terms.id)) continue;
    const clause = clauseAt(clauses, f.at, f.end);
    named.push({ terms: f.terms, forModel: !clause.codeOnly && !clause.context });
  }
  const declared = named.find((n) => n.forModel)?.terms;
  return {
    text,
    ...(declared ? { declared } : {}),
    alsoNamed: named.filter((n) => n.terms !== declared).map((n) => n.terms),
  };
}

const URL = /\bhttps?:\/\/[^\s)\]>"']+|\bwww\.[^\s)\]>"']+/gi;

const URL_TO_ID = new Map<string, string>([
  ...LICENCES.filter((terms) => terms.source).map((t) => [normalUrl(t.source), t.id] as const),
  ...Object.entries(LICENCE_URLS),
]);

/** URLs found, and the text with them blanked out so that no name is read inside one. */
function withoutUrls(text: string): { blanked: string; urls: Found[] } {
  const urls: Found[] = [];
  const blanked = text.replace(URL, (url, at: number) => {
    const terms = licenceTerms(URL_TO_ID.get(normalUrl(url)) ?? '');
    if (terms) urls.push({ at, end: at + url.length, terms });
    return ' '.repeat(url.length);
  });
  return { blanked, urls };
}

function normalUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[#?].*$/, '')
    .replace(/[.,;]+$/, '')
    .replace(/\/(?:legalcode|deed)(?:\.[a-z-]+)?$/, '')
    .replace(/\/+$/, '');
}

function byName(text: string): Found[] {
  const found: Found[] = [];
  for (const { id, name = [] } of LICENCE_NAMES) {
    for (const pattern of name) {
      for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
        found.push({ at: m.index, end: m.index + m[0].length, terms: licenceTerms(id)! });
      }
    }
  }
  for (const m of text.matchAll(new RegExp(CREATIVE_COMMONS.source, 'gi'))) {
    const terms = licenceTerms(creativeCommonsId(m[1] ?? '') ?? '');
    if (terms) found.push({ at: m.index, end: m.index + m[0].length, terms });
  }
  return found;
}

/** Names that count only as a whole clause: hub ids, aliases, and model-like names. */
function byBareName(clauses: Clause[]): Found[] {
  const found: Found[] = [];
  for (const clause of clauses) {
    const terms =
      licenceTerms(clause.core) ??
      licenceTerms(
        LICENCE_NAMES.find((n) => n.bare?.some((pattern) => pattern.test(clause.core)))?.id ?? '',
      );
    if (terms) found.push({ at: clause.at, end: clause.at + clause.text.length, terms });
  }
  return found;
}
