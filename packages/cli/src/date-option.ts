import { dayNumber } from '@lineage/domain';
import { InvalidArgumentError } from 'commander';

/**
 * A commander argParser for a calendar date written YYYY-MM-DD: `--as-of 2024-02-30`,
 * `--as-of 1/7/2024` or `--as-of yesterday` is refused with the option's name and the text
 * given (exit 1) before anything is asked of the graph.
 */
export function dateOption(name: string) {
  return (text: string): string => {
    try {
      dayNumber(text);
      return text;
    } catch {
      throw new InvalidArgumentError(
        `${name} takes a calendar date written YYYY-MM-DD, not '${text}'`,
      );
    }
  };
}
