import { type EdmService, type Filter, f, fromWire, unwrapCollection } from "@icp/sap-odata";
import type { SapResponse, SapTransport } from "./transport";

export interface Page<T> {
  items: T[];
  total: number;
  /**
   * SAP's clock when it answered this page (its `Date` header, whole seconds). A full read is a
   * snapshot no older than its first page's serverTime: version it with that, never our clock.
   */
  serverTime?: Date;
}

/** One read of an entity set, page by page, in a stable key order. */
export interface KeysetRead {
  service: string;
  model: EdmService;
  entitySet: string;
  filter?: Filter;
  expand?: string;
  select?: string;
  /**
   * `$orderby`: properties that order the set totally (the full key, or a change stamp followed
   * by the full key). A read in this order never loses a row to rows inserted, changed or
   * deleted before it, as `$skip` does.
   */
  order: readonly string[];
  /**
   * The properties the cursor continues after (default: `order`). Leave out only keys the
   * filter pins to one value (`InventoryStockType eq '01'`): they cannot separate two rows.
   */
  cursor?: readonly string[];
  pageSize: number;
}

type Row = Record<string, unknown>;

/** `(k0 gt v0) or (k0 eq v0 and k1 gt v1) or …`: every row after the cursor in `keys` order. */
export function after(model: EdmService, entitySet: string, keys: readonly string[], row: Row): Filter {
  const type = model.entityTypes[model.entitySets[entitySet]?.entityType ?? ""];
  const value = (k: string) => {
    const v = row[k];
    const edm = type?.properties.find((p) => p.name === k)?.type;
    if (v instanceof Date) return edm === "Edm.DateTime" ? { datetime: v } : v;
    if (v === null || v === undefined) return "";
    return typeof v === "number" || typeof v === "boolean" ? v : String(v);
  };
  return f.or(
    ...keys.map((k, i) =>
      f.and(...keys.slice(0, i).map((prev) => f.eq(prev, value(prev))), f.gt(k, value(k))),
    ),
  );
}

/** The part of an absolute `__next` URL below the service root, and its query. */
function nextRequest(service: string, next: string): { path: string; query: Record<string, string> } {
  const url = new URL(next, "http://sap.invalid");
  const root = `/${service}/`;
  const at = url.pathname.indexOf(root);
  const path = decodeURIComponent(
    at >= 0 ? url.pathname.slice(at + root.length) : url.pathname.replace(/^\//, ""),
  );
  return { path, query: Object.fromEntries(url.searchParams.entries()) };
}

/**
 * Every row of a read: `$top` windows in `order`, each continued after the last row read (a
 * keyset, not `$skip`), and inside a window every `__next` / `$skiptoken` the server answers
 * is followed to its end, so a server-side page size below `$top` loses nothing. A window that
 * came back short without `__next` is the end.
 */
export async function* keysetAll<T>(t: SapTransport, r: KeysetRead): AsyncIterable<Page<T>> {
  const set = r.model.entitySets[r.entitySet];
  if (!set) throw new Error(`${r.service} has no entity set ${r.entitySet}`);
  const cursorKeys = r.cursor ?? r.order;
  const select = r.select ? [...new Set([...r.select.split(","), ...cursorKeys])].join(",") : undefined;
  let last: Row | undefined;
  let total: number | undefined;
  for (;;) {
    const filter = last
      ? r.filter
        ? f.and(r.filter, after(r.model, r.entitySet, cursorKeys, last))
        : after(r.model, r.entitySet, cursorKeys, last)
      : r.filter;
    let res: SapResponse = await t.request({
      service: r.service,
      method: "GET",
      path: r.entitySet,
      query: {
        $top: String(r.pageSize),
        // The total once, with the first window: counting what is left on every window would
        // make SAP count the rest of the set per page (a full read's cost, again and again).
        ...(last ? {} : { $inlinecount: "allpages" }),
        $orderby: r.order.join(","),
        ...(filter ? { $filter: filter.expr } : {}),
        ...(r.expand ? { $expand: r.expand } : {}),
        ...(select ? { $select: select } : {}),
      },
    });
    let inWindow = 0;
    for (;;) {
      const c = unwrapCollection(res.json());
      total ??= c.count;
      const items = c.results.map((w) => fromWire<T>(r.model, set.entityType, w));
      inWindow += items.length;
      if (items.length) last = items[items.length - 1] as Row;
      if (items.length)
        yield {
          items,
          total: total ?? items.length,
          ...(res.serverTime ? { serverTime: res.serverTime } : {}),
        };
      if (!c.next) break;
      res = await t.request({ service: r.service, method: "GET", ...nextRequest(r.service, c.next) });
    }
    if (inWindow < r.pageSize || !last) return;
  }
}
