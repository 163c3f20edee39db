export { NaiveCypher, type PathsResult } from './naive-cypher';
