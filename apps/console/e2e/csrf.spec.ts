import { createServer } from "node:http";
import { expect, type Page, test } from "@playwright/test";
import { auditRows, db, failureStates, sameOrigin, seedFailures, tag, trpcBody } from "./fixtures";
import { signInAs } from "./helpers";

/**
 * CSRF: a signed-in operator's session cookie is not enough to change anything; the request
 * must also prove it comes from the console's own origin (packages/api/src/http-guards.ts).
 * Every refusal is a 403 in tRPC's error shape, before any procedure runs: the failure stays
 * OPEN and no audit row is written.
 */

/** The console's counter of tRPC requests refused by the CSRF guard (/api/metrics). */
async function csrfRefusals(page: Page): Promise<number> {
  const text = await (await page.request.get("/api/metrics")).text();
  const line = text
    .split("\n")
    .find((l) => l.startsWith("icp_trpc_errors_total{") && l.includes('path="(csrf)"'));
  return line ? Number(line.split(" ").pop()) : 0;
}

type TrpcError = {
  error: { json: { message: string; data: { code: string; httpStatus: number; appCode?: string } } };
};

async function auditCount(): Promise<number> {
  const c = db();
  await c.connect();
  try {
    return Number((await c.query("select count(*) from audit_log")).rows[0].count);
  } finally {
    await c.end();
  }
}

const discard = (page: Page, id: string, headers: Record<string, string>) =>
  page.request.post("/api/trpc/failures.discard", {
    data: trpcBody({ id, reason: "csrf e2e: must not happen" }),
    headers,
  });

test("an operator's cookies with a foreign Origin are refused with 403; nothing changes, nothing is audited", async ({
  page,
}) => {
  const t = tag("csrf");
  const [id] = await seedFailures([{ entityKey: `${t}-a` }]);
  await signInAs(page, "operator");
  const before = await auditCount();

  const forged: [string, Record<string, string>][] = [
    ["another site", { origin: "https://evil.example" }],
    ["a sibling port on the same host (same site, other origin)", { origin: "http://127.0.0.1:3999" }],
    ["Origin: null (sandboxed frame)", { origin: "null" }],
    ["no Origin, a cross-site fetch", { "sec-fetch-site": "cross-site" }],
    ["no Origin, a same-site fetch", { "sec-fetch-site": "same-site" }],
    ["no Origin, a foreign Referer", { referer: "https://evil.example/attack.html" }],
    ["no provenance at all", {}],
  ];
  for (const [name, headers] of forged) {
    const res = await discard(page, id as string, headers);
    expect(res.status(), name).toBe(403);
    const body = (await res.json()) as TrpcError;
    expect(body.error.json.data, name).toMatchObject({
      code: "FORBIDDEN",
      httpStatus: 403,
      appCode: "CSRF_ORIGIN_REJECTED",
    });
    // No stack trace, not even the key (superjson would name an undefined one in its meta).
    expect(JSON.stringify(body), name).not.toMatch(/stack|\.tsx?:\d+/);
  }
  expect(await failureStates(t)).toEqual({ [`${t}-a`]: "OPEN" });
  expect(await auditRows({ targetId: id as string })).toEqual([]);
  expect(await auditCount()).toBe(before);

  // Control: the same cookies and request from the console's own origin go through, so the
  // refusals above were the origin check and not a lost session.
  const ok = await discard(page, id as string, sameOrigin());
  expect(ok.status()).toBe(200);
  expect(await failureStates(t)).toEqual({ [`${t}-a`]: "DISCARDED" });
  expect(await auditRows({ targetId: id as string })).toEqual([
    expect.objectContaining({ action: "failure.discard", actor_email: "operator@example.com" }),
  ]);
});

test("a page on another origin of the same site cannot drive the console with the operator's cookies", async ({
  page,
}) => {
  const t = tag("csrf-page");
  const [id] = await seedFailures([{ entityKey: `${t}-a` }]);
  await signInAs(page, "operator");
  const before = await auditCount();
  const refusedBefore = await csrfRefusals(page);
  const target = new URL("/api/trpc/failures.discard", sameOrigin().origin).toString();

  // An attacker's page on another port of the same host: same site, so the browser sends the
  // SameSite=Lax session cookie along; only the Origin check stands in the way. A real server
  // serves it (a page Playwright fulfils has no address, and Chromium's private-network rules
  // then block its requests to loopback before they leave the browser).
  const evilServer = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>evil</title><p>hello</p>");
  });
  await new Promise<void>((r) => evilServer.listen(3999, "127.0.0.1", r));
  try {
    const evil = "http://127.0.0.1:3999/";
    await page.goto(evil);
    const sent = page.waitForRequest((r) => r.url().startsWith(target) && r.method() === "POST", {
      timeout: 15_000,
    });
    await page.evaluate(
      async ({ url, body }) => {
        // text/plain: a CORS "simple" request, sent without a preflight; the browser will not let
        // the page read the answer (no Access-Control-Allow-Origin), but the request does reach
        // the server with the session cookie, which is the attack. (no-cors would be blocked from
        // the test's view too, by Chromium's opaque-response blocking.)
        await fetch(url, {
          method: "POST",
          credentials: "include",
          headers: { "content-type": "text/plain" },
          body,
        }).catch(() => undefined);
      },
      { url: target, body: JSON.stringify(trpcBody({ id, reason: "csrf e2e: must not happen" })) },
    );
    const req = await sent;
    // The browser hides the 403 from the page (and from Playwright: a CORS failure without
    // Access-Control-Allow-Origin); the console's own count of CSRF refusals shows it arrived.
    expect(req.url()).toBe(target);
    await expect.poll(() => csrfRefusals(page)).toBe(refusedBefore + 1);
    expect(await failureStates(t)).toEqual({ [`${t}-a`]: "OPEN" });
    expect(await auditRows({ targetId: id as string })).toEqual([]);
    expect(await auditCount()).toBe(before);
  } finally {
    evilServer.closeAllConnections();
    await new Promise((r) => evilServer.close(r));
  }
});
