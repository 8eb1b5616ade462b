import { readiness } from "~/server/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when what this pod needs to serve answers (server/readiness.ts: not SAP, not
 * the shared stores); the body says what does not.
 */
export async function GET() {
  const checks = await readiness();
  const ok = checks.every((c) => c.ok);
  return Response.json({ status: ok ? "ready" : "not-ready", checks }, { status: ok ? 200 : 503 });
}
