export { fixture, realData, realDataDir } from './real-data';
