/**
 * RFC 8785 JSON Canonicalization Scheme for values parsed by JSON.parse: object members sorted
 * by their names' UTF-16 code units, no whitespace, numbers and strings as ECMAScript
 * serializes them (which is what JCS prescribes). Two bodies that mean the same JSON — keys in
 * another order, other spacing, `1.0` for `1`, `\u0041` for `A` — canonicalise to the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    // undefined (absent) is not JSON; JSON.stringify answers undefined for it.
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 asks.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
