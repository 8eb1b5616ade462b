/**
 * Pure helpers of the data table (components/data-table.tsx): keyboard movement between rows and
 * the mapping of the table's sorting state to a server's `{ sort, dir }` query.
 */

/** Keys that move the focused row; anything else is left to the row. */
export const NAV_KEYS = ["ArrowDown", "ArrowUp", "PageDown", "PageUp", "Home", "End"] as const;
export type NavKey = (typeof NAV_KEYS)[number];

export function isNavKey(key: string): key is NavKey {
  return (NAV_KEYS as readonly string[]).includes(key);
}

/**
 * The row index a key moves the focus to, clamped to the rows there are (-1 when there are none).
 * `page` is how many rows a PageUp/PageDown jumps (about one screenful).
 */
export function moveIndex(key: NavKey, current: number, count: number, page: number): number {
  if (count <= 0) return -1;
  const from = Math.min(Math.max(current, 0), count - 1);
  const step = Math.max(1, page);
  const next =
    key === "ArrowDown"
      ? from + 1
      : key === "ArrowUp"
        ? from - 1
        : key === "PageDown"
          ? from + step
          : key === "PageUp"
            ? from - step
            : key === "Home"
              ? 0
              : count - 1;
  return Math.min(Math.max(next, 0), count - 1);
}

export interface ColumnSort {
  id: string;
  desc: boolean;
}

/**
 * The first sorted column as a server query's `{ sort, dir }`, if the server can sort by it;
 * otherwise the fallback (a server sorts by one column from an allow-list).
 */
export function serverSort<F extends string>(
  sorting: readonly ColumnSort[],
  allowed: readonly F[],
  fallback: { sort: F; dir: "asc" | "desc" },
): { sort: F; dir: "asc" | "desc" } {
  const first = sorting[0];
  if (!first || !(allowed as readonly string[]).includes(first.id)) return fallback;
  return { sort: first.id as F, dir: first.desc ? "desc" : "asc" };
}

/** The inverse of serverSort: the table's sorting state for a server's `{ sort, dir }`. */
export function tableSort(s: { sort: string; dir: "asc" | "desc" }): ColumnSort[] {
  return [{ id: s.sort, desc: s.dir === "desc" }];
}
