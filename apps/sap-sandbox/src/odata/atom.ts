import type { ModelEntityType, ServiceModel } from "../model/model";

/**
 * The two answer formats of SAP Gateway's OData V2. Gateway answers Atom/XML unless the request
 * asks for JSON (`$format=json`, or `application/json` in `Accept`); `$format=atom|xml` asks for
 * Atom explicitly.
 */
export type ODataFormat = "json" | "atom";

/** The format a request asks for; `$format` wins over `Accept`, as in Gateway. */
export function formatOf(accept: string | undefined, $format: string | undefined): ODataFormat {
  if ($format === "json") return "json";
  if ($format === "atom" || $format === "xml") return "atom";
  const wanted = (accept ?? "")
    .split(",")
    .map((m) => m.trim().toLowerCase())
    .filter((m) => !/;\s*q=0(\.0*)?$/.test(m));
  return wanted.some((m) => m.startsWith("application/json")) ? "json" : "atom";
}

const NS_ATOM = "http://www.w3.org/2005/Atom";
const NS_M = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
const NS_D = "http://schemas.microsoft.com/ado/2007/08/dataservices";
const REL = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/";
const SCHEME = "http://schemas.microsoft.com/ado/2007/08/dataservices/scheme";
const DECL = '<?xml version="1.0" encoding="utf-8"?>';

