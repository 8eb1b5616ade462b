"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * A list page's state in its URL (search, filters, sort, page), so a view is a link and Back
 * returns to it. `set` replaces the given keys (empty removes them) and, unless the patch names
 * the page, goes back to page 1.
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // The query as last written: two changes before the next render (type a target, then pick an
  // action) must both land, not the second over a stale copy of the URL.
  const latest = useRef(params.toString());
  useEffect(() => {
    latest.current = params.toString();
  }, [params]);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(latest.current);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in patch)) next.delete("page");
    latest.current = next.toString();
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  return { params, set, router };
}

type Params = { get(key: string): string | null };

export function pageFrom(params: Params): number {
  return Math.max(1, Number(params.get("page")) || 1);
}

/** `sort`/`dir` from the URL, the sort limited to what the server sorts by. */
export function sortFrom<S extends string>(
  params: Params,
  allowed: readonly S[],
  fallback: S,
): { sort: S; dir: "asc" | "desc" } {
  const s = params.get("sort") ?? "";
  return {
    sort: (allowed as readonly string[]).includes(s) ? (s as S) : fallback,
    dir: params.get("dir") === "asc" ? "asc" : "desc",
  };
}
