import type { Metadata } from 'next';
import { LevelGlossary } from '../../components/LevelGlossary';
import { SeverityBadge } from '../../components/Badges';

export const metadata: Metadata = { title: 'Levels and severities' };

const CELLS: [string, string][] = [
  ['Quantization, adapter, deployment, built on', 'Certain for every category'],
  ['Fine-tune', 'Certain for jailbreaks, safety gaps and licences; Likely otherwise'],
  ['Merge', 'Likely; Certain for licences'],
  ['Distillation', 'Likely for jailbreaks, safety gaps and bias; Possible otherwise'],
  ['Trained on (dataset → model)', 'None for jailbreaks and safety gaps; Likely for most others'],
  ['Depends on', 'Possible; Likely for licences'],
];

/** The glossary every level badge links to (text from the design's propagation semantics). */
export default function GlossaryPage() {
  return (
    <>
      <h1>Levels and severities</h1>
      <section className="panel" aria-labelledby="levels">
        <h2 id="levels">Exposure levels</h2>
        <p>How sure the graph is that a defect reaches a node, from the origin outwards.</p>
        <LevelGlossary anchors />
      </section>
      <section className="panel" aria-labelledby="hops">
        <h2 id="hops">What each relation transmits</h2>
        <p className="muted small">
          The default table (a defect’s own transmission overrides cells); an inferred relationship
          transmits at most Likely.
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Relation (parent → child)</th>
              <th scope="col">Transmits</th>
            </tr>
          </thead>
          <tbody>
            {CELLS.map(([relation, level]) => (
              <tr key={relation}>
                <td>{relation}</td>
                <td>{level}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="severities">
        <h2 id="severities">Severities</h2>
        <p>
          <SeverityBadge severity="CRITICAL" /> <SeverityBadge severity="HIGH" />{' '}
          <SeverityBadge severity="MEDIUM" /> <SeverityBadge severity="LOW" />
        </p>
        <p>
          A severity is how bad the defect is where it was found, as filed by its source. It ranks
          defects; it does not change which nodes a defect reaches or at what level.
        </p>
      </section>
    </>
  );
}
