import { LEVEL_ORDER, LEVEL_STYLES } from '../graph/vocabulary';
import { LEVEL_MEANINGS, LEVEL_RULE } from '../lib/level-glossary';

/** Every exposure level and what it means; each term is an anchor the level badges link to. */
export function LevelGlossary({ anchors = false }: { anchors?: boolean }) {
  return (
    <>
      <dl className="glossary">
        {[...LEVEL_ORDER, 'MITIGATED'].map((level) => (
          <div key={level} id={anchors ? `level-${level.toLowerCase()}` : undefined}>
            <dt>
              <span
                className="swatch"
                style={{ background: LEVEL_STYLES[level]!.color }}
                aria-hidden
              />
              {LEVEL_STYLES[level]!.label}
            </dt>
            <dd>{LEVEL_MEANINGS[level]}</dd>
          </div>
        ))}
      </dl>
      <p className="small">{LEVEL_RULE}</p>
    </>
  );
}
