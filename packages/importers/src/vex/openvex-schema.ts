import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { OPENVEX_CONTEXT } from './openvex-mapping';
import type { OpenVexStatement } from './openvex';
import { schemaProblems } from './schema-problems';
import schema from './openvex-0.2.0.schema.json' with { type: 'json' };

/**
 * An absolute IRI (RFC 3987) by its shape: a scheme, then no space, control or delimiter RFC
 * 3987 excludes, and `%` only as an escape. ajv-formats has no `iri`, and ajv-formats-draft2019's
 * also wants a scheme registered with IANA, which `pkg:` (the purls OpenVEX's own examples use
 * as ids) is not.
 */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[^\s<>"{}|\\^`%\p{Cc}]|%[0-9A-Fa-f]{2})+$/u;

let compiled: ValidateFunction | undefined;

// Compiled once per process, on first use: a module that only builds documents never pays.
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv, ['uri', 'date-time']);
    ajv.addFormat('iri', IRI);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/**
 * What OpenVEX 0.2.0 says and its schema cannot: the context names v0.2.0 (the only version
 * read here; 0.0.x documents have other fields), a statement names its products (a 0.2.0
 * document has nowhere they could cascade from), and only a not_affected statement takes a
 * justification.
 */
function specProblems(document: { '@context'?: unknown; statements?: unknown }): string[] {
  const problems: string[] = [];
  const context = document['@context'];
  if (typeof context === 'string' && context !== OPENVEX_CONTEXT)
    problems.push(
      context.startsWith('https://openvex.dev/ns')
        ? `@context: ${context} is not OpenVEX v0.2.0, the version read here`
        : `@context: ${context} is not OpenVEX's (${OPENVEX_CONTEXT})`,
    );
  const statements = Array.isArray(document.statements) ? document.statements : [];
  statements.forEach((statement: Partial<OpenVexStatement> | null, i) => {
    if (!statement || typeof statement !== 'object') return;
    if (!Array.isArray(statement.products) || !statement.products.length)
      problems.push(`statements[${i}]: no products; a statement must name what it is about`);
    if (statement.justification !== undefined && statement.status !== 'not_affected')
      problems.push(
        `statements[${i}].justification: only a not_affected statement takes one, not ${String(statement.status)}`,
      );
  });
  return problems;
}

/**
 * Problems with an OpenVEX document against the official 0.2.0 JSON schema (vendored from
 * openvex/spec, see README.md) and the spec rules it leaves out, each naming its path; none is
 * null.
 */
export function validateOpenVex(json: string): string[] | null {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return [`(document): not JSON (${(error as Error).message})`];
  }
  const validate = schemaValidator();
  const problems = validate(document) ? [] : schemaProblems(validate.errors);
  if (document && typeof document === 'object' && !Array.isArray(document))
    problems.push(...specProblems(document));
  return problems.length ? problems : null;
}
