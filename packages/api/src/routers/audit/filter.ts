import type { Prisma } from "@icp/db";
import { z } from "zod";
import { likeLiteral } from "../like";

export const auditFilter = z.object({
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

/** Parse export query parameters with the same schema; bad values are refused, not ignored. */
export function auditFilterFromSearchParams(params: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const k of ["actor", "action", "targetType", "targetId", "from", "to"]) {
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
