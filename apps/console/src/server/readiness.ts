import "server-only";
import { loadConsoleEnv } from "@icp/config";

export interface Check {
  name: string;
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** Each dependency answers a real protocol exchange, not just an open port. */
async function timed(name: string, fn: () => Promise<void>, timeoutMs = 2500): Promise<Check> {
  const start = performance.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, rej) =>
        setTimeout(() => rej(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs),
      ),
    ]);
    return { name, ok: true, latencyMs: Math.round(performance.now() - start) };
  } catch (e) {
    return { name, ok: false, latencyMs: Math.round(performance.now() - start), error: (e as Error).message };
  }
}

/**
 * Readiness: only what this pod needs to serve its requests — its configuration (parsed at
 * start-up) and PostgreSQL, which every screen and the storefront API's clients, tokens and
 * signing keys live in (sessions are JWTs). Not SAP: the console never calls it on a request
 * path (the worker does; the storefront API takes orders into Kafka); its reachability is on the
 * Overview page (`sapHealth`, an authenticated HEAD). Not Redis, Kafka or MongoDB either: their
 * outages hit every pod alike, and the console answers them itself (queue actions and the
 * storefront API's order intake say 503, the Kafka and Orders pages show what is down) — taking
 * every pod out of the Service would turn a partial outage into a total one, ops UI included.
 */
export async function readiness(): Promise<Check[]> {
  const env = loadConsoleEnv();
  const { default: pg } = await import("pg");
  return Promise.all([
    timed("postgres", async () => {
      const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 2000 });
      await client.connect();
      try {
        await client.query("select 1");
      } finally {
        await client.end();
      }
    }),
  ]);
}
