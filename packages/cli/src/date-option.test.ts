import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { dateOption } from './date-option';

describe('dateOption', () => {
  const asOf = dateOption('--as-of');

  it('takes calendar dates written YYYY-MM-DD', () => {
    expect(asOf('2024-01-01')).toBe('2024-01-01');
    expect(asOf('2024-02-29')).toBe('2024-02-29');
    expect(asOf('1999-12-31')).toBe('1999-12-31');
  });

  it('refuses anything else, naming the option and the text given', () => {
    for (const text of [
      '',
      'today',
      '2024-1-1',
      '01/07/2024',
      '2024-01-01T00:00:00Z',
      ' 2024-01-01',
      '2024-13-01',
      '2023-02-29',
      '2024-04-31',
    ]) {
      expect(() => asOf(text), text).toThrow(InvalidArgumentError);
      expect(() => asOf(text)).toThrow(
        `--as-of takes a calendar date written YYYY-MM-DD, not '${text}'`,
      );
    }
  });
});
