export { seedDatabase, type SeedResult } from '@lineage/core';
export { describeWrite } from './commands/seed';
export { startService, type RunningService } from './services';
