import type { ModelEntitySet, ModelProperty, ServiceModel } from "../model/model";
import { type SalesOrders, SO } from "../orders/sales-orders";
import type { SandboxStore } from "../store/store";
import type { Row, Table } from "../store/table";
import { convertedInput, convertFilterInput } from "./conversion-exits";
import { SapError, SapErrors } from "./errors";
import {
  anyOfConstraint,
  equalityConstraints,
  evaluateFilter,
  type FilterValue,
  filterProperties,
  lowerBound,
} from "./filter";
import { parseQueryOptions, type QueryOptions } from "./query";
import { type PathSegment, parseResourcePath } from "./resource";
import { entityEtag, type SerializeContext, serializeEntity } from "./serialize";

export interface ODataRequest {
  method: string;
  service: string;
  /** Resource path after the service root, without query string (`A_Product('TG11')`). */
  path: string;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  body?: unknown;
  /** Absolute service root URL, ending in '/'. */
  serviceRoot: string;
}

export interface ODataResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** Raw text body (e.g. $count, $metadata); `body` is JSON otherwise. */
  text?: string;
  /** Raw binary body (a media resource's `$value`). */
  bytes?: Buffer;
}

const DEFAULT_PAGE_SIZE = 1000;
/** Sorted results worth keeping for the next page: only big ones, and only a few. */
const CACHE_MIN_ROWS = 2000;
const CACHE_ENTRIES = 8;
const CV = "API_CV_ATTACHMENT_SRV";

/** Serves the entity sets of all sandbox services from the store, framework-independent. */
export class ODataHandler {
  private readonly resultCache = new Map<string, { version: number; keys: Record<string, unknown>[] }>();
  /** Sorted indexes of a set by one property (keyOrdered), while the table is unchanged. */
  private readonly sortIndex = new Map<
    string,
    { version: number; values: FilterValue[]; keys: Record<string, unknown>[] }
  >();

  constructor(
    readonly store: SandboxStore,
    private readonly models: Map<string, ServiceModel>,
    private readonly orders: SalesOrders,
    private readonly pageSize = DEFAULT_PAGE_SIZE,
    /** Content of an attachment original (the product image), from its row. */
    private readonly media?: (original: Row) => string | Buffer,
  ) {}

  handle(req: ODataRequest): ODataResponse {
    const model = this.models.get(req.service);
    if (!model) throw SapErrors.resourceNotFound(req.service);
    const segments = parseResourcePath(req.path);
    const first = segments[0];
    if (!first) throw SapErrors.resourceNotFound(req.path);
    const method =
      req.method === "POST" && req.headers["x-http-method"]
        ? String(req.headers["x-http-method"]).toUpperCase()
        : req.method;
    switch (method) {
      case "GET":
      case "HEAD":
        return this.read(model, req, segments);
      case "POST":
        return this.create(model, req, segments);
      case "PATCH":
      case "MERGE":
      case "PUT":
        return this.update(model, req, segments);
      case "DELETE":
        return this.remove(model, req, segments);
      default:
        throw SapErrors.methodNotAllowed(`Method ${method} is not supported`);
    }
  }

  private ctx(model: ServiceModel, req: ODataRequest): SerializeContext {
    return {
      baseUrl: req.serviceRoot,
      model,
      navigate: (set, row, nav) => this.navigate(model, set, row, nav),
      etag: (set, row) => this.etag(model, set, row),
    };
  }

  /** Items carry the header's ETag: SAP versions a sales order as a whole. */
  etag(model: ServiceModel, set: ModelEntitySet, row: Row): string | undefined {
    if (model.service === SO && set.name === "A_SalesOrderItem") {
      const header = this.store.table(SO, "A_SalesOrder").get({ SalesOrder: row.SalesOrder });
      const headerSet = model.entitySets.get("A_SalesOrder");
      return header && headerSet ? entityEtag(headerSet.type, header) : undefined;
    }
    return entityEtag(set.type, row);
  }

