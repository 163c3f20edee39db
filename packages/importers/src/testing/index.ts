export { realData, realDataDir } from './real-data';
