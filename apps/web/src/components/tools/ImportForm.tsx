'use client';

import { useState, type FormEvent } from 'react';
import { ImportResult, type ImportAnswer } from './ImportResult';

const FORMATS = [
  ['', 'Guess from the file'],
  ['CYCLONEDX', 'CycloneDX BOM (JSON)'],
  ['HF_CARDS', 'Hugging Face model cards (JSON lines)'],
  ['HF_TREE', 'Hugging Face model tree (CSV)'],
  ['ECOSYSTEM_GRAPHS', 'Ecosystem Graphs assets (YAML)'],
  ['AVID', 'AVID report (JSON)'],
  ['JAILBREAKBENCH', 'JailbreakBench table (CSV)'],
] as const;

type State =
  | { status: 'idle' }
  | { status: 'busy'; dryRun: boolean }
  | { status: 'done'; answer: ImportAnswer; fileName: string }
  | { status: 'failed'; message: string };

/**
 * Sends one file to the web app's /api/import with the user's own write token, which the route
 * passes on to the API and nothing keeps: it lives in this form's state until the page closes.
 */
export function ImportForm() {
  const [state, setState] = useState<State>({ status: 'idle' });

  async function send(form: HTMLFormElement, dryRun: boolean) {
    const data = new FormData(form);
    const file = data.get('file');
    const token = String(data.get('token') ?? '').trim();
    if (!(file instanceof File) || !file.name)
      return setState({ status: 'failed', message: 'Choose a file to import.' });
    if (!token)
      return setState({
        status: 'failed',
        message: 'Enter your write token: imports change the graph.',
      });
    setState({ status: 'busy', dryRun });
    const format = String(data.get('format') ?? '');
    try {
      const response = await fetch('/api/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          fileName: file.name,
          content: await file.text(),
          dryRun,
          ...(format ? { format } : {}),
        }),
      });
      const answer = (await response.json().catch(() => ({}))) as ImportAnswer & {
        error?: { code: string; message: string };
      };
      if (answer.error)
        return setState({
          status: 'failed',
          message: `${response.status} ${answer.error.code}: ${answer.error.message}`,
        });
      setState({ status: 'done', answer, fileName: file.name });
    } catch {
      setState({ status: 'failed', message: 'The web app is not reachable.' });
    }
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void send(event.currentTarget, submitter?.value !== 'apply');
  };

  return (
    <>
      <form className="panel import-form" onSubmit={submit} aria-label="Import a file">
        <label>
          File
          <input type="file" name="file" accept=".json,.jsonl,.yaml,.yml,.csv" required />
        </label>
        <label>
          Format
          <select name="format" defaultValue="">
            {FORMATS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Write token
          <input type="password" name="token" autoComplete="off" spellCheck={false} />
        </label>
        <p className="muted">
          Your token goes with this request to the API and is kept nowhere; the web app never writes
          with a token of its own.
        </p>
        <div className="import-buttons">
          <button type="submit" value="preview" disabled={state.status === 'busy'}>
            Preview (dry run)
          </button>
          <button
            type="submit"
            value="apply"
            className="primary"
            disabled={state.status === 'busy'}
          >
            Import
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {state.status === 'busy' ? (
          <p className="muted">
            {state.dryRun ? 'Matching the file against the graph…' : 'Importing…'}
          </p>
        ) : null}
        {state.status === 'failed' ? (
          <p role="alert" className="error-text">
            {state.message}
          </p>
        ) : null}
        {state.status === 'done' ? (
          <ImportResult answer={state.answer} fileName={state.fileName} />
        ) : null}
      </div>
    </>
  );
}
