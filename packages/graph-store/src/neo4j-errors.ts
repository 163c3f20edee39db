import { DomainError, isDomainError } from '@lineage/domain';
import { Neo4jError } from 'neo4j-driver';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * No connection within the acquisition timeout: a Neo4j that accepts connections but never
 * answers (hung, or overwhelmed). The driver gives this error no code, only its message.
 */
const isAcquisitionTimeout = (error: Neo4jError) =>
  error.message.startsWith('Connection acquisition timed out');

/**
 * The one place where Neo4j and driver errors become domain errors. A DomainError thrown inside
 * a transaction function passes through unchanged.
 */
export function toDomainError(error: unknown): DomainError {
  if (isDomainError(error)) return error;
  if (error instanceof Neo4jError) {
    const code = error.code ?? '';
    if (
      UNAVAILABLE_CODES.has(code) ||
      code.startsWith('Neo.TransientError.General.Database') ||
      isAcquisitionTimeout(error)
    ) {
      return new DomainError('DATABASE_UNAVAILABLE', 'the graph database is unavailable', {
        cause: code,
      });
    }
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
      return new DomainError('TIMEOUT', 'the query took longer than its time limit', {
        cause: code,
      });
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new DomainError('CONFLICT', 'the write conflicts with data already stored', {
        cause: code,
      });
    }
    if (code.startsWith('Neo.ClientError.Security.')) {
      return new DomainError('DATABASE_UNAVAILABLE', `Neo4j refused the connection: ${code}`, {
        cause: code,
      });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DomainError('INTERNAL', `unexpected database error: ${message}`, {
    cause: error instanceof Neo4jError ? error.code : undefined,
  });
}
