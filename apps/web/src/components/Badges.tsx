import Link from 'next/link';
import { KIND_STYLES, LEVEL_STYLES } from '../graph/vocabulary';
import { glossaryHref, LEVEL_MEANINGS } from '../lib/level-glossary';

export function KindBadge({ kind }: { kind: string }) {
  const style = KIND_STYLES[kind];
  return (
    <span className="badge" style={{ background: style?.color ?? '#4b5563' }}>
      {style?.label ?? kind}
    </span>
  );
}

/**
 * A level as a solid purple-to-blue pill; its tooltip says what the level means and it links
 * to the glossary. `plain` drops the link where the badge sits inside another link.
 */
export function LevelBadge({
  level,
  mitigated = false,
  plain = false,
}: {
  level: string;
  mitigated?: boolean;
  plain?: boolean;
}) {
  const key = mitigated ? 'MITIGATED' : level;
  const label = mitigated
    ? `Mitigated (${level.toLowerCase()})`
    : (LEVEL_STYLES[key]?.label ?? level);
  const props = {
    className: 'badge level-badge',
    'data-level': key,
    title: LEVEL_MEANINGS[key],
    style: { background: LEVEL_STYLES[key]?.color ?? '#4b5563' },
  };
  if (plain) return <span {...props}>{label}</span>;
  return (
    <Link href={glossaryHref(key)} {...props}>
      {label}
    </Link>
  );
}

/** Severities: an outlined red-orange-yellow scale with a marker, unlike the solid levels. */
export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span
      className={`badge severity-badge severity-${severity.toLowerCase()}`}
      data-severity={severity}
      title={`Severity as filed: ${severity.toLowerCase()}. It ranks the defect; it does not change how far it propagates.`}
    >
      {severity.toLowerCase()}
    </span>
  );
}
