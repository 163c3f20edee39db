import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphQL } from '@lineage/testkit';
import { LoadClient, type AcknowledgedWrite, type LoadTargets } from './load-operations';
import { readBack } from './read-back';

const FAILURE_PAUSE_MS = 250;

export interface LoadOptions {
  /** The API's GraphQL endpoint. */
  url: string;
  clients: number;
  /** How long the clients keep sending; `stop` may end the run earlier. */
  durationMs: number;
  stop?: AbortSignal;
  /** A write token: the clients read and write with it. */
  token: string;
  targets: LoadTargets;
  /** Share of requests that are writes (default 0.3). */
  writeShare?: number;
  /** A client gives up on a request after this long (default 30 s): a hang counts as a failure. */
  requestTimeoutMs?: number;
}

/** One request as it happened, for the fault test's timeline. */
export interface Sample {
  operation: string;
  write: boolean;
  startedAt: number;
  endedAt: number;
  status: number;
  code?: string | undefined;
  message?: string | undefined;
}

export interface LoadReport {
  /** The run's id prefix: every id the load wrote contains it. */
  runId: string;
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  /** Requests that did not fully succeed: no answer, an HTTP error, or errors beside data. */
  failures: Sample[];
  /** Answers that were neither success nor a documented error (no code, not JSON, no answer). */
  unexplained: Sample[];
  /** Writes refused with userErrors (the load only makes valid writes, so none are expected). */
  userErrors: string[];
  /** Write requests the API acknowledged (HTTP 200, no errors, no userErrors). */
  acknowledgedWrites: number;
  /** What those writes stored (nodes, relationships) that the read-back did not find. */
  lostWrites: string[];
  samples: Sample[];
}

/**
 * `clients` concurrent clients of mixed reads and writes against the API for `durationMs`, then
 * a read-back of every acknowledged write through the same API.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const runId = `rel-${randomBytes(4).toString('hex')}`;
  const deadline = Date.now() + options.durationMs;
  const samples: Sample[] = [];
  const userErrors: string[] = [];
  const acknowledged: AcknowledgedWrite[] = [];
  let acknowledgedWrites = 0;
  const running = () => Date.now() < deadline && !options.stop?.aborted;

  const runClient = async (index: number) => {
    const client = new LoadClient(`${runId}-c${index}`, options.targets, options.writeShare ?? 0.3);
    while (running()) {
      const operation = client.next();
      const startedAt = Date.now();
      const answer = await postGraphQL(
        options.url,
        { query: operation.query, variables: operation.variables },
        { token: options.token, timeoutMs: options.requestTimeoutMs },
      );
      samples.push({
        operation: operation.name,
        write: operation.write,
        startedAt,
        endedAt: Date.now(),
        status: answer.status,
        code: answer.code,
        message: answer.message,
      });
      // As a well-behaved client does: a pause after a failure, not a tight loop of retries.
      if (answer.status !== 200) await sleep(FAILURE_PAUSE_MS);
      if (!operation.write || answer.status !== 200 || answer.errors?.length) continue;
      const payload = answer.data?.[operation.name];
      if (payload?.userErrors?.length) {
        userErrors.push(`${operation.name}: ${JSON.stringify(payload.userErrors)}`);
        continue;
      }
      acknowledgedWrites++;
      acknowledged.push(...operation.acknowledges);
      client.acknowledged(operation);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => runClient(i)));

  const byStatus: Record<string, number> = {};
  for (const sample of samples) byStatus[sample.status] = (byStatus[sample.status] ?? 0) + 1;
  return {
    runId,
    requests: samples.length,
    byStatus,
    serverErrors: samples.filter((s) => s.status >= 500).length,
    failures: samples.filter(failed),
    unexplained: samples.filter((s) => failed(s) && !isDocumentedError(s)),
    userErrors,
    acknowledgedWrites,
    lostWrites: await readBack(options.url, options.token, acknowledged),
    samples,
  };
}

/** A request that did not fully succeed: no answer, an HTTP error, or errors beside data. */
export function failed(sample: Sample): boolean {
  return sample.status !== 200 || sample.code !== undefined;
}

/** An error answer a client can act on: JSON with a non-empty message and an extensions.code. */
function isDocumentedError(sample: Sample): boolean {
  return (
    sample.status > 0 && sample.code !== undefined && sample.code !== 'NOT_JSON' && !!sample.message
  );
}
