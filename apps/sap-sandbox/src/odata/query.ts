import { SapErrors } from "./errors";
import { type FilterNode, FilterSyntaxError, parseFilter } from "./filter";

/** The system query options of one OData V2 request, parsed and checked for syntax. */
export interface QueryOptions {
  filter?: FilterNode;
  top?: number;
  skip?: number;
  orderby: { property: string; desc: boolean }[];
  select?: string[];
  /** Expand paths split on '/', e.g. `to_Item/to_PricingElement` → ["to_Item","to_PricingElement"]. */
  expand: string[][];
  inlinecount: boolean;
  skiptoken?: string;
}

function nonNegativeInt(name: string, raw: string): number {
  if (!/^\d+$/.test(raw)) throw SapErrors.badQuery(`Invalid system query option value: ${name}=${raw}`);
  return Number(raw);
}

export function parseQueryOptions(query: Record<string, string | undefined>): QueryOptions {
  const opts: QueryOptions = { orderby: [], expand: [], inlinecount: false };
  const filter = query.$filter;
  if (filter !== undefined) {
    try {
      opts.filter = parseFilter(filter);
    } catch (err) {
      if (err instanceof FilterSyntaxError) throw SapErrors.badFilter(err.message);
      throw err;
    }
  }
  if (query.$top !== undefined) opts.top = nonNegativeInt("$top", query.$top);
  if (query.$skip !== undefined) opts.skip = nonNegativeInt("$skip", query.$skip);
  if (query.$skiptoken !== undefined) opts.skiptoken = query.$skiptoken;
  if (query.$orderby) {
    for (const part of query.$orderby.split(",")) {
      const [property, dir, extra] = part.trim().split(/\s+/);
      if (!property || extra !== undefined || (dir !== undefined && dir !== "asc" && dir !== "desc")) {
        throw SapErrors.badQuery(`Invalid $orderby expression '${part}'`);
      }
      opts.orderby.push({ property, desc: dir === "desc" });
    }
  }
  if (query.$select) {
    opts.select = query.$select
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (query.$expand) {
    opts.expand = query.$expand
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((p) => p.split("/"));
  }
  if (query.$inlinecount !== undefined) {
    if (query.$inlinecount !== "allpages" && query.$inlinecount !== "none") {
      throw SapErrors.badQuery(`Invalid $inlinecount value '${query.$inlinecount}'`);
    }
    opts.inlinecount = query.$inlinecount === "allpages";
  }
  if (query.$format !== undefined && !["json", "atom", "xml"].includes(query.$format)) {
    throw SapErrors.badQuery(`Invalid $format '${query.$format}': json, atom or xml`);
  }
  return opts;
}
