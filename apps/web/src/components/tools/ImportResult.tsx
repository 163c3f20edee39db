import type { ImportFileMutation } from '../../generated/graphql';

export type ImportAnswer = ImportFileMutation['importFile'];

const FORMAT_NAMES: Record<string, string> = {
  CYCLONEDX: 'CycloneDX',
  HF_CARDS: 'Hugging Face model cards',
  HF_TREE: 'Hugging Face model tree',
  ECOSYSTEM_GRAPHS: 'Ecosystem Graphs',
  AVID: 'AVID',
  JAILBREAKBENCH: 'JailbreakBench',
};

type Counts = { created: number; updated: number; unchanged: number } | null | undefined;
const written = (counts: Counts) =>
  counts
    ? `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`
    : '';

/** What the API said of the file: its problems (nothing written), or what it read and wrote. */
export function ImportResult({ answer, fileName }: { answer: ImportAnswer; fileName: string }) {
  if (answer.userErrors.length)
    return (
      <section className="panel import-result" role="alert" aria-label="Import refused">
        <h2>{fileName}: nothing imported</h2>
        <ul>
          {answer.userErrors.map((error, i) => (
            <li key={i} className="error-text">
              <pre>{error.message}</pre>
            </li>
          ))}
        </ul>
      </section>
    );
  const summary = answer.summary;
  if (!summary) return null;
  return (
    <section className="panel import-result" aria-label="Import result">
      <h2>
        {fileName}: {summary.dryRun ? 'preview, nothing written' : 'imported'}
      </h2>
      <dl className="facts">
        <dt>Format</dt>
        <dd>{FORMAT_NAMES[summary.format] ?? summary.format}</dd>
        <dt>Records read</dt>
        <dd>{summary.records}</dd>
        <dt>Names</dt>
        <dd>
          {summary.matched} matched to stored nodes, {summary.unresolved} matching none,{' '}
          {summary.ambiguous} ambiguous (not merged)
        </dd>
        <dt>{summary.dryRun ? 'Would write' : 'Planned'}</dt>
        <dd>
          {summary.nodes} nodes, {summary.relationships} relationships ({summary.linked} stored
          records linked, never rewritten)
        </dd>
        {summary.nodesWritten ? (
          <>
            <dt>Nodes written</dt>
            <dd data-testid="nodes-written">{written(summary.nodesWritten)}</dd>
            <dt>Relationships written</dt>
            <dd>{written(summary.relationshipsWritten)}</dd>
          </>
        ) : null}
        <dt>Graph version</dt>
        <dd>{summary.graphVersion}</dd>
      </dl>
      {summary.notes.length ? (
        <details>
          <summary>{summary.notes.length} note(s)</summary>
          <ul>
            {summary.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
