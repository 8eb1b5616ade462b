import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The time to drain reads a queue's throughput from BullMQ's finished-jobs counter, which only a
 * worker built with `metrics: WORKER_METRICS` keeps. A worker without it leaves its queue's
 * throughput at 0, and any backlog would read as stalled: this scan keeps every one in line.
 */
const SRC = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !/\.(test|int\.test|fixture)\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Each `new Worker(…)` call's text (to its closing parenthesis) lacking WORKER_METRICS. */
export function workersWithoutMetrics(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/new Worker\b(?:<[^>]*>)?\(/g)) {
    let depth = 0;
    let end = m.index;
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      if (text[i] === "(") depth++;
      else if (text[i] === ")" && --depth === 0) {
        end = i;
        break;
      }
    }
    const call = text.slice(m.index, end + 1);
    if (!/\bmetrics:\s*WORKER_METRICS\b/.test(call)) out.push(call.split("\n")[0] ?? call);
  }
  return out;
}

describe("BullMQ workers count their finished jobs", () => {
  it("every worker the worker app builds passes metrics: WORKER_METRICS", () => {
    const missing = sources(SRC).flatMap((f) =>
      workersWithoutMetrics(readFileSync(f, "utf8")).map((c) => `${relative(SRC, f)}: ${c}`),
    );
    expect(missing).toEqual([]);
  });

  it("the scan catches a worker built without it, whatever its shape", () => {
    const probe = `
      const a = new Worker(Queues.orders, async (job) => run(job), { connection, concurrency: 2 });
      const b = new Worker<Data>(Queues.replay, fn, { connection, metrics: WORKER_METRICS });
      const c = new Worker(
        Queues.webhooks,
        processorFor(def, (job) => deliver(job)),
        { connection: ctx.connection, concurrency: 8 },
      );`;
    expect(workersWithoutMetrics(probe)).toEqual([
      "new Worker(Queues.orders, async (job) => run(job), { connection, concurrency: 2 })",
      "new Worker(",
    ]);
  });
});
