import type { Db } from "@icp/db";

/**
 * The samples' owner (the worker's sampler) keeps three things in step (issue 18):
 * - `lag_sample` / `queue_sample` / `drain_sample`: every sweep, raw, for the short windows;
 *   kept 2 days;
 * - `lag_minute` / `queue_minute` / `drain_minute`: the per-minute rollups the long windows read
 *   (highest sweep of the minute, partitions summed per sweep; a minute with a stalled sweep is
 *   stalled), written with every sweep; kept 90 days;
 * - the purge of both, oldest first in bounded batches so a backlog (a worker that was down, a
 *   seeded month) never holds one long lock or one huge transaction.
 */
export const RAW_SAMPLE_RETENTION_MS = 2 * 24 * 3600_000;
export const MINUTE_ROLLUP_RETENTION_MS = 90 * 24 * 3600_000;

const EPOCH = new Date(0);

/**
 * Rolls the samples taken in [from, to) into the minute tables. The greatest value wins on a
 * conflict, so running it again, over overlapping ranges or from several workers is harmless.
 */
export async function rollUpSamples(db: Db, from: Date, to: Date): Promise<void> {
  await db.$executeRaw`
    insert into lag_minute (at, consumer_group, topic, lag)
    select date_bin('1 minute', at, ${EPOCH}), consumer_group, topic, max(lag)
      from (select at, consumer_group, topic, sum(lag) as lag
              from lag_sample where at >= ${from} and at < ${to}
             group by 1, 2, 3) as sweeps
     group by 1, 2, 3
    on conflict (consumer_group, topic, at) do update set lag = greatest(lag_minute.lag, excluded.lag)`;
  await db.$executeRaw`
    insert into queue_minute (at, queue, waiting, active, delayed, failed, completed)
    select date_bin('1 minute', at, ${EPOCH}), queue, max(waiting), max(active), max(delayed),
           max(failed), max(completed)
      from queue_sample where at >= ${from} and at < ${to}
     group by 1, 2
    on conflict (queue, at) do update set
      waiting = greatest(queue_minute.waiting, excluded.waiting),
      active = greatest(queue_minute.active, excluded.active),
      delayed = greatest(queue_minute.delayed, excluded.delayed),
      failed = greatest(queue_minute.failed, excluded.failed),
      completed = greatest(queue_minute.completed, excluded.completed)`;
  // greatest() skips nulls: a minute's time to drain is its highest known one
  await db.$executeRaw`
    insert into drain_minute (at, kind, name, backlog, per_second, seconds, stalled)
    select date_bin('1 minute', at, ${EPOCH}), kind, name, max(backlog), min(per_second),
           max(seconds), bool_or(stalled)
      from drain_sample where at >= ${from} and at < ${to}
     group by 1, 2, 3
    on conflict (kind, name, at) do update set
      backlog = greatest(drain_minute.backlog, excluded.backlog),
      per_second = least(drain_minute.per_second, excluded.per_second),
      seconds = greatest(drain_minute.seconds, excluded.seconds),
      stalled = drain_minute.stalled or excluded.stalled`;
}

export interface SamplePurge {
  lagSamples: number;
  queueSamples: number;
  lagMinutes: number;
  queueMinutes: number;
  drainSamples: number;
  drainMinutes: number;
}

/**
 * Deletes raw samples older than `rawMs` and minute rollups older than `minuteMs` (from `now`),
 * `batch` rows per statement through the `at` indexes, at most `maxBatches` statements per
 * table per call: the rest goes at the next call (the sampler calls it once a minute).
 */
export async function purgeSamples(
  db: Db,
  opts: { now?: Date; rawMs?: number; minuteMs?: number; batch?: number; maxBatches?: number } = {},
): Promise<SamplePurge> {
  const now = (opts.now ?? new Date()).getTime();
  const raw = new Date(now - (opts.rawMs ?? RAW_SAMPLE_RETENTION_MS));
  const minute = new Date(now - (opts.minuteMs ?? MINUTE_ROLLUP_RETENTION_MS));
  // A call runs inside a sweep (the next sweep waits for it): ~1 s at most. 20,000 rows a table a
  // minute is ~70 times what 5 s sweeps add, so a backlog drains (a seeded month's 8.7M lag rows
  // in ~7 h) without stalling sampling; 1M rows in one call took 55 s on the seed (issue 18).
  const batch = opts.batch ?? 5_000;
  const maxBatches = opts.maxBatches ?? 4;
  const drain = async (one: () => Promise<number>) => {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await one();
      total += n;
      if (n < batch) break;
    }
    return total;
  };
  return {
    lagSamples: await drain(
      () => db.$executeRaw`
        delete from lag_sample where id in
          (select id from lag_sample where at < ${raw} order by at limit ${batch})`,
    ),
    queueSamples: await drain(
      () => db.$executeRaw`
        delete from queue_sample where id in
          (select id from queue_sample where at < ${raw} order by at limit ${batch})`,
    ),
    lagMinutes: await drain(
      () => db.$executeRaw`
        delete from lag_minute where (consumer_group, topic, at) in
          (select consumer_group, topic, at from lag_minute where at < ${minute} order by at limit ${batch})`,
    ),
    queueMinutes: await drain(
      () => db.$executeRaw`
        delete from queue_minute where (queue, at) in
          (select queue, at from queue_minute where at < ${minute} order by at limit ${batch})`,
    ),
    drainSamples: await drain(
      () => db.$executeRaw`
        delete from drain_sample where id in
          (select id from drain_sample where at < ${raw} order by at limit ${batch})`,
    ),
    drainMinutes: await drain(
      () => db.$executeRaw`
        delete from drain_minute where (kind, name, at) in
          (select kind, name, at from drain_minute where at < ${minute} order by at limit ${batch})`,
    ),
  };
}
