import type { StoredDelivery, StoredWebhook } from '@lineage/core';
import type { WebhookEvent as DomainEvent } from '@lineage/domain';
import type { Context } from '../../context';
import { orUndefined } from '../common/absent';
import type {
  MutationSubscribeWebhookArgs,
  MutationUnsubscribeWebhookArgs,
  QueryWebhookDeliveriesArgs,
  WebhookEvent,
} from '../../generated/graphql';
import { pageSize } from '../../pagination';
import { mutate, requireWriter } from '../mutations/mutate';

// The SDL names events in upper case, the payloads and headers in their wire form.
const toWire = (event: WebhookEvent) => event.toLowerCase().replace('_', '.') as DomainEvent;
const fromWire = (event: string) => event.toUpperCase().replace('.', '_') as WebhookEvent;

export const alertResolvers = {
  Query: {
    webhooks: (_: unknown, __: unknown, ctx: Context) => {
      requireWriter(ctx);
      return ctx.services.alerts.list();
    },
    webhookDeliveries: (_: unknown, args: QueryWebhookDeliveriesArgs, ctx: Context) => {
      requireWriter(ctx);
      return ctx.services.alerts.deliveries({
        webhookId: orUndefined(args.webhookId),
        limit: pageSize(args.first),
      });
    },
  },
  Mutation: {
    subscribeWebhook: (_: unknown, args: MutationSubscribeWebhookArgs, ctx: Context) =>
      mutate(ctx, 'subscribeWebhook', (change) =>
        ctx.services.alerts.subscribe(
          {
            url: args.input.url,
            owner: orUndefined(args.input.owner),
            tag: orUndefined(args.input.tag),
            events: args.input.events?.map(toWire),
          },
          change,
        ),
      ),
    unsubscribeWebhook: async (_: unknown, args: MutationUnsubscribeWebhookArgs, ctx: Context) => ({
      removed: false,
      ...(await mutate(ctx, 'unsubscribeWebhook', async (change) => {
        const { graphVersion } = await ctx.services.alerts.unsubscribe(args.id, change);
        return { removed: true, graphVersion };
      })),
    }),
  },
  Webhook: {
    events: (webhook: StoredWebhook) => webhook.events.map(fromWire),
  },
  WebhookDelivery: {
    event: (delivery: StoredDelivery) => fromWire(delivery.event),
  },
};
