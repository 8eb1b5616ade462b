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

/**
 * The most rows a console list counts. Counting every match of a month of data (a million
 * orders, 300,000 webhook deliveries) cost a list 1–2 s (bench 7); past this the list says
 * "10,000+" and pages that far. Count with `take: COUNT_CAP + 1` (or LIMIT), answer with pagedCapped.
 */
export const COUNT_CAP = 10_000;

/** `paged` for a count that stopped at COUNT_CAP + 1: the total shown is capped, and says so. */
export function pagedCapped<T>(rows: T[], counted: number, input: { page: number; pageSize: number }) {
  const totalCapped = counted > COUNT_CAP;
  return { ...paged(rows, totalCapped ? COUNT_CAP : counted, input), totalCapped };
}

/** A reason the operator typed for a destructive or bulk action. */
export const reason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500);
export const optionalReason = z.string().trim().max(500).optional();
export const uuid = z.uuid();
