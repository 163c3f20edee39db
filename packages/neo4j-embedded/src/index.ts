export { startNeo4j, type EmbeddedNeo4j, type StartNeo4jOptions } from './start-neo4j';
export { ensureLauncherBuilt } from './launcher-build';
export { Neo4jStartError } from './errors';
export { importOffline } from './offline-import';
export type {
  OfflineImportFile,
  OfflineImportOptions,
  OfflineImportReport,
} from './offline-import';
export { childEnvironment } from './env';