  private navigate(model: ServiceModel, set: ModelEntitySet, row: Row, navName: string) {
    const nav = set.type.navigations.get(navName);
    if (!nav) throw SapErrors.resourceNotFound(navName);
    const target = model.setForType(nav.targetType);
    if (!target) throw SapErrors.resourceNotFound(navName);
    const eq: Record<string, unknown> = {};
    for (const k of target.type.keys) if (set.type.propertyByName.has(k)) eq[k] = row[k];
    if (Object.keys(eq).length === 0) return { set: target, rows: [], toMany: nav.toMany };
    const rows = [...this.store.table(model.service, target.name).where(eq)];
    return { set: target, rows: nav.toMany ? rows : rows.slice(0, 1), toMany: nav.toMany };
  }

  /** Resolves a path to either one entity or a collection (with the set it belongs to). */
  private resolve(model: ServiceModel, segments: PathSegment[]) {
    const [first, ...rest] = segments;
    if (!first) throw SapErrors.resourceNotFound("");
    const set = model.entitySets.get(first.name);
    if (!set) throw SapErrors.resourceNotFound(first.name);
    let current: { set: ModelEntitySet; single?: Row; rows?: Iterable<Row>; toMany: boolean } = {
      set,
      toMany: true,
      rows: this.store.table(model.service, set.name).scan(),
    };
    if (first.key) current = { set, toMany: false, single: this.byKey(model, set, first.key, first.name) };
    let count = false;
    for (const seg of rest) {
      if (seg.name === "$count") {
        count = true;
        continue;
      }
      if (count) throw SapErrors.resourceNotFound(seg.name);
      if (!current.single) throw SapErrors.resourceNotFound(seg.name);
      const nav = this.navigate(model, current.set, current.single, seg.name);
      if (nav.toMany && !seg.key) {
        current = { set: nav.set, toMany: true, rows: nav.rows };
      } else {
        let row = nav.rows[0];
        if (seg.key) {
          const keyed = this.keyValues(nav.set, seg.key);
          row = nav.rows.find((r) => nav.set.type.keys.every((k) => String(r[k]) === String(keyed[k])));
        }
        if (!row) throw SapErrors.resourceNotFound(seg.name);
        current = { set: nav.set, toMany: false, single: row };
      }
    }
    return { ...current, count };
  }

  private keyValues(
    set: ModelEntitySet,
    key: Record<string, string | number>,
  ): Record<string, string | number> {
    const keys = set.type.keys;
    if ("" in key) {
      if (keys.length !== 1)
        throw SapErrors.badQuery(`Entity set ${set.name} has a composite key; name each key property`);
      const only = keys[0] ?? "";
      return { [only]: convertedInput(only, key[""] ?? "") };
    }
    for (const k of keys)
      if (!(k in key)) throw SapErrors.badQuery(`Key property ${k} of ${set.name} is missing`);
    return Object.fromEntries(Object.entries(key).map(([k, v]) => [k, convertedInput(k, v)]));
  }

  private byKey(
    model: ServiceModel,
    set: ModelEntitySet,
    key: Record<string, string | number>,
    segment: string,
  ): Row {
    const row = this.store.table(model.service, set.name).get(this.keyValues(set, key));
    if (!row) throw SapErrors.resourceNotFound(segment);
    return row;
  }

  private read(model: ServiceModel, req: ODataRequest, segments: PathSegment[]): ODataResponse {
    const fn = model.service === CV && segments.length === 1 ? segments[0]?.name : undefined;
    if (fn === "GetAllOriginals" || fn === "GetAttachmentCount")
      return this.attachmentFunction(model, req, fn);
    if (segments.at(-1)?.name === "$value") return this.mediaValue(model, segments.slice(0, -1));
    const opts = parseQueryOptions(req.query);
    if (opts.filter) opts.filter = convertFilterInput(opts.filter);
    const target = this.resolve(model, segments);
    this.checkOptions(model, target.set, opts);
    const ctx = this.ctx(model, req);
    if (target.single) {
      if (target.count) return { status: 200, headers: { "content-type": "text/plain" }, text: "1" };
      const body = serializeEntity(ctx, target.set, target.single, opts.select, opts.expand);
      const headers: Record<string, string> = {};
      const etag = this.etag(model, target.set, target.single);
      if (etag) headers.etag = etag;
      return { status: 200, headers, body: { d: body } };
    }
    const isRootSet = segments.length === 1 || (segments.length === 2 && target.count);
    const seek = isRootSet && opts.filter ? this.indexed(model, target.set, opts) : undefined;
    // A page in `$orderby` order from a root set no equality narrows (keyset paging): walked
    // along a sorted index from the filter's lower bound, as SAP's database reads an index.
    const keyOrder =
      isRootSet && !seek && !target.count && !opts.inlinecount && this.keyOrdered(model, target.set, opts);
    if (keyOrder) {
      const { page, nextSkip } = this.queryInKeyOrder(target.set, keyOrder, opts);
      return this.collection(ctx, req, target.set, opts, page, 0, nextSkip);
    }
    const source = isRootSet
      ? (seek ?? this.store.table(model.service, target.set.name).scan())
      : (target.rows ?? []);
    const cacheKey = isRootSet
      ? `${model.service}/${target.set.name}|${req.query.$filter ?? ""}|${req.query.$orderby ?? ""}`
      : undefined;
    const table = this.store.table(model.service, target.set.name);
    const { page, total, nextSkip } = this.query(
      target.set,
      source,
      opts,
      target.count,
      cacheKey ? { key: cacheKey, table } : undefined,
    );
    if (target.count) return { status: 200, headers: { "content-type": "text/plain" }, text: String(total) };
    return this.collection(ctx, req, target.set, opts, page, total, nextSkip);
  }

