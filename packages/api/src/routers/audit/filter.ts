import type { Db, Prisma } from "@icp/db";
import { z } from "zod";
import { likeLiteral } from "../like";

export const auditFilter = z.object({
  /**
   * Free text over actor, action, target, reason and the before/after payloads, case-blind:
   * answered by the trigram index on audit_search_text(...) (migration
   * 20261206140000_business_key_search), which needs at least 3 characters to narrow anything.
   */
  q: z
    .string()
    .trim()
    .min(3, "Search the audit log with at least 3 characters.")
    .max(200, "Search the audit log with at most 200 characters.")
    .regex(/^[^\p{Cc}]*$/u, "A search cannot contain control characters.")
    .optional(),
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(100).optional(),
  targetId: z.string().trim().max(200).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type AuditFilter = z.infer<typeof auditFilter>;

/** Shared by the audit page and the CSV export, so an export is exactly what the page shows. */
export function auditWhere(f: AuditFilter): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (f.from) at.gte = f.from;
  if (f.to) at.lte = f.to;
  return {
    ...(f.actor
      ? {
          OR: [
            { actorEmail: { contains: likeLiteral(f.actor), mode: "insensitive" as const } },
            { actorId: { equals: f.actor } },
          ],
        }
      : {}),
    ...(f.action ? { action: { startsWith: likeLiteral(f.action) } } : {}),
    ...(f.targetType ? { targetType: f.targetType } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(Object.keys(at).length ? { at } : {}),
  };
}

/**
 * How many free-text matches (newest first) a search narrows to: the index finds them, the
 * page's other filters, sort and paging apply within them. More than this is reported as
 * `capped` so the page can say "showing the newest N matches; narrow the search".
 */
export const AUDIT_SEARCH_CAP = 5_000;

/** The ids of the newest entries whose text holds `q` (at most AUDIT_SEARCH_CAP + 1). */
export async function auditSearchIds(db: Db, q: string): Promise<string[]> {
  const pattern = `%${likeLiteral(q.toLowerCase())}%`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM audit_log
     WHERE audit_search_text(actor_id, actor_email, action, target_type, target_id, reason, before, after)
           LIKE ${pattern}
     ORDER BY at DESC, id DESC
     LIMIT ${AUDIT_SEARCH_CAP + 1}`;
  return rows.map((r) => r.id);
}

/** auditWhere plus the free-text search: the where clause and whether the search hit the cap. */
export async function auditSearchWhere(
  db: Db,
  f: AuditFilter,
): Promise<{ where: Prisma.AuditLogWhereInput; capped: boolean }> {
  const where = auditWhere(f);
  if (!f.q) return { where, capped: false };
  const ids = await auditSearchIds(db, f.q);
  const capped = ids.length > AUDIT_SEARCH_CAP;
  return { where: { AND: [where, { id: { in: ids.slice(0, AUDIT_SEARCH_CAP) } }] }, capped };
}

/** Parse export query parameters with the same schema; bad values are refused, not ignored. */
export function auditFilterFromSearchParams(params: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const k of ["q", "actor", "action", "targetType", "targetId", "from", "to"]) {
    const v = params.get(k);
    if (v) raw[k] = v;
  }
  return auditFilter.safeParse(raw);
}

const CSV_COLUMNS = [
  "at",
  "actorId",
  "actorEmail",
  "actorRole",
  "action",
  "targetType",
  "targetId",
  "reason",
  "before",
  "after",
  "ip",
  "requestId",
] as const;

/** RFC 4180 field: quoted when needed, quotes doubled; a leading =,+,-,@ is defused for spreadsheets. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

export function csvRow(row: Record<(typeof CSV_COLUMNS)[number], unknown>): string {
  return `${CSV_COLUMNS.map((c) => csvField(row[c])).join(",")}\r\n`;
}
