export { fixture, realData, realDataDir } from './real-data';
export { realSourceImports, type RealSourceImport } from './real-source-imports';
