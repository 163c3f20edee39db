import { randomBytes } from 'node:crypto';
import type { CliEnv } from './env';

/** The name the web app's read token has at the API: what its reads show in the API's log. */
export const WEB_TOKEN_NAME = 'web';

/** A read token for the web app, new at every start: nobody has to set or keep one. */
export function newWebToken(): string {
  return randomBytes(32).toString('hex');
}

/** Secrets the web app never needs: it reads through the API with its own token only. */
const KEPT_FROM_WEB = ['LINEAGE_WRITE_TOKENS', 'LINEAGE_READ_TOKENS', 'NEO4J_PASSWORD'];

export interface StartEnvironments {
  api: NodeJS.ProcessEnv;
  web: NodeJS.ProcessEnv;
}

/**
 * What the API and the web app children of `lineage start` run with. When reads need a token
 * (LINEAGE_READ_TOKENS), the API also accepts `web:<webToken>` and the web app gets that token
 * as LINEAGE_API_TOKEN; otherwise the web app gets none (the API would refuse an unknown one).
 */
export function startEnvironments(
  config: Pick<
    CliEnv,
    | 'NEO4J_DATABASE'
    | 'NEO4J_USER'
    | 'NEO4J_PASSWORD'
    | 'LINEAGE_API_PORT'
    | 'LINEAGE_READ_TOKENS'
    | 'LOG_LEVEL'
  >,
  inherited: NodeJS.ProcessEnv,
  options: { neo4jUri: string; webToken: string },
): StartEnvironments {
  const readTokens = config.LINEAGE_READ_TOKENS?.trim();
  const api: NodeJS.ProcessEnv = {
    ...inherited,
    NEO4J_URI: options.neo4jUri,
    NEO4J_DATABASE: config.NEO4J_DATABASE,
    PORT: String(config.LINEAGE_API_PORT),
    LOG_LEVEL: config.LOG_LEVEL,
  };
  if (config.NEO4J_USER) api.NEO4J_USER = config.NEO4J_USER;
  if (config.NEO4J_PASSWORD !== undefined) api.NEO4J_PASSWORD = config.NEO4J_PASSWORD;
  if (readTokens) api.LINEAGE_READ_TOKENS = `${readTokens},${WEB_TOKEN_NAME}:${options.webToken}`;

  const publicApi = `http://localhost:${config.LINEAGE_API_PORT}/graphql`;
  const web: NodeJS.ProcessEnv = { ...inherited };
  for (const name of [...KEPT_FROM_WEB, 'LINEAGE_API_TOKEN']) delete web[name];
  Object.assign(web, {
    LINEAGE_API_URL: `http://127.0.0.1:${config.LINEAGE_API_PORT}/graphql`,
    LINEAGE_PUBLIC_API_URL: publicApi,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  if (readTokens) web.LINEAGE_API_TOKEN = options.webToken;
  return { api, web };
}
