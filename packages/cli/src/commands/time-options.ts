import { Option } from 'commander';
import { dateOption } from '../date-option';

/** The day asked for: every command that states an exposure takes it. */
export const asOfOption = () =>
  new Option(
    '--as-of <date>',
    'the day asked for (YYYY-MM-DD): the lineage as it stood then (default: today, UTC)',
  ).argParser(dateOption('--as-of'));

export const disclosedOnlyOption = () =>
  new Option(
    '--disclosed-only',
    "a defect reaches nothing before its disclosure (otherwise: from its origin's release)",
  );
