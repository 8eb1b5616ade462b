import { literal } from "./codecs";

/**
 * A small typed `$filter` builder: values are always rendered as escaped literals, so caller
 * data can never change the expression's structure.
 */
export type Filter = { readonly expr: string };
type Value = string | number | boolean | Date | { datetime: Date } | null;

function lit(v: Value): string {
  if (v === null) return "null";
  if (typeof v === "string") return literal.string(v);
  if (typeof v === "number") return literal.number(v);
  if (typeof v === "boolean") return literal.boolean(v);
  if (v instanceof Date) return literal.datetimeoffset(v);
  return literal.datetime(v.datetime);
}

const field = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_/]*$/.test(name)) throw new Error(`not a property path: ${name}`);
  return name;
};
const cmp =
  (op: string) =>
  (name: string, v: Value): Filter => ({ expr: `${field(name)} ${op} ${lit(v)}` });

export const f = {
  eq: cmp("eq"),
  ne: cmp("ne"),
  gt: cmp("gt"),
  ge: cmp("ge"),
  lt: cmp("lt"),
  le: cmp("le"),
  and: (...parts: Filter[]): Filter => ({ expr: parts.map((p) => `(${p.expr})`).join(" and ") }),
  or: (...parts: Filter[]): Filter => ({ expr: parts.map((p) => `(${p.expr})`).join(" or ") }),
  /** V2 argument order: substringof('needle', Field). */
  substringof: (name: string, needle: string): Filter => ({
    expr: `substringof(${literal.string(needle)},${field(name)})`,
  }),
  startswith: (name: string, prefix: string): Filter => ({
    expr: `startswith(${field(name)},${literal.string(prefix)})`,
  }),
  /** `Field eq 'a' or Field eq 'b' …` — V2 has no `in`. */
  anyOf: (name: string, values: Value[]): Filter => ({
    expr: values.map((v) => `${field(name)} eq ${lit(v)}`).join(" or "),
  }),
};
