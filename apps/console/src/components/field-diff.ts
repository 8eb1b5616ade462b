/**
 * Field-level diff of two JSON values (an audit entry's before/after, a failure's original and
 * edited payload): one row per leaf that differs, with its path, before and after. Objects are
 * compared key by key, arrays index by index; a value whose type changes (object → string, …)
 * is one row at that path. Pure, so the table and its tests agree on what "changed" means.
 */
export type ChangeKind = "added" | "removed" | "changed";

export interface FieldChange {
  /** e.g. `payload.lines[0].sku`; `(root)` when the values themselves differ. */
  path: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A key appended to a path: `a.b` for identifiers, `a["odd key"]` otherwise. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (IDENT.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
  }
  return false;
}

export function fieldDiff(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (equal(before, after)) return [];
  const at = path || "(root)";
  if (before === undefined) return [{ path: at, kind: "added", after }];
  if (after === undefined) return [{ path: at, kind: "removed", before }];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => fieldDiff(before[k], after[k], joinPath(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => fieldDiff(before[i], after[i], joinPath(path, i))).flat();
  }
  return [{ path: at, kind: "changed", before, after }];
}

/** A value as one line for a diff cell: strings as they are, the rest as JSON, absent as "—". */
export function showValue(v: unknown): string {
  if (v === undefined) return "—";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}
