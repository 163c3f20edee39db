export { childEnvironment } from '@lineage/neo4j-embedded';
