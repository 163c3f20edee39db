export { connectTestStore, testNamespace, testNeo4j, type TestNeo4j } from './test-neo4j';
export { batch, link, node } from './builders';
export { freePort } from './free-port';
export { startOwnStore, type OwnStore } from './own-store';
export { loadFamily } from './load-family';
export { readTestEnv } from './env';
