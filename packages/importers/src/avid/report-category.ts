import type { DefectCategory } from '@lineage/domain';
import { categoryOf, mostSevereOf } from './categories';
import type { AvidReport } from './read-avid';

// garak probe modules that try to talk a model past its safeguards; a report of one whose
// detectors failed is a jailbreak, whatever effects its sep_view lists (often none).
const JAILBREAK_PROBES = new Set([
  'dan',
  'dra',
  'encoding',
  'grandma',
  'latentinjection',
  'phrasing',
  'promptinject',
  'suffix',
  'tap',
  'visual_jailbreak',
]);

const GARAK_PROBE = /using the probe `([\w]+)\.[\w.]+`/;
const JAILBREAK_TITLE = /\bjail-?break/i;

/**
 * A report's category from all it says: AVID's effects (sep_view), 0DIN's jailbreak taxonomy,
 * the garak probe it ran, and its title ("Multiple Model Guardrail Jailbreak via ..."). 0DIN's
 * disclosures state no AVID effect, so the effects alone file them OTHER.
 */
export function reportCategory(report: AvidReport): {
  category: DefectCategory;
  unknown: string[];
} {
  const fromEffects = categoryOf(report.impact?.avid?.sep_view ?? []);
  const title = report.problemtype?.description?.value ?? '';
  const probe = GARAK_PROBE.exec(title)?.[1];
  const jailbreak =
    (report.impact?.odin?.JailbreakTaxonomy ?? []).length > 0 ||
    JAILBREAK_TITLE.test(title) ||
    (probe !== undefined && JAILBREAK_PROBES.has(probe));
  return {
    category: mostSevereOf([fromEffects.category, ...(jailbreak ? ['JAILBREAK' as const] : [])]),
    unknown: fromEffects.unknown,
  };
}