export const AtomTypes = {
  feed: "application/atom+xml;type=feed; charset=utf-8",
  entry: "application/atom+xml;type=entry; charset=utf-8",
  service: "application/atomsvc+xml; charset=utf-8",
  xml: "application/xml; charset=utf-8",
} as const;

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A JSON wire value (`/Date(ms)/`, numbers, booleans, strings) as Atom writes it. */
function atomValue(type: string | undefined, v: unknown): string {
  if (type === "Edm.DateTime" || type === "Edm.DateTimeOffset") {
    const ms = /^\/Date\((-?\d+)/.exec(String(v))?.[1];
    if (ms === undefined) return String(v);
    const iso = new Date(Number(ms)).toISOString().replace(/\.000Z$/, "Z");
    return type === "Edm.DateTime" ? iso.replace(/Z$/, "") : iso;
  }
  return String(v);
}

function properties(type: ModelEntityType | undefined, entity: Json, indent: string): string {
  const lines: string[] = [];
  for (const [name, v] of Object.entries(entity)) {
    if (name === "__metadata" || type?.navigations.has(name)) continue;
    const p = type?.propertyByName.get(name);
    const typeAttr = p && p.type !== "Edm.String" ? ` m:type="${p.type}"` : "";
    if (v === null || v === undefined) lines.push(`${indent}<d:${name}${typeAttr} m:null="true"/>`);
    else if (isObject(v)) lines.push(`${indent}<d:${name}>${properties(undefined, v, "")}</d:${name}>`);
    else lines.push(`${indent}<d:${name}${typeAttr}>${xmlEscape(atomValue(p?.type, v))}</d:${name}>`);
  }
  return lines.join("\n");
}

/** Path of an entity below the service root (`A_Product('TG11')`), from its JSON uri. */
function relative(uri: string, serviceRoot: string): string {
  return uri.startsWith(serviceRoot) ? uri.slice(serviceRoot.length) : uri;
}

class AtomWriter {
  private readonly updated = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

  constructor(
    private readonly model: ServiceModel,
    private readonly serviceRoot: string,
  ) {}

  entry(entity: Json, root: boolean): string {
    const meta = isObject(entity.__metadata) ? entity.__metadata : {};
    const id = String(meta.id ?? meta.uri ?? "");
    const href = relative(String(meta.uri ?? id), this.serviceRoot);
    const typeName = String(meta.type ?? "");
    const type = this.model.entityTypes.get(typeName);
    const etag = typeof meta.etag === "string" ? ` m:etag="${xmlEscape(meta.etag)}"` : "";
    const links = [...(type?.navigations.values() ?? [])]
      .filter((nav) => nav.name in entity)
      .map((nav) => {
        const value = entity[nav.name];
        const attrs = `href="${xmlEscape(`${href}/${nav.name}`)}" rel="${REL}${nav.name}" type="application/atom+xml;type=${nav.toMany ? "feed" : "entry"}" title="${nav.name}"`;
        if (isObject(value) && "__deferred" in value) return `<link ${attrs}/>`;
        if (value === null) return `<link ${attrs}><m:inline/></link>`;
        const inline =
          isObject(value) && Array.isArray(value.results)
            ? this.feed(value, `${href}/${nav.name}`, nav.name, false)
            : isObject(value)
              ? this.entry(value, false)
              : "";
        return `<link ${attrs}><m:inline>${inline}</m:inline></link>`;
      });
    return [
      `<entry${root ? this.namespaces() : ""}${etag}>`,
      `<id>${xmlEscape(id)}</id>`,
      `<title type="text">${xmlEscape(href)}</title>`,
      `<updated>${this.updated}</updated>`,
      `<category term="${xmlEscape(typeName)}" scheme="${SCHEME}"/>`,
      `<link href="${xmlEscape(href)}" rel="edit" title="${xmlEscape(type?.name ?? typeName)}"/>`,
      ...links,
      `<content type="application/xml"><m:properties>`,
      properties(type, entity, ""),
      `</m:properties></content>`,
      `</entry>`,
    ].join("\n");
  }

  feed(d: Json, path: string, title: string, root: boolean): string {
    const results = Array.isArray(d.results) ? d.results.filter(isObject) : [];
    const out = [
      `<feed${root ? this.namespaces() : ""}>`,
      `<id>${xmlEscape(this.serviceRoot + path)}</id>`,
      `<title type="text">${xmlEscape(title)}</title>`,
      `<updated>${this.updated}</updated>`,
      `<author><name/></author>`,
      `<link href="${xmlEscape(path)}" rel="self" title="${xmlEscape(title)}"/>`,
    ];
    if (d.__count !== undefined) out.push(`<m:count>${xmlEscape(String(d.__count))}</m:count>`);
    for (const e of results) out.push(this.entry(e, false));
    if (typeof d.__next === "string") out.push(`<link href="${xmlEscape(d.__next)}" rel="next"/>`);
    out.push("</feed>");
    return out.join("\n");
  }

  private namespaces(): string {
    return ` xml:base="${xmlEscape(this.serviceRoot)}" xmlns="${NS_ATOM}" xmlns:m="${NS_M}" xmlns:d="${NS_D}"`;
  }
}

/**
 * An OData V2 JSON answer (`{ d: … }`, as the handler builds it) in Atom: a feed for a
 * collection, an entry for one entity, the AtomPub service document for the service root, and
 * plain OData XML for anything else (a function import's complex result).
 */
export function toAtom(
  body: unknown,
  model: ServiceModel,
  serviceRoot: string,
  path: string,
): { text: string; contentType: string } {
  const d = isObject(body) && isObject(body.d) ? body.d : {};
  const writer = new AtomWriter(model, serviceRoot);
  if (Array.isArray(d.EntitySets)) {
    const collections = d.EntitySets.map(
      (s) =>
        `<app:collection href="${xmlEscape(String(s))}"><atom:title>${xmlEscape(String(s))}</atom:title></app:collection>`,
    );
    return {
      contentType: AtomTypes.service,
      text: `${DECL}\n<app:service xml:base="${xmlEscape(serviceRoot)}" xmlns:app="http://www.w3.org/2007/app" xmlns:atom="${NS_ATOM}"><app:workspace><atom:title type="text">Data</atom:title>${collections.join("")}</app:workspace></app:service>`,
    };
  }
  if (Array.isArray(d.results)) {
    const title = path.split("/").at(-1)?.replace(/\(.*$/, "") ?? path;
    return { contentType: AtomTypes.feed, text: `${DECL}\n${writer.feed(d, path, title, true)}` };
  }
  if (isObject(d.__metadata))
    return { contentType: AtomTypes.entry, text: `${DECL}\n${writer.entry(d, true)}` };
  const [name, value] = Object.entries(d)[0] ?? ["d", {}];
  const inner = isObject(value) ? properties(undefined, value, "") : xmlEscape(String(value));
  return {
    contentType: AtomTypes.xml,
    text: `${DECL}\n<d:${name} xmlns:d="${NS_D}" xmlns:m="${NS_M}">${inner}</d:${name}>`,
  };
}

/** SAP Gateway's error body (`{ error: … }`) as the XML error Gateway sends without JSON. */
export function errorToXml(body: { error: Json }): string {
  const element = (name: string, v: unknown): string => {
    if (Array.isArray(v)) {
      const one = name.replace(/s$/, "");
      return `<${name}>${v.map((x) => element(one, x)).join("")}</${name}>`;
    }
    if (isObject(v)) {
      if (name === "message" && "value" in v)
        return `<message xml:lang="${xmlEscape(String(v.lang ?? "en"))}">${xmlEscape(String(v.value))}</message>`;
      return `<${name}>${Object.entries(v)
        .map(([k, x]) => element(k, x))
        .join("")}</${name}>`;
    }
    return `<${name}>${xmlEscape(String(v ?? ""))}</${name}>`;
  };
  const inner = Object.entries(body.error)
    .map(([k, v]) => element(k, v))
    .join("");
  return `${DECL}\n<error xmlns="${NS_M}">${inner}</error>`;
}
