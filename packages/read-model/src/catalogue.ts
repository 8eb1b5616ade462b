import { createHash } from "node:crypto";

/**
 * What the storefront's catalogue reads are served from: a search-token field maintained on
 * write, an opaque cursor on a stable key, and a content hash that lets a resync skip what
 * did not change. Pure functions; the read model stores and queries them.
 */

/** The longest prefix of a word that is indexed (and the longest search term used as a key). */
export const MAX_TOKEN_LENGTH = 20;
/** Tokens kept per product at most (the name's come first). */
export const MAX_TOKENS = 400;

/** Words of a text: lower-cased, split on anything that is not a letter or a digit. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The search tokens of a product: every prefix (1 to MAX_TOKEN_LENGTH characters) of every word
 * of its name and description. A search for "ham" then is one equality on this (multikey)
 * field, which MongoDB answers from its index and FerretDB pushes down to PostgreSQL (a GIN
 * index, scripts/stack/ferretdb-indexes.sql); FerretDB has no text index.
 */
export function searchTokens(name: string, description: string): string[] {
  const out = new Set<string>();
  for (const w of [...words(name), ...words(description)]) {
    const chars = [...w];
    for (let n = 1; n <= Math.min(chars.length, MAX_TOKEN_LENGTH); n++) {
      if (out.size >= MAX_TOKENS) return [...out];
      out.add(chars.slice(0, n).join(""));
    }
  }
  return [...out];
}

/**
 * The terms of a search as stored tokens: its words, each cut to MAX_TOKEN_LENGTH, longest
 * first (the most selective one is the one a server looks up in its index).
 */
export function searchTerms(q: string): string[] {
  const terms = new Set(words(q).map((w) => [...w].slice(0, MAX_TOKEN_LENGTH).join("")));
  return [...terms].sort((a, b) => [...b].length - [...a].length);
}

/** The catalogue's sort orders: the stored field each sorts on, its direction, and then `_id`. */
export const SORTS = {
  name: { field: "name", dir: 1 },
  price: { field: "priceKey", dir: 1 },
  "-price": { field: "priceKey", dir: -1 },
  updated: { field: "updatedAt", dir: -1 },
} as const;
export type ProductSort = keyof typeof SORTS;

/**
 * A product's price as a sort key: the amount, or -1 without a price (first by price, last by
 * -price, where MongoDB sorted a missing `price.amountNum` before). A top-level number, so a
 * cursor's range is on a plain field.
 */
export function priceKey(price: { amountNum: number } | null | undefined): number {
  return price ? price.amountNum : -1;
}

/** Where the next page starts: after this sort value and `_id`, for this sort and these filters. */
export interface CursorPosition {
  sort: ProductSort;
  /** The filters' fingerprint: a cursor only continues the list it was made for. */
  filters: string;
  value: string | number;
  id: string;
}

export class InvalidCursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidCursorError";
  }
}

/** The filters of a listing as a short string (same filters, same fingerprint). */
export function filtersFingerprint(filters: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalJson(filters)).digest("base64url").slice(0, 12);
}

/** An opaque cursor (base64url JSON; Dates as `{d: ms}`). */
export function encodeCursor(c: { sort: ProductSort; filters: string; value: unknown; id: string }): string {
  const value = c.value instanceof Date ? { d: c.value.getTime() } : c.value;
  return Buffer.from(JSON.stringify([c.sort, c.filters, value, c.id])).toString("base64url");
}

export function decodeCursor(
  cursor: string,
): Omit<CursorPosition, "value"> & { value: string | number | Date } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError("not a cursor this API made");
  }
  if (!Array.isArray(parsed) || parsed.length !== 4)
    throw new InvalidCursorError("not a cursor this API made");
  const [sort, filters, raw, id] = parsed as unknown[];
  const value =
    raw && typeof raw === "object" && typeof (raw as { d?: unknown }).d === "number"
      ? new Date((raw as { d: number }).d)
      : raw;
  if (
    typeof sort !== "string" ||
    !(sort in SORTS) ||
    typeof filters !== "string" ||
    typeof id !== "string" ||
    !(typeof value === "string" || typeof value === "number" || value instanceof Date)
  )
    throw new InvalidCursorError("not a cursor this API made");
  return { sort: sort as ProductSort, filters, value, id };
}

/**
 * The filter for the rows after a cursor: sort value past it, or equal and `_id` past it.
 * MongoDB serves it from the sort's compound index ({field, _id}).
 */
export function afterCursor(c: { sort: ProductSort; value: unknown; id: string }): Record<string, unknown> {
  const { field, dir } = SORTS[c.sort];
  const op = dir === 1 ? "$gt" : "$lt";
  return { $or: [{ [field]: { [op]: c.value } }, { [field]: c.value, _id: { $gt: c.id } }] };
}

/** JSON with object keys sorted (Dates as ISO strings), so equal content hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** A document's content hash: what a writer compares to skip writing what is already stored. */
export function contentHash(doc: unknown): string {
  return createHash("sha256").update(canonicalJson(doc)).digest("base64url").slice(0, 22);
}

/**
 * The digest bucket of an id: the id without its last two characters. Ids next to each other
 * (a resync page, in SAP's key order) share a few buckets, so a page's stored hashes are a few
 * lookups by `_id`, and any writer finds an id's bucket without reading anything.
 */
export function digestBucket(entity: string, id: string): string {
  return `${entity}:${id.slice(0, Math.max(0, id.length - 2))}`;
}

/** An id as a field name in a digest (no dots, no leading `$`). */
export function digestKey(id: string): string {
  return Buffer.from(id).toString("base64url");
}
