import type { Db } from "@icp/db";

/**
 * The charts' history, aggregated in PostgreSQL over the whole window: one point per
 * (series, bucket), ~300 buckets whatever the window, so 24 h of samples at the real rate
 * (10 s) come back as ~300 points per series, newest included, instead of the first N raw rows.
 */
export const CHART_POINTS = 300;

const EPOCH = new Date(0);

export function bucketSeconds(minutes: number, sampleSeconds = 10): number {
  return Math.max(sampleSeconds, Math.ceil((minutes * 60) / CHART_POINTS));
}

/**
 * Consumer lag per (group, topic): partitions summed per sweep (one sweep's rows share `at`),
 * then the highest sweep of each bucket, so a short spike is not averaged away.
 */
export async function lagHistory(db: Db, minutes: number) {
  const since = new Date(Date.now() - minutes * 60_000);
  const step = `${bucketSeconds(minutes)} seconds`;
  const rows = await db.$queryRaw<{ t: Date; name: string; v: number }[]>`
    with sweeps as (
      select at, consumer_group, topic, sum(lag) as lag
        from lag_sample where at >= ${since}
       group by at, consumer_group, topic
    )
    select date_bin(${step}::interval, at, ${EPOCH}) as t, consumer_group || ' / ' || topic as name,
           max(lag)::float8 as v
      from sweeps
     group by 1, consumer_group, topic
     order by 2, 1`;
  const series = new Map<string, { t: Date; v: number }[]>();
  for (const r of rows) {
    const points = series.get(r.name) ?? [];
    points.push({ t: r.t, v: r.v });
    series.set(r.name, points);
  }
  return [...series.entries()].map(([name, points]) => ({ name, points }));
}

/** BullMQ counts per queue and bucket (each count's highest sample in the bucket), oldest first. */
export async function queueHistory(db: Db, minutes: number) {
  const since = new Date(Date.now() - minutes * 60_000);
  const step = `${bucketSeconds(minutes)} seconds`;
  return db.$queryRaw<
    {
      at: Date;
      queue: string;
      waiting: number;
      active: number;
      delayed: number;
      failed: number;
      completed: number;
    }[]
  >`
    select date_bin(${step}::interval, at, ${EPOCH}) as at, queue,
           max(waiting)::int as waiting, max(active)::int as active, max(delayed)::int as delayed,
           max(failed)::int as failed, max(completed)::int as completed
      from queue_sample where at >= ${since}
     group by 1, 2
     order by 1, 2`;
}
