import type { Db } from "@icp/db";
import type { DrainFigure } from "@icp/domain/drain";
import { bucketSeconds, fromRollups } from "./history";

/**
 * Time to drain as the worker's sampler wrote it (drain_sample every sweep, drain_minute per
 * minute: apps/worker/src/monitoring/drain.ts): the latest figure per queue and consumer
 * group/topic for the table and the alert, and the history for the chart.
 */
const EPOCH = new Date(0);

export interface DrainRow extends DrainFigure {
  /** Work done per second over the sampler's window; null until measured. */
  perSecond: number | null;
  at: Date;
}

/** The latest figure per queue and group/topic, from sweeps within `maxAgeMs`. */
export async function latestDrains(db: Db, maxAgeMs = 60_000): Promise<DrainRow[]> {
  const since = new Date(Date.now() - maxAgeMs);
  return db.$queryRaw<DrainRow[]>`
    select distinct on (kind, name) kind::text as kind, name, backlog::float8 as backlog,
           per_second as "perSecond", seconds, stalled, at
      from drain_sample where at >= ${since}
     order by kind, name, at desc`;
}

export interface DrainPoint {
  t: Date;
  /** The bucket's highest known time to drain (s); null when none was known. */
  v: number | null;
  /** Some sweep in the bucket found the backlog stalled. */
  stalled: boolean;
}

/** Time to drain per queue and group/topic over the window, ~300 buckets, newest included. */
export async function drainHistory(db: Db, minutes: number) {
  const since = new Date(Date.now() - minutes * 60_000);
  const step = `${bucketSeconds(minutes)} seconds`;
  const rows = fromRollups(minutes)
    ? await db.$queryRaw<{ t: Date; kind: string; name: string; v: number | null; stalled: boolean }[]>`
        select date_bin(${step}::interval, at, ${EPOCH}) as t, kind::text as kind, name,
               max(seconds) as v, bool_or(stalled) as stalled
          from drain_minute where at >= date_bin('1 minute', ${since}::timestamptz, ${EPOCH})
         group by 1, kind, name
         order by kind, name, 1`
    : await db.$queryRaw<{ t: Date; kind: string; name: string; v: number | null; stalled: boolean }[]>`
        select date_bin(${step}::interval, at, ${EPOCH}) as t, kind::text as kind, name,
               max(seconds) as v, bool_or(stalled) as stalled
          from drain_sample where at >= ${since}
         group by 1, kind, name
         order by kind, name, 1`;
  const series = new Map<string, { kind: string; name: string; points: DrainPoint[] }>();
  for (const r of rows) {
    const key = `${r.kind}:${r.name}`;
    const s = series.get(key) ?? { kind: r.kind, name: r.name, points: [] };
    s.points.push({ t: r.t, v: r.v, stalled: r.stalled });
    series.set(key, s);
  }
  return [...series.values()];
}
