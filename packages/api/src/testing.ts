import type { Db } from "@icp/db";
import { TRPCError } from "@trpc/server";
import type { ApiContext, ApiServices } from "./context";
import { appCodeOf } from "./errors";
import { type Permission, PRESETS, type Role } from "./permissions";

/**
 * Test doubles for routers. `untouchableDb` fails loudly on any use, so a test proves a
 * refused call reached no data at all.
 */
export function untouchableDb(touched: string[] = []): Db {
  const handler: ProxyHandler<object> = {
    get(_t, prop) {
      if (prop === "then") return undefined;
      touched.push(String(prop));
      return new Proxy(() => {}, {
        get(_t2, p2) {
          touched.push(`${String(prop)}.${String(p2)}`);
          return () => {
            throw new Error(`db.${String(prop)}.${String(p2)} used`);
          };
        },
        apply() {
          throw new Error(`db.${String(prop)}() used`);
        },
      });
    },
  };
  return new Proxy({}, handler) as Db;
}

const refuse = (what: string) => () => {
  throw new Error(`${what} used`);
};

export function fakeServices(overrides: Partial<ApiServices> = {}): ApiServices {
  return {
    db: untouchableDb(),
    consumerLag: async () => [],
    queueCounts: async () => [],
    sapHealth: async () => ({
      reachable: true,
      latencyMs: 5,
      status: 200,
      breaker: "closed",
      checkedAt: new Date(),
    }),
    kafka: {
      topics: async () => [],
      groups: async () => [],
      read: refuse("kafka.read"),
      findByKey: refuse("kafka.findByKey"),
      resolveRange: refuse("kafka.resolveRange"),
      readRange: refuse("kafka.readRange"),
      groupPosition: refuse("kafka.groupPosition"),
    },
    queues: {
      jobs: refuse("queues.jobs"),
      job: async () => null,
      retry: refuse("queues.retry"),
      promote: refuse("queues.promote"),
      remove: refuse("queues.remove"),
      pause: refuse("queues.pause"),
      resume: refuse("queues.resume"),
      counts: refuse("queues.counts"),
      enqueue: refuse("queues.enqueue"),
    },
    failures: { retry: refuse("failures.retry") },
    auth: { roleGroups: [], rolesClaim: "groups", devUsers: [] },
    clientSecrets: { generate: () => "icps_test", hash: async (s) => `hash(${s})` },
    ...overrides,
  };
}

/**
 * A caller: a built-in role (its preset permissions), an explicit permission list (a custom
 * role, named "custom"), or null (anonymous).
 */
export function contextFor(
  who: Role | { permissions: readonly Permission[]; id?: string } | null,
  services: ApiServices = fakeServices(),
): ApiContext {
  const user =
    who === null
      ? null
      : typeof who === "string"
        ? { id: `u-${who}`, email: `${who}@example.test`, role: who, permissions: PRESETS[who] }
        : {
            id: who.id ?? "u-custom",
            email: `${who.id ?? "custom"}@example.test`,
            role: "custom",
            permissions: who.permissions,
          };
  return {
    user,
    requestId: "req-1",
    ip: "10.0.0.1",
    services,
  };
}

/**
 * A read's latency for a test's bound: one warm-up call (connection and plan), then the worst
 * of five, logged with each run. Returns the last answer with it.
 */
export async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  await fn();
  const runs: number[] = [];
  let value!: T;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    value = await fn();
    runs.push(performance.now() - t0);
  }
  const ms = Math.max(...runs);
  console.log(`${label}: ${runs.map((r) => r.toFixed(0)).join("/")} ms (worst ${ms.toFixed(0)} ms)`);
  return { value, ms };
}

/** How a call ended: "OK", or its refusal's typed app code (errors.ts), else its tRPC code. */
export async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return appCodeOf(e.cause) ?? e.code;
  }
}
