import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { integerOption } from './integer-option';

describe('integerOption', () => {
  const depth = integerOption('--max-depth', 0, 100);

  it('takes whole numbers within its range', () => {
    expect(depth('0')).toBe(0);
    expect(depth('100')).toBe(100);
    expect(depth(' 7 ')).toBe(7);
  });

  it('refuses anything else, naming the option, its range and the text given', () => {
    for (const text of ['abc', '', 'NaN', '1e2', '2.5', '0x10', '-1', '101', '9'.repeat(30)]) {
      expect(() => depth(text), text).toThrow(InvalidArgumentError);
      expect(() => depth(text)).toThrow(
        `--max-depth takes a whole number from 0 to 100, not '${text}'`,
      );
    }
  });
});
