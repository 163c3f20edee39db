/** A licence's obligations as the API answers them (LicenceObligations). */
export interface Obligations {
  attribution: boolean;
  naming: string | null;
  acceptableUse: boolean;
  userThreshold: number | null;
  outputUse: string | null;
  nonCommercial: boolean;
  shareAlike: boolean;
  bindsDerivatives: boolean;
}

/** One obligation in words: `name` is the API's (what a problem's `dropped` lists). */
export interface ObligationLine {
  name: string;
  term: string;
  detail: string;
}

export type ProblemKind = 'DROPS' | 'CONFLICTS';

/** The kinds as the page names them; the URL uses the lower-case key. */
export const PROBLEM_KINDS: Record<ProblemKind, { label: string; plural: string; means: string }> =
  {
    CONFLICTS: {
      label: 'Conflicts',
      plural: 'conflicts',
      means: 'the declared licence and the inherited terms cannot both hold',
    },
    DROPS: {
      label: 'Drops',
      plural: 'drops',
      means: 'the declared licence leaves out obligations of the inherited terms',
    },
  };

/** "700,000,000 monthly active users": written out in full, as the licences write them. */
export const formatUsers = (users: number) =>
  `${users.toLocaleString('en-US')} monthly active user${users === 1 ? '' : 's'}`;

/**
 * What a licence obliges, one line per obligation it has, in the order the API's reasons name
 * them (then whether it binds derivatives): a licence with none gives no line.
 */
export function obligationLines(o: Obligations): ObligationLine[] {
  const lines: (ObligationLine | false)[] = [
    o.attribution && {
      name: 'attribution',
      term: 'Attribution',
      detail: 'credit the original and keep its notices',
    },
    o.acceptableUse && {
      name: 'acceptableUse',
      term: 'Acceptable-use policy',
      detail: 'binds every user and must be passed on',
    },
    o.userThreshold !== null && {
      name: 'userThreshold',
      term: 'User threshold',
      detail: `another licence must be asked for above ${formatUsers(o.userThreshold)}`,
    },
    o.naming !== null && { name: 'naming', term: 'Naming rule', detail: o.naming },
    o.outputUse !== null && { name: 'outputUse', term: 'Output use', detail: o.outputUse },
    o.nonCommercial && {
      name: 'nonCommercial',
      term: 'Non-commercial',
      detail: 'no commercial use',
    },
    o.shareAlike && {
      name: 'shareAlike',
      term: 'Share-alike',
      detail: 'derivatives must be shared under the same licence',
    },
    o.bindsDerivatives && {
      name: 'bindsDerivatives',
      term: 'Binds derivatives',
      detail: 'redistributed derivatives stay subject to these terms',
    },
  ];
  return lines.filter((line) => line !== false);
}

/**
 * The obligations a problem says are dropped, in words read from the inherited licence. A name
 * this page does not know yet (the API may add one) is still shown, as the API spells it.
 */
export function droppedLines(dropped: readonly string[], inherited: Obligations): ObligationLine[] {
  const known = new Map(obligationLines(inherited).map((line) => [line.name, line]));
  return dropped.map((name) => known.get(name) ?? { name, term: name, detail: '' });
}

/**
 * Whether a node's licence text says more than the licence it declares: "MIT; derived from
 * Llama 3.1..." does, "Apache 2.0" for the Apache License 2.0 does not.
 */
export function textSaysMore(
  text: string | null,
  declared: { id: string; name: string; spdx: string | null },
): boolean {
  // Spacing, case and punctuation aside: "Apache 2.0" says no more than "apache-2.0".
  const bare = (words: string) => words.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const said = bare(text ?? '');
  if (!said) return false;
  return ![declared.id, declared.name, declared.spdx ?? ''].some((name) => bare(name) === said);
}

/** A kind named in a link (`?kind=drops`): the API's kind, or undefined for all of them. */
export function readProblemKind(value: string | string[] | undefined): {
  kind?: ProblemKind;
  problem?: string;
} {
  const text = (Array.isArray(value) ? value[0] : value)?.trim().toUpperCase();
  if (!text || text === 'ALL') return {};
  if (text === 'DROPS' || text === 'CONFLICTS') return { kind: text };
  return {
    problem: `The link asked for problems of kind “${text.slice(0, 40).toLowerCase()}”, which is neither conflicts nor drops: all are shown.`,
  };
}
