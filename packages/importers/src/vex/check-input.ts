import { triageProblem, validationError } from '@lineage/domain';
import { z } from 'zod';
import type { VexDefect, VexInput } from './vex-input';

/**
 * The defects of a VEX input by id, once its statements are known to make one document: each
 * names a listed defect, states each (defect, node) pair once (a document saying two things of
 * one pair says nothing), and fits the triage rules. A statement with no analyst must be
 * IN_TRIAGE: the documents mark it untriaged, and any other state would be an analysis no one
 * made. Both formats need a statement (OpenVEX's schema asks for one), so an empty input is
 * refused rather than written as a document that says nothing.
 */
// OpenVEX asks RFC 3339 date-times of its timestamps; a bare date would make an invalid document.
const dateTime = z.iso.datetime({ offset: true });

export function checkVexInput(input: VexInput): Map<string, VexDefect> {
  const defects = new Map(input.defects.map((defect) => [defect.id, defect]));
  const problems: string[] = [];
  if (!input.statements.length)
    problems.push(`nothing to state: no defect reaches ${input.subject.id}`);
  const pairs = new Set<string>();
  input.statements.forEach((statement, i) => {
    const where = `statements[${i}]`;
    if (!defects.has(statement.defectId))
      problems.push(`${where}: ${statement.defectId} is not among the defects`);
    const pair = `${statement.defectId} ${statement.node.id}`;
    if (pairs.has(pair))
      problems.push(
        `${where}: a second statement of ${statement.defectId} at ${statement.node.id}`,
      );
    pairs.add(pair);
    if (statement.by === undefined && statement.state !== 'IN_TRIAGE')
      problems.push(
        `${where}: ${statement.state} with no analyst; only IN_TRIAGE may be untriaged`,
      );
    if (!dateTime.safeParse(statement.at).success)
      problems.push(`${where}: at '${statement.at}' is not an ISO date-time`);
    const problem = triageProblem(statement.state, statement.justification);
    if (problem) problems.push(`${where}: ${problem.message}`);
  });
  if (problems.length) throw validationError('cannot write this VEX document', problems);
  return defects;
}
