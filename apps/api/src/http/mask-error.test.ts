import { DomainError } from '@lineage/domain';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createMaskError } from './mask-error';

function masking() {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { lines, mask: createMaskError(log) };
}

describe('what a client sees of an unexpected error', () => {
  it('never the text of a database error: INTERNAL, a fixed message, details in the log', () => {
    const { lines, mask } = masking();
    const neo4jText =
      'unexpected database error: Failed to invoke procedure: java.lang.IllegalArgumentException: input automaton is too large: 1001';
    const located = new GraphQLError('x', {
      path: ['search'],
      originalError: new DomainError('INTERNAL', neo4jText),
    });
    const shown = mask(located, 'Unexpected error.') as GraphQLError;
    expect(shown.extensions.code).toBe('INTERNAL');
    expect(shown.message).toBe('Unexpected error.');
    expect(shown.path).toEqual(['search']);
    expect(lines.join('\n')).toContain('automaton');
  });

  it('keeps the message of errors the caller can act on', () => {
    const { mask } = masking();
    const shown = mask(new DomainError('NOT_FOUND', 'no defect defect:x'), 'Unexpected error.');
    expect(shown.message).toBe('no defect defect:x');
  });
});
