import { SapErrors } from "./errors";

/** One segment of a resource path: `A_SalesOrder('1')`, `to_Item`, `$count`. */
export interface PathSegment {
  name: string;
  /** Key predicate values: positional (`('1')` → {"": "1"}) or named. */
  key?: Record<string, string | number>;
}

export function parseResourcePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const m = /^[A-Za-z_$][A-Za-z0-9_]*/.exec(path.slice(i));
    if (!m) throw SapErrors.resourceNotFound(path);
    const seg: PathSegment = { name: m[0] };
    i += m[0].length;
    if (path[i] === "(") {
      const { key, end } = parseKeyPredicate(path, i);
      if (Object.keys(key).length > 0) seg.key = key;
      i = end;
    }
    segments.push(seg);
    if (i < path.length) {
      if (path[i] !== "/") throw SapErrors.resourceNotFound(path);
      i++;
    }
  }
  return segments;
}

function parseKeyPredicate(
  path: string,
  start: number,
): { key: Record<string, string | number>; end: number } {
  const key: Record<string, string | number> = {};
  let i = start + 1;
  const bad = () => SapErrors.badQuery(`Invalid key predicate in '${path}'`);
  while (i < path.length && path[i] !== ")") {
    let name = "";
    const nm = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(path.slice(i));
    if (nm?.[1]) {
      name = nm[1];
      i += nm[0].length;
    }
    const typed = /^(datetime|datetimeoffset|guid|time)'/.exec(path.slice(i));
    let value: string | number;
    if (typed || path[i] === "'") {
      const type = typed?.[1];
      if (typed) i += typed[0].length - 1;
      i++;
      let s = "";
      for (;;) {
        if (i >= path.length) throw bad();
        if (path[i] === "'") {
          if (path[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += path[i];
        i++;
      }
      if (type === "datetime" || type === "datetimeoffset") {
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
        if (Number.isNaN(ms)) throw bad();
        value = ms;
      } else {
        value = s;
      }
    } else {
      const num = /^-?\d+(\.\d+)?[mMdDlL]?/.exec(path.slice(i));
      if (!num) throw bad();
      value = Number(num[0].replace(/[mMdDlL]$/, ""));
      i += num[0].length;
    }
    key[name] = value;
    if (path[i] === ",") i++;
  }
  if (path[i] !== ")") throw bad();
  return { key, end: i + 1 };
}
