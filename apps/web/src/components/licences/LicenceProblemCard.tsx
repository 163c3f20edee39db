import Link from 'next/link';
import type { NodeLicenceQuery } from '../../generated/graphql';
import { droppedLines } from '../../lib/licence-words';
import { nodeHref } from '../../lib/links';
import { LevelBadge } from '../Badges';
import { LicenceName } from './LicenceName';
import { NodePath } from './NodePath';
import { ObligationList } from './ObligationList';
import { ProblemKindBadge } from './ProblemKindBadge';

type Problem = NonNullable<NodeLicenceQuery['nodeLicence']>['problems'][number];

/** One of the node's own licence problems: what part, why, how surely, and along which path. */
export function LicenceProblemCard({ problem, nodeId }: { problem: Problem; nodeId: string }) {
  const dropped = droppedLines(problem.dropped, problem.inherited.obligations);
  return (
    <article
      className={`licence-problem licence-problem-${problem.kind.toLowerCase()}`}
      data-testid="licence-problem"
      data-kind={problem.kind}
      aria-label={`Licence problem: ${problem.kind.toLowerCase()} the ${problem.inherited.name}`}
    >
      <p className="licence-problem-reason">
        <ProblemKindBadge kind={problem.kind} /> It {problem.reason}.
      </p>
      <dl className="facts">
        <dt>Inherited</dt>
        <dd>
          <LicenceName licence={problem.inherited} /> from{' '}
          <Link href={nodeHref(problem.from.id)}>{problem.from.name}</Link>
        </dd>
        {dropped.length ? (
          <>
            <dt>Dropped</dt>
            <dd>
              <ObligationList lines={dropped} label="Dropped obligations" />
            </dd>
          </>
        ) : null}
        <dt>Level</dt>
        <dd>
          <LevelBadge level={problem.level} />
        </dd>
        <dt>Path</dt>
        <dd>
          <NodePath path={problem.path} current={nodeId} />
        </dd>
      </dl>
      {problem.acknowledged ? (
        <p className="small" data-testid="licence-acknowledged">
          Its licence text names the {problem.inherited.name}: the terms are acknowledged, but the
          licence it declares{problem.declared ? `, the ${problem.declared.name},` : ''} still
          leaves them out.
        </p>
      ) : null}
    </article>
  );
}
