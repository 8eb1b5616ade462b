import { auditFilterFromSearchParams, auditSearchWhere, csvHeader, csvRow, hasPermission } from "@icp/api";
import { currentStaff } from "~/server/auth";
import { apiServices } from "~/server/services";

export const dynamic = "force-dynamic";

const PAGE = 1_000;
/** An export is bounded so one click cannot stream the whole table forever. */
const MAX_ROWS = 200_000;

/** Streams the audit log as CSV with the audit page's filters (viewer role and up). */
export async function GET(req: Request) {
  const user = await currentStaff();
  if (!user) return Response.json({ title: "Sign in to use the console." }, { status: 401 });
  if (!hasPermission(user, "console.read")) return Response.json({ title: "Forbidden" }, { status: 403 });
  const parsed = auditFilterFromSearchParams(new URL(req.url).searchParams);
  if (!parsed.success) {
    return Response.json(
      { type: "about:blank", title: "Invalid filter", status: 400, errors: parsed.error.issues },
      { status: 400, headers: { "content-type": "application/problem+json" } },
    );
  }
  const db = apiServices.db;
  // The page's free-text search too (q), through the same trigram-indexed lookup and cap.
  const { where } = await auditSearchWhere(db, parsed.data);
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let sent = 0;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader()));
        return;
      }
      // Keyset pagination on the time-ordered UUIDv7 id: stable while new rows arrive.
      const rows = await db.auditLog.findMany({
        where,
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (rows.length === 0 || sent >= MAX_ROWS) {
        controller.close();
        return;
      }
      cursor = rows[rows.length - 1]?.id;
      sent += rows.length;
      controller.enqueue(encoder.encode(rows.map((r) => csvRow(r)).join("")));
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
