/**
 * OData V2 `$filter`: a small recursive-descent parser and an evaluator over sandbox rows.
 * Covers what SAP's A2X APIs are called with: eq/ne/gt/ge/lt/le, and/or/not, parentheses,
 * typed literals (datetime'...', datetimeoffset'...', guid'...', time'...', 12.5M), and the
 * string functions substringof, startswith, endswith, tolower, toupper, trim, length.
 */

export type FilterValue = string | number | boolean | null;

export type FilterNode =
  | { kind: "literal"; value: FilterValue }
  | { kind: "property"; name: string }
  | { kind: "call"; fn: string; args: FilterNode[] }
  | { kind: "not"; operand: FilterNode }
  | { kind: "binary"; op: BinaryOp; left: FilterNode; right: FilterNode };

export type BinaryOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "and" | "or";

export class FilterSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FilterSyntaxError";
  }
}

type Token =
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "typed"; type: string; v: string }
  | { t: "ident"; v: string }
  | { t: "("; v: "(" }
  | { t: ")"; v: ")" }
  | { t: ","; v: "," };

const FUNCTIONS = new Set(["substringof", "startswith", "endswith", "tolower", "toupper", "trim", "length"]);
const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    // at opening quote; '' escapes a quote
    i++;
    let s = "";
    for (;;) {
      if (i >= src.length) throw new FilterSyntaxError("unterminated string literal");
      const c = src[i]!;
      if (c === "'") {
        if (src[i + 1] === "'") {
          s += "'";
          i += 2;
          continue;
        }
        i++;
        return s;
      }
      s += c;
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === " " || c === "\t" || c === "\n") {
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      out.push({ t: c, v: c } as Token);
      i++;
    } else if (c === "'") {
      out.push({ t: "str", v: readQuoted() });
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/.exec(src.slice(i));
      if (!m) throw new FilterSyntaxError(`unexpected '${c}' at ${i}`);
      out.push({ t: "num", v: Number(m[0].replace(/[mMdDfFlL]$/, "")) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_/.]*/.exec(src.slice(i))!;
      i += m[0].length;
      const word = m[0];
      if (src[i] === "'" && /^(datetime|datetimeoffset|guid|time|binary|X)$/.test(word)) {
        out.push({ t: "typed", type: word, v: readQuoted() });
      } else {
        out.push({ t: "ident", v: word });
      }
    } else {
      throw new FilterSyntaxError(`unexpected character '${c}' at position ${i}`);
    }
  }
  return out;
}

