import { InvalidArgumentError } from 'commander';

/**
 * A commander argParser for a whole number within [min, max]: `--max-depth abc` or `1e9` is
 * refused with the option's name and range (exit 1) instead of reaching a query as NaN.
 */
export function integerOption(name: string, min: number, max: number) {
  return (text: string): number => {
    const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max)
      throw new InvalidArgumentError(
        `${name} takes a whole number from ${min} to ${max.toLocaleString('en')}, not '${text}'`,
      );
    return value;
  };
}
