import type { Db } from "@icp/db";
import type { ApiContext, ApiServices } from "./context";
import type { Role } from "./roles";

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
    },
    queues: {
      jobs: refuse("queues.jobs"),
      job: async () => null,
      retry: refuse("queues.retry"),
      promote: refuse("queues.promote"),
      remove: refuse("queues.remove"),
      pause: refuse("queues.pause"),
      resume: refuse("queues.resume"),
      isPaused: async () => false,
      enqueue: refuse("queues.enqueue"),
    },
    failures: { retry: refuse("failures.retry") },
    auth: { roleGroups: [], rolesClaim: "groups", devUsers: [] },
    clientSecrets: { generate: () => "icps_test", hash: async (s) => `hash(${s})` },
    ...overrides,
  };
}

export function contextFor(role: Role | null, services: ApiServices = fakeServices()): ApiContext {
  return {
    user: role ? { id: `u-${role}`, email: `${role}@example.test`, role } : null,
    requestId: "req-1",
    ip: "10.0.0.1",
    services,
  };
}
