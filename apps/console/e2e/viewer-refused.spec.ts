import { appRouter } from "@icp/api";
import { expect, test } from "@playwright/test";
import { db, sameOrigin, trpcBody } from "./fixtures";
import { signInAs } from "./helpers";

type Proc = { _def: { type: string } };
const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, Proc>)
  .filter(([, p]) => p._def.type === "mutation")
  .map(([path]) => path);

test("a signed-in viewer is refused every mutation the console API has, and none is audited", async ({
  page,
}) => {
  expect(mutations.length).toBeGreaterThanOrEqual(18);
  const c = db();
  await c.connect();
  const before = Number((await c.query("select count(*) from audit_log")).rows[0].count);
  await signInAs(page, "viewer");
  for (const path of mutations) {
    // Authorisation runs before input validation: even an empty input gets 403, not 400.
    const res = await page.request.post(`/api/trpc/${path}`, { data: trpcBody({}), headers: sameOrigin() });
    expect(res.status(), path).toBe(403);
    const body = (await res.json()) as {
      error: { json: { data: { code: string; appCode?: string | null } } };
    };
    expect(body.error.json.data.code, path).toBe("FORBIDDEN");
    // The role gate refused it, not the CSRF guard (csrf.spec.ts covers that one).
    expect(body.error.json.data.appCode, path).not.toBe("CSRF_ORIGIN_REJECTED");
  }
  const after = Number((await c.query("select count(*) from audit_log")).rows[0].count);
  await c.end();
  expect(after).toBe(before);
});
