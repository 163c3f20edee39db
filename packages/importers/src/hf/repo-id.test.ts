import { describe, expect, it } from 'vitest';
import { isRepoId } from './repo-id';

describe('isRepoId', () => {
  it.each([
    'meta-llama/Llama-3.1-8B',
    'TheBloke/Llama-2-7B-GGUF',
    'constructor/0',
    '0-hero/OIG-small-chip2',
    `a/${'b'.repeat(96)}`,
  ])('accepts the hub id %s', (id) => {
    expect(isRepoId(id)).toBe(true);
  });

  it.each([
    ['no owner', 'llama'],
    ['two slashes', 'a/b/c'],
    ['an empty name', 'a/'],
    ['a space', 'a/b c'],
    ['a leading dot', 'a/.b'],
    ['a leading dash', '-a/b'],
    ['a name over 96 characters', `a/${'b'.repeat(97)}`],
    ['an owner over 96 characters', `${'a'.repeat(97)}/b`],
    ['a quote', `a/b' OR 1=1`],
  ])('refuses %s', (_, id) => {
    expect(isRepoId(id)).toBe(false);
  });
});
