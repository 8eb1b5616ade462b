import { DEFAULT_RESILIENCE, SapClient } from "@icp/sap-client";
import { createSandbox, type Sandbox, type SandboxOptions } from "./sandbox";

/** Test helpers: an in-process sandbox on port 0 and a client that logs on like SAP clients do. */
export const TEST_USER = "ICP_RFC_USER";
export const TEST_PASSWORD = "local-sandbox-password";
export const TEST_ADMIN = "test-admin-token";
export const basicAuth = (user = TEST_USER, password = TEST_PASSWORD) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

export function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({
    port: 0,
    logLevel: "silent",
    products: 200,
    customers: 80,
    tickMs: 0,
    adminToken: TEST_ADMIN,
    ...options,
  });
}

/** Our own SAP client, logged on to the sandbox as the worker is, retrying fast. */
export function testSapClient(
  sandbox: Sandbox,
  over: Partial<ConstructorParameters<typeof SapClient>[0]> = {},
): SapClient {
  return new SapClient({
    baseUrl: sandbox.url,
    client: "100",
    language: "EN",
    auth: { kind: "basic", username: TEST_USER, password: TEST_PASSWORD },
    ...DEFAULT_RESILIENCE,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    ...over,
  });
}

export interface SapTestClient {
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(path: string): Promise<T>;
  /** Fetches a CSRF token (and session cookie) and sends a modifying request with it. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  csrf(): Promise<{ token: string; cookie: string }>;
}

export function sapClient(sandbox: Sandbox, service: string): SapTestClient {
  const root = `${sandbox.url}/sap/opu/odata/sap/${service}/`;
  let session: { token: string; cookie: string } | undefined;
  const client: SapTestClient = {
    get: (path, headers = {}) =>
      fetch(root + path, { headers: { authorization: basicAuth(), accept: "application/json", ...headers } }),
    json: async (path) => {
      const res = await client.get(path);
      if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
      return (await res.json()) as never;
    },
    csrf: async () => {
      const res = await fetch(root, { headers: { authorization: basicAuth(), "x-csrf-token": "Fetch" } });
      await res.arrayBuffer();
      const token = res.headers.get("x-csrf-token") ?? "";
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      session = { token, cookie };
      return session;
    },
    send: async (method, path, body, headers = {}) => {
      session ??= await client.csrf();
      return fetch(root + path, {
        method,
        headers: {
          authorization: basicAuth(),
          accept: "application/json",
          "content-type": "application/json",
          "x-csrf-token": session.token,
          cookie: session.cookie,
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      });
    },
  };
  return client;
}

export function admin(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/sandbox/admin/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TEST_ADMIN}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

let payloads = 0;

/**
 * A minimal valid deep-insert payload; tests override what they probe. Each carries its own
 * customer reference, as storefront orders do (the standard order refuses a repeated one).
 */
export function salesOrderPayload(
  overrides: Record<string, unknown> = {},
  items?: Record<string, unknown>[],
): Record<string, unknown> {
  return {
    SalesOrderType: "OR",
    SalesOrganization: "1010",
    DistributionChannel: "10",
    OrganizationDivision: "00",
    SoldToParty: "17100001",
    PurchaseOrderByCustomer: `SF-ORDER-${++payloads}`,
    to_Item: items ?? [{ Material: "TG11", RequestedQuantity: "2", RequestedQuantityUnit: "PC" }],
    ...overrides,
  };
}
