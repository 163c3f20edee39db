import Link from 'next/link';
import { KIND_STYLES, LEVEL_ORDER, LEVEL_STYLES, RELATION_STYLES } from '../graph/vocabulary';
import { LEVEL_MEANINGS } from '../lib/level-glossary';

/** What the colours, shapes and lines of the graph mean. */
export function Legend({ show }: { show: 'lineage' | 'impact' }) {
  return (
    <details className="legend" open>
      <summary>Legend</summary>
      {show === 'impact' ? (
        <ul aria-label="Exposure levels">
          {[...LEVEL_ORDER, 'MITIGATED'].map((level) => (
            <li key={level}>
              <span
                className="swatch"
                style={{ background: LEVEL_STYLES[level]!.color }}
                aria-hidden
              />
              <span title={LEVEL_MEANINGS[level]}>{LEVEL_STYLES[level]!.label}</span>
            </li>
          ))}
          <li>
            <Link href="/glossary">What the levels mean</Link>
          </li>
        </ul>
      ) : (
        <>
          <ul aria-label="Node kinds">
            {Object.entries(KIND_STYLES)
              .filter(([kind]) => kind !== 'Defect' && kind !== 'Provider')
              .map(([kind, style]) => (
                <li key={kind}>
                  <span
                    className={`swatch shape-${style.shape}`}
                    style={{ background: style.color }}
                    aria-hidden
                  />
                  {style.label}
                </li>
              ))}
          </ul>
          <ul aria-label="Relations">
            {Object.entries(RELATION_STYLES).map(([relation, style]) => (
              <li key={relation}>
                <span
                  className="line"
                  style={{
                    borderTop: `${Math.max(2, style.width)}px ${style.line} ${style.color}`,
                  }}
                  aria-hidden
                />
                {style.label}
              </li>
            ))}
            <li>
              <span className="line faint" aria-hidden />
              inferred (fainter)
            </li>
          </ul>
        </>
      )}
    </details>
  );
}