export function parseFilter(src: string): FilterNode {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (w: string) => {
    const t = peek();
    return t?.t === "ident" && t.v === w;
  };
  const expect = (t: Token["t"]) => {
    const tok = tokens[pos];
    if (tok?.t !== t) throw new FilterSyntaxError(`expected '${t}' at token ${pos}`);
    pos++;
  };

  const parseOr = (): FilterNode => {
    let left = parseAnd();
    while (isWord("or")) {
      pos++;
      left = { kind: "binary", op: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterNode => {
    let left = parseNot();
    while (isWord("and")) {
      pos++;
      left = { kind: "binary", op: "and", left, right: parseNot() };
    }
    return left;
  };
  const parseNot = (): FilterNode => {
    if (isWord("not")) {
      pos++;
      return { kind: "not", operand: parseNot() };
    }
    return parseComparison();
  };
  const parseComparison = (): FilterNode => {
    const left = parsePrimary();
    const t = peek();
    if (t?.t === "ident" && COMPARISONS.has(t.v)) {
      pos++;
      return { kind: "binary", op: t.v as BinaryOp, left, right: parsePrimary() };
    }
    return left;
  };
  const parsePrimary = (): FilterNode => {
    const t = tokens[pos++];
    if (!t) throw new FilterSyntaxError("unexpected end of expression");
    switch (t.t) {
      case "(": {
        const inner = parseOr();
        expect(")");
        return inner;
      }
      case "str":
        return { kind: "literal", value: t.v };
      case "num":
        return { kind: "literal", value: t.v };
      case "typed":
        return { kind: "literal", value: typedLiteral(t.type, t.v) };
      case "ident": {
        if (t.v === "true" || t.v === "false") return { kind: "literal", value: t.v === "true" };
        if (t.v === "null") return { kind: "literal", value: null };
        if (peek()?.t === "(") {
          if (!FUNCTIONS.has(t.v)) throw new FilterSyntaxError(`unknown function '${t.v}'`);
          pos++;
          const args: FilterNode[] = [];
          if (peek()?.t !== ")") {
            args.push(parseOr());
            while (peek()?.t === ",") {
              pos++;
              args.push(parseOr());
            }
          }
          expect(")");
          return { kind: "call", fn: t.v, args };
        }
        if (COMPARISONS.has(t.v) || t.v === "and" || t.v === "or") {
          throw new FilterSyntaxError(`operator '${t.v}' without left operand`);
        }
        return { kind: "property", name: t.v };
      }
      default:
        throw new FilterSyntaxError(`unexpected '${t.v}'`);
    }
  };

  const node = parseOr();
  if (pos < tokens.length) throw new FilterSyntaxError(`unexpected token '${String(tokens[pos]?.v)}'`);
  return node;
}

function typedLiteral(type: string, raw: string): FilterValue {
  if (type === "datetime" || type === "datetimeoffset") {
    // datetime'2024-01-31T00:00:00' is UTC in SAP's reading; add Z when no zone is given
    const iso = type === "datetime" && !/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? `${raw}Z` : raw;
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new FilterSyntaxError(`invalid ${type} literal '${raw}'`);
    return ms;
  }
  return raw;
}

/** Properties referenced anywhere in the expression (for validation against the model). */
export function filterProperties(node: FilterNode, out: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case "property":
      out.add(node.name);
      break;
    case "call":
      for (const a of node.args) filterProperties(a, out);
      break;
    case "not":
      filterProperties(node.operand, out);
      break;
    case "binary":
      filterProperties(node.left, out);
      filterProperties(node.right, out);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Reads a property as a comparable value: the store keeps dates as epoch ms and decimals as
 * strings, so the caller supplies a reader that normalises (decimal → number).
 */
export type PropertyReader = (row: Record<string, unknown>, name: string) => FilterValue;

export function evaluateFilter(
  node: FilterNode,
  row: Record<string, unknown>,
  read: PropertyReader,
): FilterValue {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "property":
      return read(row, node.name);
    case "not":
      return !truthy(evaluateFilter(node.operand, row, read));
    case "call": {
      const args = node.args.map((a) => evaluateFilter(a, row, read));
      const s = (v: FilterValue) => (v === null ? "" : String(v));
      switch (node.fn) {
        case "substringof":
          return s(args[1] ?? null).includes(s(args[0] ?? null));
        case "startswith":
          return s(args[0] ?? null).startsWith(s(args[1] ?? null));
        case "endswith":
          return s(args[0] ?? null).endsWith(s(args[1] ?? null));
        case "tolower":
          return s(args[0] ?? null).toLowerCase();
        case "toupper":
          return s(args[0] ?? null).toUpperCase();
        case "trim":
          return s(args[0] ?? null).trim();
        case "length":
          return s(args[0] ?? null).length;
        default:
          throw new FilterSyntaxError(`unknown function '${node.fn}'`);
      }
    }
    case "binary": {
      if (node.op === "and") {
        return truthy(evaluateFilter(node.left, row, read)) && truthy(evaluateFilter(node.right, row, read));
      }
      if (node.op === "or") {
        return truthy(evaluateFilter(node.left, row, read)) || truthy(evaluateFilter(node.right, row, read));
      }
      const l = evaluateFilter(node.left, row, read);
      const r = evaluateFilter(node.right, row, read);
      return compare(node.op, l, r);
    }
  }
}

function truthy(v: FilterValue): boolean {
  return v === true;
}

function compare(op: BinaryOp, l: FilterValue, r: FilterValue): boolean {
  if (op === "eq") return looseEqual(l, r);
  if (op === "ne") return !looseEqual(l, r);
  if (l === null || r === null) return false;
  const [a, b] =
    typeof l === "number" || typeof r === "number" ? [Number(l), Number(r)] : [String(l), String(r)];
  switch (op) {
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    default:
      return false;
  }
}

function looseEqual(l: FilterValue, r: FilterValue): boolean {
  if (l === null || r === null) return l === r;
  if (typeof l === "number" || typeof r === "number") return Number(l) === Number(r);
  return l === r;
}

/**
 * The equality constraints a filter pins down at top level (`A eq 'x' and B eq 'y'`), so a
 * table can answer from an index instead of scanning 100k generated rows.
 */
export function equalityConstraints(node: FilterNode): Record<string, FilterValue> {
  const out: Record<string, FilterValue> = {};
  const walk = (n: FilterNode) => {
    if (n.kind === "binary" && n.op === "and") {
      walk(n.left);
      walk(n.right);
    } else if (n.kind === "binary" && n.op === "eq") {
      if (n.left.kind === "property" && n.right.kind === "literal") out[n.left.name] = n.right.value;
      else if (n.right.kind === "property" && n.left.kind === "literal") out[n.right.name] = n.left.value;
    }
  };
  walk(node);
  return out;
}

/**
 * A top-level conjunct that pins one property to a few values (`P eq 'a' or P eq 'b' …`, how
 * V2 spells `in`), so a table can answer from its index once per value instead of scanning:
 * the price lookup of a resync page names 40 materials this way.
 */
export function anyOfConstraint(node: FilterNode): { property: string; values: FilterValue[] } | undefined {
  if (node.kind === "binary" && node.op === "and")
    return anyOfConstraint(node.left) ?? anyOfConstraint(node.right);
  if (node.kind !== "binary" || node.op !== "or") return undefined;
  let property: string | undefined;
  const values: FilterValue[] = [];
  const walk = (n: FilterNode): boolean => {
    if (n.kind === "binary" && n.op === "or") return walk(n.left) && walk(n.right);
    if (n.kind !== "binary" || n.op !== "eq") return false;
    const [p, l] =
      n.left.kind === "property" && n.right.kind === "literal"
        ? [n.left.name, n.right.value]
        : n.right.kind === "property" && n.left.kind === "literal"
          ? [n.right.name, n.left.value]
          : [undefined, null];
    if (p === undefined || (property !== undefined && p !== property)) return false;
    property = p;
    values.push(l);
    return true;
  };
  return walk(node) && property !== undefined ? { property, values } : undefined;
}

/**
 * The lowest value of `property` a row matching the filter can have: `P gt v` → after v,
 * `P ge v` and `P eq v` → from v; an `and` takes the higher of its sides' bounds, an `or` the
 * lower (and needs both). What a keyset page's cursor filter (`(K gt v) or (K eq v and K2 gt
 * w) …`) says about where to start walking an index on K. `compare` orders two values.
 */
export function lowerBound(
  node: FilterNode,
  property: string,
  compare: (a: FilterValue, b: FilterValue) => number,
): { value: FilterValue; exclusive: boolean } | undefined {
  if (node.kind !== "binary") return undefined;
  if (node.op === "and" || node.op === "or") {
    const l = lowerBound(node.left, property, compare);
    const r = lowerBound(node.right, property, compare);
    if (node.op === "and" && (!l || !r)) return l ?? r;
    if (!l || !r) return undefined;
    const c = compare(l.value, r.value);
    const [hi, lo] = c > 0 || (c === 0 && l.exclusive) ? [l, r] : [r, l];
    return node.op === "and" ? hi : lo;
  }
  const flipped: Partial<Record<BinaryOp, BinaryOp>> = { gt: "lt", ge: "le", lt: "gt", le: "ge", eq: "eq" };
  const [op, p, v] =
    node.left.kind === "property" && node.right.kind === "literal"
      ? [node.op, node.left.name, node.right.value]
      : node.right.kind === "property" && node.left.kind === "literal"
        ? [flipped[node.op], node.right.name, node.left.value]
        : [undefined, undefined, null];
  if (p !== property || (typeof v !== "string" && typeof v !== "number")) return undefined;
  if (op === "gt") return { value: v, exclusive: true };
  if (op === "ge" || op === "eq") return { value: v, exclusive: false };
  return undefined;
}
