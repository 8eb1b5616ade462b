/**
 * Time to drain (issue 19): how long a backlog takes to clear at the throughput measured over
 * a recent window. Pure, so the sampler (its one writer) and the tests share it.
 *
 * - a queue's backlog is the jobs ready or running (waiting, paused, active); delayed jobs wait
 *   for their time (a retry's backoff, a schedule) and are left out. Its position is BullMQ's
 *   count of jobs that left the queue for good (completed + failed, `queue.getMetrics`), which
 *   only rises, so throughput is its rise over the window;
 * - a consumer group's backlog on a topic is its lag; its position is the offsets it consumed
 *   (end − lag, summed over partitions).
 */
export interface Position {
  at: Date;
  /** A counter that only rises while work is done: jobs finished, offsets consumed. */
  value: number;
}

export interface Drain {
  backlog: number;
  /** Work done per second over the window; null when it cannot be measured yet. */
  perSecond: number | null;
  /** Seconds until the backlog is gone at that rate: 0 when empty, null when unknown or stalled. */
  seconds: number | null;
  /** A backlog waits and nothing moved over the window: the time to drain is infinite. */
  stalled: boolean;
}

/**
 * The time to drain `backlog` given the position at the start of the window (`from`, the
 * oldest sample in it) and now. Without an earlier position, or when the counter went back (a
 * queue obliterated, a group's offsets reset), the throughput is unknown: 0 s if nothing
 * waits, otherwise unknown — never a guess and never a division by zero.
 *
 * Nothing moved over the window: stalled (infinite) when some of the backlog has not started
 * (`notStarted`: a queue's waiting jobs, all of a group's lag); when all of it is running (a
 * resync or a drift check that takes minutes) it is work in progress, and its time unknown.
 */
export function timeToDrain(
  backlog: number,
  from: Position | undefined,
  now: Position,
  notStarted = backlog,
): Drain {
  const waiting = Math.max(0, backlog);
  const dt = from ? (now.at.getTime() - from.at.getTime()) / 1000 : 0;
  const moved = from ? now.value - from.value : Number.NaN;
  const perSecond = dt > 0 && moved >= 0 ? moved / dt : null;
  if (waiting === 0) return { backlog: 0, perSecond, seconds: 0, stalled: false };
  if (perSecond === null) return { backlog: waiting, perSecond, seconds: null, stalled: false };
  if (perSecond === 0) return { backlog: waiting, perSecond, seconds: null, stalled: notStarted > 0 };
  return { backlog: waiting, perSecond, seconds: waiting / perSecond, stalled: false };
}

/** A queue's backlog for the time to drain: jobs ready or running, not the delayed ones. */
export function queueBacklog(c: { waiting: number; paused: number; active: number }): number {
  return c.waiting + c.paused + c.active;
}

/** Of a queue's backlog, the jobs not started yet (what a stall leaves waiting). */
export function queueNotStarted(c: { waiting: number; paused: number }): number {
  return c.waiting + c.paused;
}

/** The series name of a consumer group on a topic, as the lag chart names it. */
export function groupSeries(group: string, topic: string): string {
  return `${group} / ${topic}`;
}

/** The value of the exported gauge: seconds, +Inf when stalled, undefined when unknown. */
export function gaugeValue(d: Drain): number | undefined {
  if (d.stalled) return Number.POSITIVE_INFINITY;
  return d.seconds ?? undefined;
}
