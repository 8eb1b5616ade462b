import "server-only";
import { Socket } from "node:net";
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

export async function readiness(): Promise<Check[]> {
  const env = loadConsoleEnv();
  const { default: pg } = await import("pg");
  const { MongoClient } = await import("mongodb");
  const { Redis } = await import("ioredis");
  const { apiServices } = await import("./services");
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
    timed("redis", async () => {
      const r = new Redis(env.REDIS_URL, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        connectTimeout: 2000,
      });
      try {
        await r.connect();
        await r.ping();
      } finally {
        r.disconnect();
      }
    }),
    timed("kafka", async () => {
      await apiServices.consumerLag();
    }),
    timed("mongodb", async () => {
      const m = new MongoClient(env.MONGODB_URL, { serverSelectionTimeoutMS: 2000 });
      try {
        await m.db().command({ ping: 1 });
      } finally {
        await m.close();
      }
    }),
    timed("sap", async () => {
      const url = new URL(env.SAP_BASE_URL);
      await new Promise<void>((resolve, reject) => {
        const s = new Socket();
        s.once("error", reject);
        s.connect(Number(url.port || 443), url.hostname, () => {
          s.destroy();
          resolve();
        });
      });
    }),
  ]);
}
