import type { Db } from "@icp/db";

/** Below this the worker refuses the setting: an order's timeline is what operators trace by. */
export const ORDER_EVENT_RETENTION_FLOOR_DAYS = 30;

export interface OrderEventPurge {
  retentionDays: number;
  deleted: number;
  batches: number;
}

/**
 * The order timeline's retention (issue 18: 10M events a month), owned here with the rest of
 * `order_event`: deletes the entries older than `retentionDays` of orders nothing has happened
 * to for as long (`order_link.updated_at`), so a live order's timeline is never cut. Oldest
 * first through `order_event_at_idx`, `batchSize` rows a statement (each its own transaction),
 * at most `maxBatches` a run; the rest waits for the next run. The cutoff is the database's
 * clock. 0 days = keep for ever (does nothing).
 */
export async function purgeOrderEvents(
  db: Db,
  opts: { retentionDays: number; batchSize?: number; maxBatches?: number },
): Promise<OrderEventPurge> {
  const result: OrderEventPurge = { retentionDays: opts.retentionDays, deleted: 0, batches: 0 };
  if (opts.retentionDays <= 0) return result;
  if (opts.retentionDays < ORDER_EVENT_RETENTION_FLOOR_DAYS)
    throw new RangeError(
      `order event retention must be 0 or at least ${ORDER_EVENT_RETENTION_FLOOR_DAYS} days, got ${opts.retentionDays}`,
    );
  const batchSize = opts.batchSize ?? 10_000;
  const maxBatches = opts.maxBatches ?? 200;
  for (let i = 0; i < maxBatches; i++) {
    const deleted = await db.$executeRaw`
      delete from order_event where id in (
        select e.id from order_event e join order_link o on o.id = e.order_link_id
         where e.at < now() - make_interval(days => ${opts.retentionDays}::int)
           and o.updated_at < now() - make_interval(days => ${opts.retentionDays}::int)
         order by e.at
         limit ${batchSize}::int)`;
    if (deleted === 0) break;
    result.deleted += deleted;
    result.batches++;
    if (deleted < batchSize) break;
  }
  return result;
}
