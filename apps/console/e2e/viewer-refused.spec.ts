import { appRouter } from "@icp/api";
import { expect, test } from "@playwright/test";
import { db, trpcBody } from "./fixtures";
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
    const res = await page.request.post(`/api/trpc/${path}`, { data: trpcBody({}) });
    expect(res.status(), path).toBe(403);
    const body = (await res.json()) as { error: { json: { data: { code: string } } } };
    expect(body.error.json.data.code, path).toBe("FORBIDDEN");
  }
  const after = Number((await c.query("select count(*) from audit_log")).rows[0].count);
  await c.end();
  expect(after).toBe(before);
});
