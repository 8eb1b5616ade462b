import type { Db } from "@icp/db";
import { z } from "zod";

/**
 * The charts' history, aggregated in PostgreSQL over the whole window: one point per
 * (series, bucket), ~300 buckets whatever the window, so 24 h of samples at the real rate
 * come back as ~300 points per series, newest included, instead of the first N raw rows.
 *
 * Short windows (buckets under a minute: up to 5 h) read the raw samples; longer ones read the
 * per-minute rollups the worker's sampler writes with every sweep (lag_minute, queue_minute:
 * apps/worker/src/monitoring/rollup.ts), with buckets a whole number of minutes, so a 24 h or
 * 7 d chart reads 1,440 / 10,080 rows per series whatever the sampling rate (issue 18).
 */
export const CHART_POINTS = 300;

/** The window every history query takes: 5 minutes to 7 days, 1 h unless asked. */
export const historyWindow = z.object({
  minutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
});

const EPOCH = new Date(0);

export function bucketSeconds(minutes: number, sampleSeconds = 10): number {
  const raw = Math.max(sampleSeconds, Math.ceil((minutes * 60) / CHART_POINTS));
  return raw < 60 ? raw : Math.ceil(raw / 60) * 60;
}

/** Whether a window's buckets are whole minutes, so it is served from the minute rollups. */
export function fromRollups(minutes: number): boolean {
  return bucketSeconds(minutes) >= 60;
}

function points(rows: { t: Date; name: string; v: number }[]) {
  const series = new Map<string, { t: Date; v: number }[]>();
  for (const r of rows) {
    const list = series.get(r.name) ?? [];
    list.push({ t: r.t, v: r.v });
    series.set(r.name, list);
  }
  return [...series.entries()].map(([name, pts]) => ({ name, points: pts }));
}

/**
 * Consumer lag per (group, topic): partitions summed per sweep (one sweep's rows share `at`),
 * then the highest sweep of each bucket, so a short spike is not averaged away.
 */
export async function lagHistory(db: Db, minutes: number) {
  const since = new Date(Date.now() - minutes * 60_000);
  const step = `${bucketSeconds(minutes)} seconds`;
  if (fromRollups(minutes)) {
    return points(
      await db.$queryRaw<{ t: Date; name: string; v: number }[]>`
        select date_bin(${step}::interval, at, ${EPOCH}) as t, consumer_group || ' / ' || topic as name,
               max(lag)::float8 as v
          from lag_minute where at >= date_bin('1 minute', ${since}::timestamptz, ${EPOCH})
         group by 1, consumer_group, topic
         order by 2, 1`,
    );
  }
  return points(
    await db.$queryRaw<{ t: Date; name: string; v: number }[]>`
      with sweeps as (
        select at, consumer_group, topic, sum(lag) as lag
          from lag_sample where at >= ${since}
         group by at, consumer_group, topic
      )
      select date_bin(${step}::interval, at, ${EPOCH}) as t, consumer_group || ' / ' || topic as name,
             max(lag)::float8 as v
        from sweeps
       group by 1, consumer_group, topic
       order by 2, 1`,
  );
}

type QueuePoint = {
  at: Date;
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
};

/** BullMQ counts per queue and bucket (each count's highest sample in the bucket), oldest first. */
export async function queueHistory(db: Db, minutes: number) {
  const since = new Date(Date.now() - minutes * 60_000);
  const step = `${bucketSeconds(minutes)} seconds`;
  if (fromRollups(minutes)) {
    return db.$queryRaw<QueuePoint[]>`
      select date_bin(${step}::interval, at, ${EPOCH}) as at, queue,
             max(waiting)::int as waiting, max(active)::int as active, max(delayed)::int as delayed,
             max(failed)::int as failed, max(completed)::int as completed
        from queue_minute where at >= date_bin('1 minute', ${since}::timestamptz, ${EPOCH})
       group by 1, 2
       order by 1, 2`;
  }
  return db.$queryRaw<QueuePoint[]>`
    select date_bin(${step}::interval, at, ${EPOCH}) as at, queue,
           max(waiting)::int as waiting, max(active)::int as active, max(delayed)::int as delayed,
           max(failed)::int as failed, max(completed)::int as completed
      from queue_sample where at >= ${since}
     group by 1, 2
     order by 1, 2`;
}
