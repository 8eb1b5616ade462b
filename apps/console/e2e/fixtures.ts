import { randomUUID } from "node:crypto";
import { test } from "@playwright/test";
import pg from "pg";

/**
 * Test data straight into PostgreSQL (DATABASE_URL), with a tag per test so specs never see
 * each other's rows and can run against a database that also holds other data.
 */
export function db() {
  return new pg.Client({
    connectionString: process.env.DATABASE_URL ?? "postgresql://icp:icp@127.0.0.1:55432/icp",
  });
}

/** One connection for `fn`, closed after it whatever happens. */
async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = db();
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** One query on its own connection: the rows, typed as the caller says. */
export async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return withDb(async (c) => (await c.query(text, params)).rows as T[]);
}

export const tag = (name: string) => `e2e-${name}-${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;

export interface SeedFailure {
  flow?: "ORDERS" | "ORDER_STATUS" | "INVENTORY" | "MASTER_DATA" | "WEBHOOK";
  errorClass?: "BUSINESS" | "TRANSIENT" | "POISON";
  state?: "OPEN" | "RETRYING" | "RESOLVED" | "DISCARDED";
  sapErrorCode?: string;
  message?: string;
  entityKey: string;
  payload?: unknown;
}

/** Order failures of a business kind: retrying them re-adds the order job with id = order id. */
export async function seedFailures(rows: SeedFailure[]): Promise<string[]> {
  return withDb(async (c) => {
    const ids: string[] = [];
    for (const r of rows) {
      const id = randomUUID();
      await c.query(
        `insert into failure_record (id, flow, error_class, state, sap_error_code, message, payload, attempts, entity_key, job_id, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, 8, $8, $8, now(), now())`,
        [
          id,
          r.flow ?? "ORDERS",
          r.errorClass ?? "BUSINESS",
          r.state ?? "OPEN",
          r.sapErrorCode ?? "V1/302",
          r.message ?? "Material E2E-MAT is not defined for sales org 1010",
          JSON.stringify(
            // The order as the storefront submitted it (OrderSubmitted): what a retry sends again.
            r.payload ?? {
              orderId: r.entityKey,
              customerId: "C-1",
              currency: "EUR",
              lines: [{ sku: "E2E-MAT", quantity: 1 }],
              submittedAt: new Date().toISOString(),
              apiClientId: "e2e-storefront",
            },
          ),
          r.entityKey,
        ],
      );
      ids.push(id);
    }
    return ids;
  });
}

export async function failureStates(entityKeyPrefix: string): Promise<Record<string, string>> {
  return withDb(async (c) => {
    const res = await c.query<{ entity_key: string; state: string }>(
      "select entity_key, state from failure_record where entity_key like $1",
      [`${entityKeyPrefix}%`],
    );
    return Object.fromEntries(res.rows.map((r) => [r.entity_key, r.state]));
  });
}

export async function auditRows(where: { targetId?: string; action?: string }) {
  return withDb(async (c) => {
    const res = await c.query(
      "select action, actor_email, actor_role, reason, target_id, request_id from audit_log where ($1::text is null or target_id = $1) and ($2::text is null or action = $2) order by at",
      [where.targetId ?? null, where.action ?? null],
    );
    return res.rows as {
      action: string;
      actor_email: string;
      actor_role: string;
      reason: string | null;
      target_id: string | null;
      request_id: string;
    }[];
  });
}

/** A forged tRPC mutation (superjson body), as a script would send it past disabled buttons. */
export function trpcBody(input: unknown) {
  return { json: input };
}

/**
 * Headers a script must send with a console mutation: the CSRF guard refuses a POST to
 * /api/trpc that does not prove it comes from the console's own origin, and Playwright's API
 * requests, unlike a browser, send no Origin by themselves. The origin is the run's baseURL
 * (the console's CONSOLE_URL).
 */
export function sameOrigin(): { origin: string } {
  return { origin: new URL(test.info().project.use.baseURL ?? "http://127.0.0.1:3000").origin };
}

/** How many of the orders whose ids start with the prefix have no SAP sales order yet. */
export async function unbookedOrders(orderIdPrefix: string): Promise<number> {
  return withDb(async (c) => {
    const res = await c.query<{ n: string }>(
      "select count(*) as n from order_link where storefront_order_id like $1 and sap_sales_order is null",
      [`${orderIdPrefix}%`],
    );
    return Number(res.rows[0]?.n ?? 0);
  });
}
