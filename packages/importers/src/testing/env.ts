import { z } from 'zod';

const realDataEnvSchema = z.object({
  /** Where the large third-party sources live (Ecosystem Graphs, HF tree, AVID, JailbreakBench). */
  LINEAGE_REAL_DATA: z.string().min(1).optional(),
});

export function readRealDataEnv() {
  const parsed = realDataEnvSchema.safeParse(process.env);
  if (!parsed.success) throw new Error('LINEAGE_REAL_DATA must be a directory path');
  return parsed.data;
}
