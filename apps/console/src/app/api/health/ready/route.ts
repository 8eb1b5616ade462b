import { readiness } from "~/server/readiness";

export const dynamic = "force-dynamic";

/** Readiness: 200 only when every dependency answers; the body says which one does not. */
export async function GET() {
  const checks = await readiness();
  const ok = checks.every((c) => c.ok);
  return Response.json({ status: ok ? "ready" : "not-ready", checks }, { status: ok ? 200 : 503 });
}
