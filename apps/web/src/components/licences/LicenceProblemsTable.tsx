import Link from 'next/link';
import type { LicenceCheckPageQuery } from '../../generated/graphql';
import { textSaysMore } from '../../lib/licence-words';
import { nodeHref } from '../../lib/links';
import { KindBadge, LevelBadge } from '../Badges';
import { LicenceName } from './LicenceName';
import { NodePath } from './NodePath';
import { ProblemKindBadge } from './ProblemKindBadge';

type Problem = LicenceCheckPageQuery['shown']['problems'][number];

/** The whole graph's licence problems, one row per node and inherited licence, as the API orders them. */
export function LicenceProblemsTable({ problems }: { problems: Problem[] }) {
  return (
    <table className="licence-table" data-testid="licence-problems">
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Node</th>
          <th scope="col">Declared</th>
          <th scope="col">Inherited</th>
          <th scope="col">From</th>
          <th scope="col">Level</th>
          <th scope="col">Reason</th>
          <th scope="col">Path</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p) => (
          <tr
            key={`${p.node.id} ${p.inherited.id}`}
            data-node={p.node.id}
            data-kind={p.kind}
            data-inherited={p.inherited.id}
          >
            <td>
              <ProblemKindBadge kind={p.kind} />
            </td>
            <td>
              <Link href={nodeHref(p.node.id)}>{p.node.name}</Link> <KindBadge kind={p.node.kind} />
            </td>
            <td>
              {p.declared ? <LicenceName licence={p.declared} /> : null}
              {!p.declared || textSaysMore(p.text, p.declared) ? (
                <div className="muted small">“{p.text}”</div>
              ) : null}
            </td>
            <td>
              <LicenceName licence={p.inherited} />
            </td>
            <td>
              <Link href={nodeHref(p.from.id)}>{p.from.name}</Link>
            </td>
            <td>
              <LevelBadge level={p.level} />
            </td>
            <td className="small reason">{p.reason}</td>
            <td className="small path">
              <NodePath path={p.path} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
