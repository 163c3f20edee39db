import type { Score, Scored, Verdict } from './score';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function line(scored: Scored): string {
  const { row } = scored;
  const got = scored.got ? ` got ${scored.got}` : '';
  const want = row.expected === 'none' ? 'none' : (scored.want ?? row.expected);
  return `  - [${row.source} ${row.record}] ${row.role} '${row.name}' (${row.context}): want ${want}${got}`;
}

/** The figures, by source, then every row that went wrong or was missed. */
export function report(score: Score, minRecall: number): string {
  const sources = [...new Set(score.rows.map((s) => s.row.source))];
  const count = (rows: Scored[], verdict: Verdict) =>
    rows.filter((s) => s.verdict === verdict).length;
  const out = [
    '# Matching accuracy against the hand-labelled truth table',
    '',
    '| source | names | true matches | joined right | wrong joins | missed | kept apart rightly | unseen |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const source of [...sources, 'all']) {
    const rows = source === 'all' ? score.rows : score.rows.filter((s) => s.row.source === source);
    const truths = rows.filter((s) => s.row.expected !== 'none').length;
    out.push(
      `| ${source} | ${rows.length} | ${truths} | ${count(rows, 'joined')} | ${count(rows, 'wrong')} | ${count(rows, 'missed')} | ${count(rows, 'kept-apart')} | ${count(rows, 'unseen')} |`,
    );
  }
  out.push(
    '',
    `Wrong joins: ${score.wrong} (goal 0). True matches made: ${score.joined} of ${score.trueMatches}, ${percent(score.recall)} (goal ${percent(minRecall)}).`,
  );
  for (const [verdict, title] of [
    ['wrong', 'Wrong joins'],
    ['missed', 'Missed (listed as unresolved or ambiguous)'],
    ['unseen', 'Unseen (no record of the name in the import)'],
  ] as const) {
    const rows = score.rows.filter((s) => s.verdict === verdict);
    if (rows.length) out.push('', `${title}:`, ...rows.map(line));
  }
  return `${out.join('\n')}\n`;
}
