import type { DefectCategory } from '@lineage/domain';
import { ownEntry } from '../own-entry';

/**
 * AVID's effect taxonomy (sep_view: Security, Ethics, Performance) mapped to Lineage's defect
 * categories. Every code of AVID's taxonomy is here, so an unknown code is a real surprise.
 */
export const AVID_CATEGORIES: Record<string, DefectCategory> = {
  S0100: 'OTHER', // Software Vulnerability
  S0200: 'BACKDOOR', // Supply Chain Compromise
  S0201: 'BACKDOOR', // Model Compromise
  S0202: 'OTHER', // Software Compromise
  S0300: 'OTHER', // Over-permissive API
  S0301: 'PRIVACY_LEAK', // Information Leak
  S0302: 'OTHER', // Excessive Queries
  S0400: 'JAILBREAK', // Model Bypass
  S0401: 'OTHER', // Bad Features
  S0402: 'OTHER', // Insufficient Training Data
  S0403: 'JAILBREAK', // Adversarial Example
  S0500: 'PRIVACY_LEAK', // Exfiltration
  S0501: 'PRIVACY_LEAK', // Model Inversion
  S0502: 'OTHER', // Model Theft
  S0600: 'DATA_POISONING', // Data Poisoning
  S0601: 'DATA_POISONING', // Ingest Poisoning
  E0100: 'BIAS', // Bias / Discrimination
  E0101: 'BIAS', // Group fairness
  E0102: 'BIAS', // Individual fairness
  E0200: 'OTHER', // Explainability
  E0201: 'OTHER', // Global explanations
  E0202: 'OTHER', // Local explanations
  E0300: 'SAFETY_GAP', // User actions
  E0301: 'SAFETY_GAP', // Toxicity
  E0302: 'BIAS', // Polarization / Exclusion
  E0400: 'SAFETY_GAP', // Misinformation
  E0401: 'SAFETY_GAP', // Deliberative Misinformation
  E0402: 'SAFETY_GAP', // Generative Misinformation
  P0100: 'OTHER', // Data issues
  P0101: 'OTHER', // Data drift
  P0102: 'OTHER', // Concept drift
  P0103: 'OTHER', // Data entanglement
  P0104: 'DATA_POISONING', // Data quality issues
  P0105: 'OTHER', // Feedback loops
  P0200: 'OTHER', // Model issues
  P0201: 'OTHER', // Resilience / Stability
  P0202: 'OTHER', // OOD generalization
  P0203: 'OTHER', // Scaling
  P0204: 'OTHER', // Accuracy
  P0300: 'PRIVACY_LEAK', // Privacy
  P0301: 'PRIVACY_LEAK', // Anonymization
  P0302: 'PRIVACY_LEAK', // Randomization
  P0303: 'PRIVACY_LEAK', // Encryption
  P0400: 'SAFETY_GAP', // Safety
  P0401: 'SAFETY_GAP', // Psychological Safety
  P0402: 'SAFETY_GAP', // Physical Safety
  P0403: 'SAFETY_GAP', // Socioeconomic safety
  P0404: 'SAFETY_GAP', // Environmental safety
};

// When a report names several effects, the category that travels furthest and hurts most wins.
const PRECEDENCE: DefectCategory[] = [
  'JAILBREAK',
  'BACKDOOR',
  'DATA_POISONING',
  'PRIVACY_LEAK',
  'SAFETY_GAP',
  'BIAS',
  'LICENSE',
  'OTHER',
];

/** The category of a report from its sep_view entries ("S0403: Adversarial Example"). */
export function categoryOf(sepView: string[]): { category: DefectCategory; unknown: string[] } {
  const codes = sepView.map((entry) => entry.split(':')[0]!.trim());
  const found = codes.map((code) => ownEntry(AVID_CATEGORIES, code));
  const unknown = codes.filter((_, i) => found[i] === undefined);
  const categories = found.filter((category) => category !== undefined);
  return { category: mostSevereOf(categories), unknown };
}

/** The category that travels furthest and hurts most of several; OTHER when there is none. */
export function mostSevereOf(categories: readonly DefectCategory[]): DefectCategory {
  return PRECEDENCE.find((c) => categories.includes(c)) ?? 'OTHER';
}
