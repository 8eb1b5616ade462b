import { z } from "zod";

/** Server-side paging for every console table. */
export const pageInput = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
  dir: z.enum(["asc", "desc"]).default("desc"),
};

export function paging(input: { page: number; pageSize: number }) {
  return { skip: (input.page - 1) * input.pageSize, take: input.pageSize };
}

export function paged<T>(rows: T[], total: number, input: { page: number; pageSize: number }) {
  return {
    rows,
    total,
    page: input.page,
    pageSize: input.pageSize,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

/** A reason the operator typed for a destructive or bulk action. */
export const reason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500);
export const optionalReason = z.string().trim().max(500).optional();
export const uuid = z.uuid();