  /** A collection's answer: the page's entities, the count when asked for, the next link. */
  private collection(
    ctx: SerializeContext,
    req: ODataRequest,
    set: ModelEntitySet,
    opts: QueryOptions,
    page: Row[],
    total: number,
    nextSkip: number | undefined,
  ): ODataResponse {
    const d: Record<string, unknown> = {};
    if (opts.inlinecount) d.__count = String(total);
    d.results = page.map((r) => serializeEntity(ctx, set, r, opts.select, opts.expand));
    if (nextSkip !== undefined) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(req.query)) if (v !== undefined && k !== "$skiptoken") q.set(k, v);
      q.set("$skiptoken", String(nextSkip));
      d.__next = `${req.serviceRoot}${req.path}?${q.toString().replace(/%24/g, "$").replace(/%2C/g, ",")}`;
    }
    return { status: 200, headers: {}, body: { d } };
  }

  /** The attachment service's GET function imports, which is how SAP clients list originals. */
  private attachmentFunction(model: ServiceModel, req: ODataRequest, fn: string): ODataResponse {
    const param = (name: string) => {
      const raw = req.query[name];
      return raw === undefined ? undefined : raw.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    };
    const key = param("LinkedSAPObjectKey");
    if (!key) throw SapErrors.badQuery("Function import parameter LinkedSAPObjectKey is missing");
    const eq: Record<string, string> = { LinkedSAPObjectKey: key };
    const bo = param("BusinessObjectTypeName");
    if (bo) eq.BusinessObjectTypeName = bo;
    const rows = [...this.store.table(CV, "AttachmentContentSet").where(eq)];
    if (fn === "GetAttachmentCount")
      return {
        status: 200,
        headers: {},
        body: { d: { GetAttachmentCount: { AttachmentCount: rows.length } } },
      };
    const set = model.entitySets.get("AttachmentContentSet");
    if (!set) throw SapErrors.resourceNotFound("AttachmentContentSet");
    const ctx = this.ctx(model, req);
    return {
      status: 200,
      headers: {},
      body: { d: { results: rows.map((r) => serializeEntity(ctx, set, r, undefined, [])) } },
    };
  }

  /** `$value` of an attachment: the generated image bytes. */
  private mediaValue(model: ServiceModel, segments: PathSegment[]): ODataResponse {
    const target = this.resolve(model, segments);
    if (!target.single || model.service !== CV || target.set.name !== "AttachmentContentSet" || !this.media) {
      throw SapErrors.badQuery("$value is only available for attachment originals");
    }
    const content = this.media(target.single);
    const headers = { "content-type": String(target.single.MimeType ?? "application/octet-stream") };
    return typeof content === "string"
      ? { status: 200, headers, text: content }
      : { status: 200, headers, bytes: content };
  }

  /**
   * Uses the table's index when the filter pins key properties with `eq`, or names a few values
   * of an indexed property (`P eq 'a' or P eq 'b'`: one lookup per value). The caller still
   * evaluates the whole filter on what comes back.
   */
  private indexed(model: ServiceModel, set: ModelEntitySet, opts: QueryOptions): Iterable<Row> | undefined {
    const table: Table = this.store.table(model.service, set.name);
    if (!opts.filter) return undefined;
    const eq = equalityConstraints(opts.filter);
    const usable = Object.fromEntries(Object.entries(eq).filter(([, v]) => typeof v === "string"));
    const any = anyOfConstraint(opts.filter);
    if (any && !table.seeks(usable)) {
      const values = [...new Set(any.values)];
      const property = any.property;
      if (
        values.length > 0 &&
        values.every((v) => typeof v === "string" && table.seeks({ ...usable, [property]: v }))
      ) {
        return (function* () {
          for (const v of values) yield* table.where({ ...usable, [property]: v });
        })();
      }
    }
    return Object.keys(usable).length > 0 && table.seeks(usable) ? table.where(usable) : undefined;
  }

  /**
   * The set's rows in `$orderby`'s first property's order, from where the filter's lower bound
   * on it starts (a keyset cursor), for a root-set read with no count: walked along a sorted
   * index of that property (built once per table version), as SAP's database reads an index or
   * sorted column, so a page costs its rows, not the set. Undefined: no `$orderby`.
   */
  private keyOrdered(
    model: ServiceModel,
    set: ModelEntitySet,
    opts: QueryOptions,
  ): Iterable<Row> | undefined {
    const [by] = opts.orderby;
    if (!by || by.desc) return undefined;
    const table = this.store.table(model.service, set.name);
    const prop = set.type.propertyByName.get(by.property);
    const id = `${model.service}/${set.name}|${by.property}`;
    let index = this.sortIndex.get(id);
    if (index?.version !== table.version) {
      const entries = [...table.scan()].map((r) => ({
        value: readValue(prop, r[by.property]),
        key: Object.fromEntries(set.type.keys.map((k) => [k, r[k]])),
      }));
      entries.sort((a, b) => compareValues(a.value, b.value));
      index = {
        version: table.version,
        values: entries.map((e) => e.value),
        keys: entries.map((e) => e.key),
      };
      this.sortIndex.set(id, index);
      if (this.sortIndex.size > CACHE_ENTRIES)
        this.sortIndex.delete(this.sortIndex.keys().next().value ?? "");
    }
    const bound = opts.filter ? lowerBound(opts.filter, by.property, compareValues) : undefined;
    const { values, keys } = index;
    let lo = 0;
    let hi = values.length;
    while (bound && lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareValues(values[mid] ?? null, bound.value);
      if (c > 0 || (c === 0 && !bound.exclusive)) hi = mid;
      else lo = mid + 1;
    }
    return (function* () {
      for (let j = lo; j < keys.length; j++) {
        const row = table.get(keys[j] ?? {});
        if (row) yield row;
      }
    })();
  }

  /**
   * `query` for rows arriving in `$orderby`'s first property's order: reads until the page (and
   * one row past it, to know there is more) is complete and that property's value moves on,
   * sorts what it read by the whole `$orderby`, and stops — never the rest of the set.
   */
  private queryInKeyOrder(set: ModelEntitySet, source: Iterable<Row>, opts: QueryOptions) {
    const type = set.type;
    const read = (row: Record<string, unknown>, name: string): FilterValue =>
      readValue(type.propertyByName.get(name), row[name]);
    const first = opts.orderby[0]?.property ?? "";
    const skip = (opts.skip ?? 0) + (opts.skiptoken ? Number(opts.skiptoken) || 0 : 0);
    const limit =
      opts.top === undefined ? this.pageSize : opts.top - (opts.skiptoken ? Number(opts.skiptoken) || 0 : 0);
    const end = skip + Math.max(0, Math.min(limit, this.pageSize));
    const rows: Row[] = [];
    let last: unknown;
    for (const r of source) {
      const v = read(r, first);
      if (rows.length > end && v !== last) break;
      last = v;
      if (!opts.filter || evaluateFilter(opts.filter, r, read) === true) rows.push(r);
    }
    rows.sort((a, b) => {
      for (const o of opts.orderby) {
        const c = compareValues(read(a, o.property), read(b, o.property));
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
    const hasMore = end < rows.length && (opts.top === undefined || limit > this.pageSize);
    const page = rows.slice(skip, end);
    return { page, nextSkip: hasMore ? skip - (opts.skip ?? 0) + page.length : undefined };
  }

  private checkOptions(model: ServiceModel, set: ModelEntitySet, opts: QueryOptions): void {
    const type = set.type;
    const known = (name: string) => {
      if (!type.propertyByName.has(name)) {
        throw SapErrors.badQuery(`Property ${name} not found in type ${type.qualifiedName}`);
      }
    };
    if (opts.filter) for (const p of filterProperties(opts.filter)) known(p);
    for (const o of opts.orderby) known(o.property);
    for (const path of opts.expand) {
      let t = set;
      for (const nav of path) {
        const n = t.type.navigations.get(nav);
        const next = n ? model.setForType(n.targetType) : undefined;
        if (!next)
          throw SapErrors.badQuery(`Navigation property ${nav} not found in type ${t.type.qualifiedName}`);
        t = next;
      }
    }
    for (const s of opts.select ?? []) {
      const head = s.split("/")[0] ?? "";
      if (head !== "*" && !type.propertyByName.has(head) && !type.navigations.has(head)) {
        throw SapErrors.badQuery(`Property ${head} not found in type ${type.qualifiedName}`);
      }
    }
  }

  /**
   * Filters, sorts and pages. A root-set query that needs every match (sort, count) keeps the
   * sorted keys while the table is unchanged, so paging through 100k products sorts once.
   */
  private query(
    set: ModelEntitySet,
    source: Iterable<Row>,
    opts: QueryOptions,
    countOnly: boolean,
    cache?: { key: string; table: Table },
  ) {
    const type = set.type;
    const read = (row: Record<string, unknown>, name: string): FilterValue =>
      readValue(type.propertyByName.get(name), row[name]);
    const filter = opts.filter;
    const skip = (opts.skip ?? 0) + (opts.skiptoken ? Number(opts.skiptoken) || 0 : 0);
    const limit =
      opts.top === undefined ? this.pageSize : opts.top - (opts.skiptoken ? Number(opts.skiptoken) || 0 : 0);
    const needAll = countOnly || opts.inlinecount || opts.orderby.length > 0;
    let rows: Row[] = [];
    let total = 0;
    let hasMore = false;
    if (needAll) {
      const end = skip + Math.max(0, Math.min(limit, this.pageSize));
      const hit = cache ? this.resultCache.get(cache.key) : undefined;
      if (cache && hit && hit.version === cache.table.version) {
        total = hit.keys.length;
        rows = hit.keys.slice(skip, end).flatMap((k) => {
          const r = cache.table.get(k);
          return r ? [r] : [];
        });
      } else {
        const all: Row[] = [];
        for (const r of source) if (!filter || evaluateFilter(filter, r, read) === true) all.push(r);
        total = all.length;
        if (opts.orderby.length > 0) {
          all.sort((a, b) => {
            for (const o of opts.orderby) {
              const c = compareValues(read(a, o.property), read(b, o.property));
              if (c !== 0) return o.desc ? -c : c;
            }
            return 0;
          });
        }
        if (cache && total > CACHE_MIN_ROWS) {
          const keys = all.map((r) => Object.fromEntries(type.keys.map((k) => [k, r[k]])));
          this.resultCache.delete(cache.key);
          this.resultCache.set(cache.key, { version: cache.table.version, keys });
          if (this.resultCache.size > CACHE_ENTRIES)
            this.resultCache.delete(this.resultCache.keys().next().value ?? "");
        }
        rows = all.slice(skip, end);
      }
      hasMore = end < total && (opts.top === undefined || limit > this.pageSize);
    } else {
      let seen = 0;
      const take = Math.max(0, Math.min(limit, this.pageSize));
      for (const r of source) {
        if (filter && evaluateFilter(filter, r, read) !== true) continue;
        seen++;
        if (seen <= skip) continue;
        if (rows.length < take) rows.push(r);
        else {
          hasMore = opts.top === undefined || limit > this.pageSize;
          break;
        }
      }
      total = seen;
    }
    const nextSkip = hasMore ? skip - (opts.skip ?? 0) + rows.length : undefined;
    return { page: rows, total, nextSkip };
  }

  private create(model: ServiceModel, req: ODataRequest, segments: PathSegment[]): ODataResponse {
    const [first] = segments;
    if (model.service !== SO || segments.length !== 1 || first?.name !== "A_SalesOrder" || first.key) {
      throw SapErrors.methodNotAllowed(`The sandbox does not support creating entities at '${req.path}'`);
    }
    if (typeof req.body !== "object" || req.body === null || Array.isArray(req.body)) {
      throw SapErrors.badPayload("The request body must be a JSON object");
    }
    const { order, expand, messages } = this.orders.createDeep(req.body as Record<string, unknown>);
    const set = model.entitySets.get("A_SalesOrder");
    if (!set) throw SapErrors.resourceNotFound("A_SalesOrder");
    const body = serializeEntity(this.ctx(model, req), set, order, undefined, expand);
    const meta = body.__metadata as { uri: string; etag?: string };
    const headers: Record<string, string> = { location: meta.uri };
    if (meta.etag) headers.etag = meta.etag;
    const [leading, ...rest] = messages;
    if (leading) {
      // Gateway hands a saved document's warnings back in `sap-message`: the first message,
      // the others as its details
      headers["sap-message"] = JSON.stringify({
        code: leading.code,
        message: leading.message,
        target: leading.target ?? "",
        severity: leading.severity ?? "warning",
        details: rest.map((m) => ({
          code: m.code,
          message: m.message,
          target: m.target ?? "",
          severity: m.severity ?? "warning",
        })),
      });
    }
    return { status: 201, headers, body: { d: body } };
  }

  private checkIfMatch(model: ServiceModel, req: ODataRequest, set: ModelEntitySet, row: Row): void {
    const current = this.etag(model, set, row);
    if (!current) return;
    const ifMatch = req.headers["if-match"];
    if (!ifMatch) throw SapErrors.preconditionRequired();
    if (ifMatch.trim() === "*") return;
    const offered = ifMatch.split(",").map((s) => s.trim());
    if (!offered.includes(current)) throw SapErrors.preconditionFailed();
  }

  private update(model: ServiceModel, req: ODataRequest, segments: PathSegment[]): ODataResponse {
    const target = this.resolve(model, segments);
    if (!target.single || target.count) throw SapErrors.methodNotAllowed("Updates address a single entity");
    if (typeof req.body !== "object" || req.body === null)
      throw SapErrors.badPayload("The request body must be a JSON object");
    const body = req.body as Record<string, unknown>;
    if (model.service === SO && target.set.name === "A_SalesOrderItem") {
      this.checkIfMatch(model, req, target.set, target.single);
      this.orders.changeItem(
        {
          SalesOrder: String(target.single.SalesOrder),
          SalesOrderItem: String(target.single.SalesOrderItem),
        },
        body,
      );
    } else if (model.service === SO && target.set.name === "A_SalesOrder") {
      this.checkIfMatch(model, req, target.set, target.single);
      this.orders.changeHeader(String(target.single.SalesOrder), body);
    } else {
      throw SapErrors.methodNotAllowed(`The sandbox does not support updating ${target.set.name}`);
    }
    const after = this.store.table(model.service, target.set.name).get(target.single);
    const headers: Record<string, string> = {};
    const etag = after ? this.etag(model, target.set, after) : undefined;
    if (etag) headers.etag = etag;
    return { status: 204, headers };
  }

  private remove(model: ServiceModel, req: ODataRequest, segments: PathSegment[]): ODataResponse {
    const target = this.resolve(model, segments);
    if (!target.single || model.service !== SO || target.set.name !== "A_SalesOrder") {
      throw SapErrors.methodNotAllowed(`The sandbox does not support deleting at '${req.path}'`);
    }
    this.checkIfMatch(model, req, target.set, target.single);
    this.orders.deleteOrder(String(target.single.SalesOrder));
    return { status: 204, headers: {} };
  }
}

/** A row's property as a comparable filter value, with the model's default when absent. */
export function readValue(p: ModelProperty | undefined, v: unknown): FilterValue {
  if (v === undefined || v === null) {
    if (!p) return null;
    switch (p.type) {
      case "Edm.String":
        return "";
      case "Edm.Decimal":
      case "Edm.Double":
      case "Edm.Int32":
      case "Edm.Int16":
      case "Edm.Int64":
        return 0;
      case "Edm.Boolean":
        return false;
      default:
        return null;
    }
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

function compareValues(a: FilterValue, b: FilterValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export { SapError };
