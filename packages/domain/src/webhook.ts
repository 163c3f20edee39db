import { z } from 'zod';
import { text } from './entity-fields';
import { watchTag } from './watch';

/**
 * What a webhook is told of: a watched product newly exposed to an open defect (a defect filed,
 * a lineage relationship added, a mitigation ended: any write that opens the exposure), and a
 * triage of a watched product recorded or cleared.
 */
export const WEBHOOK_EVENTS = ['exposure.opened', 'triage.changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** How many webhooks one database holds: each is worked out after every write. */
export const MAX_WEBHOOKS = 100;

/** Why a webhook URL is refused, or undefined when it may be called. */
function urlProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return 'not a URL';
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol)) return 'only http(s) URLs are called';
  if (url.username || url.password)
    return 'no credentials in the URL: the payload is signed with the webhook secret instead';
  return undefined;
}

const webhookUrl = z
  .string()
  .max(2000, 'a URL of at most 2,000 characters')
  .superRefine((value, context) => {
    const problem = urlProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** A subscription (subscribeWebhook, `lineage webhook add`); its secret, who and when are added. */
export const webhookInputSchema = z.strictObject({
  url: webhookUrl,
  /** Only products watched by this owner; none: every owner. */
  owner: text(100).optional(),
  /** Only products watched with this tag; none: every tag. */
  tag: watchTag.optional(),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1, 'at least one event')
    .default(() => [...WEBHOOK_EVENTS])
    .transform((events) => [...new Set(events)]),
});

export type WebhookInputDraft = z.input<typeof webhookInputSchema>;
