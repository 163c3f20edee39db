import { z } from 'zod';
import { text } from './entity-fields';
import { MAX_ID_LENGTH } from './ids';

/** A tag groups watched products for alerts and the dashboard: a short word, no spaces. */
export const watchTag = z
  .string()
  .regex(/^[\w.:-]{1,50}$/, 'a tag is 1 to 50 letters, digits or . : - _ (no spaces)');

/** How many tags one watch may carry. */
export const MAX_WATCH_TAGS = 20;

/** A deployment marked as one of ours (setWatch, `lineage watch`); who and when are added. */
export const watchInputSchema = z.strictObject({
  deploymentId: z.string().min(1).max(MAX_ID_LENGTH),
  /** The team answerable for the product. */
  owner: text(100),
  /** Whom to tell: an address, a channel, a person. */
  contact: text(300).optional(),
  tags: z
    .array(watchTag)
    .max(MAX_WATCH_TAGS)
    .default(() => []),
});

export type WatchInputDraft = z.input<typeof watchInputSchema>;
