const BY = /^[\w.@:-]{1,100}$/;

/** `--by`: who made a change, as the audit trail records it. */
export function checkBy(by: string) {
  if (!BY.test(by))
    throw new Error(
      `--by must be 1 to 100 letters, digits or . @ : - _ (got '${by.slice(0, 40)}')`,
    );
}
