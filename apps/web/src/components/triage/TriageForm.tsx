'use client';

import '../../lib/zod-without-eval';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { TRIAGE_JUSTIFICATIONS, TRIAGE_STATES } from '@lineage/domain';
import { enumWords } from '../../lib/enum-words';

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string };

interface Answer {
  triage?: { state: string; justification: string | null; by: string } | null;
  userErrors?: { message: string }[];
  error?: { code: string; message: string };
}

/**
 * Records a person's analysis of the defect at one deployment it reaches, through the web app's
 * /api/triage with the user's own write token (kept nowhere: it lives in this form until the
 * page closes). The page then reloads its impact, where a NOT_AFFECTED deployment stops it.
 */
export function TriageForm({
  defectId,
  deployments,
}: {
  defectId: string;
  /** The deployments the defect reaches, exposed or stopped, with their triage state. */
  deployments: { id: string; name: string; triage?: string }[];
}) {
  const router = useRouter();
  const [state, setState] = useState<State>({ status: 'idle' });
  const [chosen, setChosen] = useState<string>('IN_TRIAGE');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const token = String(data.get('token') ?? '').trim();
    if (!token)
      return setState({ status: 'failed', message: 'Enter your write token: triage is audited.' });
    const nodeId = String(data.get('nodeId') ?? '');
    const justification = String(data.get('justification') ?? '');
    const note = String(data.get('note') ?? '').trim();
    setState({ status: 'busy' });
    try {
      const response = await fetch('/api/triage', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          defectId,
          nodeId,
          state: chosen,
          ...(chosen === 'NOT_AFFECTED' && justification ? { justification } : {}),
          ...(note ? { note } : {}),
        }),
      });
      const answer = (await response.json().catch(() => ({}))) as Answer;
      if (answer.error)
        return setState({
          status: 'failed',
          message: `${response.status} ${answer.error.code}: ${answer.error.message}`,
        });
      if (answer.userErrors?.length)
        return setState({
          status: 'failed',
          message: answer.userErrors.map((e) => e.message).join('; '),
        });
      const name = deployments.find((d) => d.id === nodeId)?.name ?? nodeId;
      setState({
        status: 'done',
        message: `Recorded: ${name} is ${enumWords(answer.triage?.state ?? chosen)}.`,
      });
      router.refresh();
    } catch {
      setState({ status: 'failed', message: 'The web app is not reachable.' });
    }
  }

  if (!deployments.length) return null;
  return (
    // Folded by default: the impact stays first on the page, the form one click away.
    <details className="panel triage-panel">
      <summary>
        <h2>Triage a deployment</h2>
      </summary>
      <p className="muted small">
        Record whether the defect really affects a product. Not affected and false positive stop the
        defect there, as a mitigation does; every analysis is audited with your token&apos;s name.
      </p>
      <form
        className="triage-form"
        onSubmit={(event) => void submit(event)}
        aria-label="Triage a deployment"
      >
        <label>
          Deployment
          <select name="nodeId" required>
            {deployments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.triage ? enumWords(d.triage) : 'untriaged'})
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select name="state" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {TRIAGE_STATES.map((s) => (
              <option key={s} value={s}>
                {enumWords(s)}
              </option>
            ))}
          </select>
        </label>
        {chosen === 'NOT_AFFECTED' ? (
          <label>
            Justification
            <select name="justification" required defaultValue="">
              <option value="" disabled>
                choose why
              </option>
              {TRIAGE_JUSTIFICATIONS.map((j) => (
                <option key={j} value={j}>
                  {enumWords(j)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Note
          <textarea name="note" maxLength={4000} rows={2} />
        </label>
        <label>
          Write token
          <input type="password" name="token" autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="primary" disabled={state.status === 'busy'}>
          Record triage
        </button>
      </form>
      <div aria-live="polite">
        {state.status === 'busy' ? <p className="muted">Recording…</p> : null}
        {state.status === 'failed' ? (
          <p role="alert" className="error-text">
            {state.message}
          </p>
        ) : null}
        {state.status === 'done' ? <p role="status">{state.message}</p> : null}
      </div>
    </details>
  );
}
