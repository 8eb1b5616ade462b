import { Queues } from "@icp/domain";
import { z } from "zod";
import { JOB_STATES, type JobState, type JobView, type QueueOps } from "../../ports";
import { businessKey } from "../orders/search";

/**
 * Search BullMQ jobs by business key (order id / purchase order, SKU, customer, SAP document,
 * job id). BullMQ keeps no index over job data, and a second index written at enqueue would be
 * a second owner of every job definition's key set. So the search reads: for each queue and
 * state it pages through the newest jobs (BullMQ's own order: its lists and sorted sets) in
 * pages of SCAN_PAGE, at most SCAN_CAP per queue and state, and matches the term against the
 * job id and every string or number in the job's data (exactly, case-blind; order ids also as
 * a prefix). The answer says how many jobs it read of how many there are ("searched N of M"),
 * per queue and state, so a capped search is visible, never silently partial.
 */
export const SCAN_CAP = 1_000;
const SCAN_PAGE = 200;
const MAX_MATCHES = 200;

const QUEUE_NAMES = Object.values(Queues) as [string, ...string[]];

export const jobSearchInput = z.object({
  q: businessKey,
  /** One queue, or every queue. */
  queue: z.enum(QUEUE_NAMES).optional(),
  /** The states to read; every state by default. */
  states: z.array(z.enum(JOB_STATES)).min(1).max(JOB_STATES.length).optional(),
});
export type JobSearchInput = z.infer<typeof jobSearchInput>;

export interface JobMatch extends JobView {
  queue: string;
  /** Where the term was found: "id" or the data path, e.g. "order.lines.0.sku". */
  matchedAt: string;
}

export interface ScanCount {
  queue: string;
  state: JobState;
  searched: number;
  total: number;
}

/** The first data path whose value equals the term (case-blind), or null. */
export function matchPath(value: unknown, term: string, path = ""): string | null {
  if (typeof value === "string" || typeof value === "number") {
    return String(value).toLowerCase() === term ? path : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = matchPath(v, term, path ? `${path}.${i}` : String(i));
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const hit = matchPath(v, term, path ? `${path}.${k}` : k);
      if (hit !== null) return hit;
    }
  }
  return null;
}

/** Where a job matches the term: its id (exact or as a prefix: ids start with the order id) or its data. */
export function jobMatch(job: Pick<JobView, "id" | "data">, q: string): string | null {
  const term = q.toLowerCase();
  const id = job.id.toLowerCase();
  if (id === term || id.startsWith(`${term}-`)) return "id";
  return matchPath(job.data, term);
}

export async function searchJobs(queues: QueueOps, input: JobSearchInput) {
  const names = input.queue ? [input.queue] : QUEUE_NAMES;
  const states = input.states ?? [...JOB_STATES];
  const scans: ScanCount[] = [];
  const matches: JobMatch[] = [];
  await Promise.all(
    names.flatMap((queue) =>
      states.map(async (state) => {
        let searched = 0;
        let total = 0;
        while (searched < SCAN_CAP) {
          const page = await queues.jobs({
            queue,
            state,
            offset: searched,
            limit: Math.min(SCAN_PAGE, SCAN_CAP - searched),
          });
          total = page.total;
          for (const job of page.jobs) {
            const at = jobMatch(job, input.q);
            if (at !== null) matches.push({ ...job, queue, matchedAt: at });
          }
          searched += page.jobs.length;
          if (page.jobs.length === 0 || searched >= total) break;
        }
        scans.push({ queue, state, searched, total: Math.max(total, searched) });
      }),
    ),
  );
  matches.sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime());
  scans.sort(
    (a, b) => a.queue.localeCompare(b.queue) || JOB_STATES.indexOf(a.state) - JOB_STATES.indexOf(b.state),
  );
  const searched = scans.reduce((n, s) => n + s.searched, 0);
  const total = scans.reduce((n, s) => n + s.total, 0);
  return {
    rows: matches.slice(0, MAX_MATCHES),
    matches: matches.length,
    searched,
    total,
    complete: searched >= total,
    cap: SCAN_CAP,
    scans,
  };
}
