import {
  type API_BUSINESS_PARTNER,
  API_BUSINESS_PARTNER_MODEL,
  type API_CV_ATTACHMENT_SRV,
  API_CV_ATTACHMENT_SRV_MODEL,
  type API_MATERIAL_STOCK_SRV,
  API_MATERIAL_STOCK_SRV_MODEL,
  type API_PRODUCT_SRV,
  API_PRODUCT_SRV_MODEL,
  type API_SLSPRICINGCONDITIONRECORD_SRV,
  API_SLSPRICINGCONDITIONRECORD_SRV_MODEL,
  type EdmService,
  type Filter,
  f,
  fromWire,
  literal,
  unwrapCollection,
} from "@icp/sap-odata";
import { batchGet } from "./batch";
import { SapError, sapErrorCodeFor } from "./errors";
import { keysetAll, type Page } from "./paging";
import type { SapTransport } from "./transport";

export type { Page } from "./paging";

export type Product = API_PRODUCT_SRV.A_ProductType;
export type PriceValidity = API_SLSPRICINGCONDITIONRECORD_SRV.A_SlsPrcgCndnRecdValidityType;
export type StockRow = API_MATERIAL_STOCK_SRV.A_MatlStkInAcctModType;
export type BusinessPartner = API_BUSINESS_PARTNER.A_BusinessPartnerType;
export type Attachment = API_CV_ATTACHMENT_SRV.AttachmentContent;

/** Which products to read and how much of each. */
export interface ProductRead {
  since?: Date;
  /** Only these products (a targeted read: a drift check, a single-record resync). */
  keys?: readonly string[];
  select?: readonly string[];
  expand?: readonly string[];
  /**
   * `change` (default): oldest change first, so rows changed during the read come again at its
   * end. `key`: by Product, the table's own order — a full read's pages then hold neighbouring
   * keys (what a reader keyed by product looks up together); rows changed behind the cursor are
   * not read again, so the caller must take its next delta from the read's start (SAP's clock).
   */
  order?: "change" | "key";
}

/** Read one page of an entity set with the usual query options and `$inlinecount`. */
async function page<T>(
  t: SapTransport,
  service: string,
  model: EdmService,
  entitySet: string,
  opts: { filter?: Filter; orderby?: string; expand?: string; select?: string; top: number; skip: number },
): Promise<Page<T>> {
  const set = model.entitySets[entitySet];
  if (!set) throw new Error(`${service} has no entity set ${entitySet}`);
  const res = await t.request({
    service,
    method: "GET",
    path: entitySet,
    query: {
      $top: String(opts.top),
      $skip: String(opts.skip),
      $inlinecount: "allpages",
      ...(opts.filter ? { $filter: opts.filter.expr } : {}),
      ...(opts.orderby ? { $orderby: opts.orderby } : {}),
      ...(opts.expand ? { $expand: opts.expand } : {}),
      ...(opts.select ? { $select: opts.select } : {}),
    },
  });
  const c = unwrapCollection(res.json());
  return {
    items: c.results.map((r) => fromWire<T>(model, set.entityType, r)),
    total: c.count ?? c.results.length,
    ...(res.serverTime ? { serverTime: res.serverTime } : {}),
  };
}

function productFilter(opts: ProductRead): Filter | undefined {
  const parts = [
    ...(opts.since ? [f.gt("LastChangeDateTime", opts.since)] : []),
    ...(opts.keys?.length ? [f.anyOf("Product", [...opts.keys])] : []),
  ];
  return parts.length > 1 ? f.and(...parts) : parts[0];
}

export class Products {
  constructor(private readonly t: SapTransport) {}

  /**
   * Products, oldest change first; `since` makes it a delta. By default with all fields,
   * descriptions and sales-delivery data; `select` and `expand` narrow that to what the caller
   * reads (SAP then builds, and the wire carries, only those).
   */
  page(opts: ProductRead & { top: number; skip: number }): Promise<Page<Product>> {
    const filter = productFilter(opts);
    return page<Product>(this.t, "API_PRODUCT_SRV", API_PRODUCT_SRV_MODEL, "A_Product", {
      ...(filter ? { filter } : {}),
      orderby: "LastChangeDateTime,Product",
      expand: (opts.expand ?? ["to_Description", "to_SalesDelivery"]).join(","),
      ...(opts.select ? { select: opts.select.join(",") } : {}),
      top: opts.top,
      skip: opts.skip,
    });
  }

  /**
   * Every product (since a change time), in change order or (`order: "key"`) in key order,
   * continued after the last one read.
   */
  all(opts: ProductRead & { pageSize: number }): AsyncIterable<Page<Product>> {
    const filter = productFilter(opts);
    return keysetAll<Product>(this.t, {
      service: "API_PRODUCT_SRV",
      model: API_PRODUCT_SRV_MODEL,
      entitySet: "A_Product",
      ...(filter ? { filter } : {}),
      order: opts.order === "key" ? ["Product"] : ["LastChangeDateTime", "Product"],
      expand: (opts.expand ?? ["to_Description", "to_SalesDelivery"]).join(","),
      ...(opts.select ? { select: opts.select.join(",") } : {}),
      pageSize: opts.pageSize,
    });
  }
}

/** The sales area whose list prices the storefront shows. */
export interface PriceArea {
  salesOrganization: string;
  distributionChannel: string;
}
export const DEFAULT_PRICE_AREA: PriceArea = { salesOrganization: "1010", distributionChannel: "10" };

/**
 * A list price per one unit: SAP's rate is per `ConditionQuantity` units (the pricing unit,
 * e.g. 12.50 EUR per 10 PC), so the storefront's unit price is the rate divided by it, kept to
 * 4 decimals (SD's own precision for unit prices) with at least 2. Undefined for a record
 * flagged for deletion or without a rate.
 */
export function unitPrice(
  rec: PriceValidity["to_SlsPrcgConditionRecord"],
): { amount: string; currency: string; per: number } | undefined {
  if (!rec?.ConditionRateValue || rec.ConditionIsDeleted) return undefined;
  const per = Number(rec.ConditionQuantity ?? 1) || 1;
  const value = Number(rec.ConditionRateValue) / per;
  const fixed = value.toFixed(4).replace(/(\.\d{2}\d*?)0+$/, "$1");
  return { amount: fixed, currency: rec.ConditionRateValueUnit || rec.ConditionCurrency || "EUR", per };
}

/** The condition record of a validity, and with `scales` its scale lines too. */
const expandOf = (scales?: boolean) =>
  scales
    ? "to_SlsPrcgConditionRecord,to_SlsPrcgConditionRecord/to_SlsPrcgCndnRecordScale"
    : "to_SlsPrcgConditionRecord";

export class Prices {
  constructor(
    private readonly t: SapTransport,
    private readonly area: PriceArea = DEFAULT_PRICE_AREA,
  ) {}

  private validToday(extra?: Filter, customers = false): Filter {
    // "today" is SAP's day where its last answer showed it (a skewed worker clock near midnight
    // would otherwise ask for yesterday's or tomorrow's price)
    const now = this.t.lastServerTime ?? new Date();
    const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
    // the list price of our sales area: not another distribution channel's; and not a
    // customer's own (condition table 305 rows carry the customer) unless `customers` asks for them
    return f.and(
      f.eq("ConditionType", "PR00"),
      f.eq("SalesOrganization", this.area.salesOrganization),
      f.eq("DistributionChannel", this.area.distributionChannel),
      ...(customers ? [] : [f.eq("Customer", "")]),
      f.le("ConditionValidityStartDate", { datetime: today }),
      f.ge("ConditionValidityEndDate", { datetime: today }),
      ...(extra ? [extra] : []),
    );
  }

  /**
   * Today's list price (condition type PR00) per material, with the condition record's rate;
   * `select` narrows the fields (paths into `to_SlsPrcgConditionRecord` included). `customers`
   * adds our sales area's customer-specific records (table 305), `scales` each record's scale
   * lines (`to_SlsPrcgConditionRecord/to_SlsPrcgCndnRecordScale`).
   */
  page(opts: {
    top: number;
    skip: number;
    materials?: string[];
    select?: readonly string[];
    customers?: boolean;
    scales?: boolean;
  }): Promise<Page<PriceValidity>> {
    return page<PriceValidity>(
      this.t,
      "API_SLSPRICINGCONDITIONRECORD_SRV",
      API_SLSPRICINGCONDITIONRECORD_SRV_MODEL,
      "A_SlsPrcgCndnRecdValidity",
      {
        filter: this.validToday(
          opts.materials?.length ? f.anyOf("Material", opts.materials) : undefined,
          opts.customers,
        ),
        orderby: "Material,ConditionValidityStartDate",
        expand: expandOf(opts.scales),
        ...(opts.select ? { select: opts.select.join(",") } : {}),
        top: opts.top,
        skip: opts.skip,
      },
    );
  }

  /**
   * Every list price valid today, by material, then by the validity row's full key; records
   * flagged for deletion are left out. `customers` and `scales` as for `page`.
   */
  async *all(
    pageSize: number,
    opts: { customers?: boolean; scales?: boolean } = {},
  ): AsyncIterable<Page<PriceValidity>> {
    for await (const p of this.validities(pageSize, opts))
      yield { ...p, items: p.items.filter((v) => !v.to_SlsPrcgConditionRecord?.ConditionIsDeleted) };
  }

  private validities(
    pageSize: number,
    opts: { customers?: boolean; scales?: boolean },
  ): AsyncIterable<Page<PriceValidity>> {
    return keysetAll<PriceValidity>(this.t, {
      service: "API_SLSPRICINGCONDITIONRECORD_SRV",
      model: API_SLSPRICINGCONDITIONRECORD_SRV_MODEL,
      entitySet: "A_SlsPrcgCndnRecdValidity",
      filter: this.validToday(undefined, opts.customers),
      order: ["Material", "ConditionValidityStartDate", "ConditionRecord", "ConditionValidityEndDate"],
      expand: expandOf(opts.scales),
      pageSize,
    });
  }
}

/** A_MatlStkInAcctMod's full key, in its EDMX order: the stable order of a stock read. */
const STOCK_KEY = [
  "Material",
  "Plant",
  "StorageLocation",
  "Batch",
  "Supplier",
  "Customer",
  "WBSElementInternalID",
  "SDDocument",
  "SDDocumentItem",
  "InventorySpecialStockType",
  "InventoryStockType",
] as const;

/**
 * What the storefront can sell: unrestricted-use stock (InventoryStockType 01) that is the
 * company's own (no special stock indicator). Consignment (K/W), sales-order stock (E),
 * project stock (Q) and the other special stocks belong to, or are reserved for, someone else.
 */
const ownUnrestricted = (): Filter =>
  f.and(f.eq("InventoryStockType", "01"), f.eq("InventorySpecialStockType", ""));

const stockSum = (rows: { MatlWrhsStkQtyInMatlBaseUnit?: unknown }[]) =>
  rows.reduce<number>((sum, r) => sum + Number(r.MatlWrhsStkQtyInMatlBaseUnit ?? 0), 0);

export class Stock {
  constructor(private readonly t: SapTransport) {}

  /** Unrestricted own stock of a material in a plant, summed over storage locations and batches. */
  async forProduct(material: string, plant: string): Promise<number> {
    let sum = 0;
    for await (const p of keysetAll<StockRow>(this.t, {
      service: "API_MATERIAL_STOCK_SRV",
      model: API_MATERIAL_STOCK_SRV_MODEL,
      entitySet: "A_MatlStkInAcctMod",
      filter: f.and(f.eq("Material", material), f.eq("Plant", plant), ownUnrestricted()),
      order: STOCK_KEY,
      select: "Material,Plant,StorageLocation,Batch,MatlWrhsStkQtyInMatlBaseUnit",
      pageSize: 500,
    }))
      sum += stockSum(p.items);
    return sum;
  }

  /**
   * Unrestricted own stock of these materials in every plant that has any, summed over storage
   * locations and batches (a targeted read: a drift check of products' availability). With
   * SAP's time of the read, the version its levels are written with.
   */
  async forMaterials(
    materials: readonly string[],
  ): Promise<{ levels: { material: string; plant: string; quantity: number }[]; serverTime?: Date }> {
    const sums = new Map<string, { material: string; plant: string; quantity: number }>();
    let serverTime: Date | undefined;
    if (!materials.length) return { levels: [] };
    for await (const p of this.rows(
      f.anyOf("Material", [...materials]),
      "Material,Plant,StorageLocation,Batch,MatlWrhsStkQtyInMatlBaseUnit",
      500,
    )) {
      serverTime ??= p.serverTime;
      for (const r of p.items) {
        const key = `${r.Material}|${r.Plant}`;
        const cur = sums.get(key) ?? { material: r.Material, plant: r.Plant, quantity: 0 };
        cur.quantity += Number(r.MatlWrhsStkQtyInMatlBaseUnit ?? 0);
        sums.set(key, cur);
      }
    }
    return { levels: [...sums.values()], ...(serverTime ? { serverTime } : {}) };
  }

  /**
   * Unrestricted own stock of many material/plant pairs (e.g. the stock events that arrived
   * together), summed over storage locations and batches: one filtered read per 40 materials
   * (`Material` any of them and `Plant` any of theirs, the rows of other pairs dropped), so a
   * burst costs a round trip, not one per pair. A pair without rows reads as 0 — SAP has no
   * stock of it; a read that fails throws, it never reads as 0. With SAP's time of the first
   * read, the version the levels may be written with.
   */
  async forProducts(
    pairs: readonly { material: string; plant: string }[],
  ): Promise<{ levels: Map<string, number>; serverTime?: Date }> {
    const levels = new Map(pairs.map((p) => [`${p.material}|${p.plant}`, 0]));
    let serverTime: Date | undefined;
    const materials = [...new Set(pairs.map((p) => p.material))];
    for (let i = 0; i < materials.length; i += 40) {
      const chunk = new Set(materials.slice(i, i + 40));
      const plants = [...new Set(pairs.filter((p) => chunk.has(p.material)).map((p) => p.plant))];
      for await (const p of this.rows(
        f.and(f.anyOf("Material", [...chunk]), f.anyOf("Plant", plants)),
        "Material,Plant,StorageLocation,Batch,MatlWrhsStkQtyInMatlBaseUnit",
        500,
      )) {
        serverTime ??= p.serverTime;
        for (const r of p.items) {
          const key = `${r.Material}|${r.Plant}`;
          const cur = levels.get(key);
          if (cur !== undefined) levels.set(key, cur + Number(r.MatlWrhsStkQtyInMatlBaseUnit ?? 0));
        }
      }
    }
    return { levels, ...(serverTime ? { serverTime } : {}) };
  }

  /**
   * The materials with unrestricted own stock at one plant, in material order, at most `limit`
   * (`more`: there are others past it) — the keys of a drift check of the plant's stock — and
   * whether SAP knows the plant at all: it holds stock there, or has materials maintained for
   * it (A_ProductPlant).
   */
  async materialsAt(
    plant: string,
    limit: number,
  ): Promise<{ known: boolean; materials: string[]; more: boolean }> {
    const materials = new Set<string>();
    let more = false;
    // rows in the full key's order: a material's rows (locations, batches) are adjacent
    for await (const p of this.rows(f.eq("Plant", plant), "Material,Plant", 500)) {
      for (const r of p.items) {
        if (materials.has(r.Material)) continue;
        if (materials.size >= limit) {
          more = true;
          break;
        }
        materials.add(r.Material);
      }
      if (more) break;
    }
    const known = materials.size > 0 || (await this.plantMaintained(plant));
    return { known, materials: [...materials], more };
  }

  /** Whether any material is maintained for this plant (A_ProductPlant): SAP knows the plant. */
  private async plantMaintained(plant: string): Promise<boolean> {
    const r = await page<API_PRODUCT_SRV.A_ProductPlantType>(
      this.t,
      "API_PRODUCT_SRV",
      API_PRODUCT_SRV_MODEL,
      "A_ProductPlant",
      { filter: f.eq("Plant", plant), select: "Product,Plant", top: 1, skip: 0 },
    );
    return r.items.length > 0;
  }

  page(opts: { top: number; skip: number }): Promise<Page<StockRow>> {
    return page<StockRow>(
      this.t,
      "API_MATERIAL_STOCK_SRV",
      API_MATERIAL_STOCK_SRV_MODEL,
      "A_MatlStkInAcctMod",
      {
        filter: ownUnrestricted(),
        orderby: STOCK_KEY.join(","),
        select: "Material,Plant,StorageLocation,InventoryStockType,MatlWrhsStkQtyInMatlBaseUnit",
        top: opts.top,
        skip: opts.skip,
      },
    );
  }

  /**
   * Every row of unrestricted own stock in the full key's order (so a material/plant's rows are
   * adjacent), continued after the last row read.
   */
  all(pageSize: number): AsyncIterable<Page<StockRow>> {
    return this.rows(
      undefined,
      "Material,Plant,StorageLocation,Batch,InventoryStockType,MatlWrhsStkQtyInMatlBaseUnit",
      pageSize,
    );
  }

  /**
   * Rows of unrestricted own stock (and `filter`, if given) in the full key's order, continued
   * after the last row read. The cursor leaves out the two keys `ownUnrestricted` pins; the rest
   * still tell every row apart.
   */
  private rows(filter: Filter | undefined, select: string, pageSize: number): AsyncIterable<Page<StockRow>> {
    return keysetAll<StockRow>(this.t, {
      service: "API_MATERIAL_STOCK_SRV",
      model: API_MATERIAL_STOCK_SRV_MODEL,
      entitySet: "A_MatlStkInAcctMod",
      filter: filter ? f.and(filter, ownUnrestricted()) : ownUnrestricted(),
      order: STOCK_KEY,
      cursor: STOCK_KEY.slice(0, -2),
      select,
      pageSize,
    });
  }
}

/** When a business partner last changed: LastChangeDate + LastChangeTime, else its creation. */
export function partnerChangedAt(bp: BusinessPartner): Date | null {
  const at = (day: Date | null | undefined, time: string | null | undefined) => {
    if (!day) return null;
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(time ?? "");
    const ms = m ? ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000 : 0;
    return new Date(day.getTime() + ms);
  };
  const changed = at(bp.LastChangeDate, bp.LastChangeTime);
  const created = at(bp.CreationDate, bp.CreationTime);
  if (changed && created) return new Date(Math.max(changed.getTime(), created.getTime()));
  return changed ?? created;
}

/**
 * How far a customer delta reaches back before its checkpoint. A_BusinessPartner has no
 * LastChangeDateTime, only LastChangeDate + LastChangeTime in SAP's system time (not UTC), and a
 * partner is stamped before its change commits: re-reading this much (and the whole day it
 * falls on) costs a few idempotent upserts and loses nothing.
 */
export const CUSTOMER_DELTA_OVERLAP_MS = 2 * 3_600_000;

const CUSTOMER_EXPAND = "to_BusinessPartnerAddress,to_Customer,to_Customer/to_CustomerSalesArea";

export class Customers {
  constructor(private readonly t: SapTransport) {}

  /**
   * The filter of a delta from `since`: SAP can filter only on the change *date*, so the read
   * takes every partner changed (or, never changed, created) on or after the day of
   * `since - overlap`, and `all` drops the ones changed before `since - overlap`.
   */
  private filter(since: Date | undefined, overlapMs: number): Filter {
    if (!since) return f.ne("Customer", "");
    const from = new Date(since.getTime() - overlapMs);
    const day = { datetime: new Date(`${from.toISOString().slice(0, 10)}T00:00:00Z`) };
    return f.and(f.ne("Customer", ""), f.or(f.ge("LastChangeDate", day), f.ge("CreationDate", day)));
  }

  /** Business partners that are customers, with addresses and the customer's sales-area data (payment terms). */
  page(opts: { since?: Date; top: number; skip: number }): Promise<Page<BusinessPartner>> {
    return page<BusinessPartner>(
      this.t,
      "API_BUSINESS_PARTNER",
      API_BUSINESS_PARTNER_MODEL,
      "A_BusinessPartner",
      {
        filter: this.filter(opts.since, CUSTOMER_DELTA_OVERLAP_MS),
        orderby: "BusinessPartner",
        expand: CUSTOMER_EXPAND,
        top: opts.top,
        skip: opts.skip,
      },
    );
  }

  /** These customers (a targeted read); ones SAP does not have are simply not in the answer. */
  async byIds(ids: readonly string[]): Promise<BusinessPartner[]> {
    const out: BusinessPartner[] = [];
    if (!ids.length) return out;
    for await (const p of keysetAll<BusinessPartner>(this.t, {
      service: "API_BUSINESS_PARTNER",
      model: API_BUSINESS_PARTNER_MODEL,
      entitySet: "A_BusinessPartner",
      filter: f.and(f.ne("Customer", ""), f.anyOf("Customer", [...ids])),
      order: ["BusinessPartner"],
      expand: CUSTOMER_EXPAND,
      pageSize: 200,
    }))
      out.push(...p.items);
    return out;
  }

  /**
   * Every customer, or (with `since`) every customer changed at or after `since - overlapMs`,
   * by partner number. The checkpoint to store is the newest `partnerChangedAt` read: it comes
   * from SAP's stamps, so it is in SAP's time like the next filter.
   */
  async *all(opts: {
    since?: Date;
    pageSize: number;
    overlapMs?: number;
  }): AsyncIterable<Page<BusinessPartner>> {
    const overlap = opts.overlapMs ?? CUSTOMER_DELTA_OVERLAP_MS;
    const floor = opts.since ? opts.since.getTime() - overlap : undefined;
    for await (const p of keysetAll<BusinessPartner>(this.t, {
      service: "API_BUSINESS_PARTNER",
      model: API_BUSINESS_PARTNER_MODEL,
      entitySet: "A_BusinessPartner",
      filter: this.filter(opts.since, overlap),
      order: ["BusinessPartner"],
      expand: CUSTOMER_EXPAND,
      pageSize: opts.pageSize,
    })) {
      const items =
        floor === undefined
          ? p.items
          : p.items.filter((bp) => (partnerChangedAt(bp)?.getTime() ?? 0) >= floor);
      // an empty page still counts: the caller's progress moves with SAP's total
      yield { ...p, items };
    }
  }
}

export class Attachments {
  constructor(private readonly t: SapTransport) {}

  /** Originals (images, documents) attached to a product (business object BUS1001006, key = product). */
  async originalsFor(product: string): Promise<Attachment[]> {
    const res = await this.t.request({
      service: "API_CV_ATTACHMENT_SRV",
      method: "GET",
      path: "GetAllOriginals",
      query: {
        LinkedSAPObjectKey: literal.string(product),
        BusinessObjectTypeName: literal.string("BUS1001006"),
      },
    });
    return unwrapCollection(res.json()).results.map((r) =>
      fromWire<Attachment>(API_CV_ATTACHMENT_SRV_MODEL, "AttachmentContent", r),
    );
  }

  /**
   * Originals of many products, `perBatch` `GetAllOriginals` calls per `$batch` round trip (a
   * resync page of 500 products is 5 round trips, not 500). Any part that fails fails the
   * whole read with SAP's status and the product it was for: a page must not be written with
   * some products' images silently missing.
   */
  async originalsForMany(products: string[], perBatch = 100): Promise<Map<string, Attachment[]>> {
    const out = new Map<string, Attachment[]>();
    const chunks: string[][] = [];
    for (let i = 0; i < products.length; i += perBatch) chunks.push(products.slice(i, i + perBatch));
    await Promise.all(
      chunks.map(async (chunk) => {
        const paths = chunk.map((product) => {
          const q = new URLSearchParams({
            LinkedSAPObjectKey: literal.string(product),
            BusinessObjectTypeName: literal.string("BUS1001006"),
          });
          return `GetAllOriginals?${q.toString().replace(/\+/g, "%20")}`;
        });
        const parts = await batchGet(this.t, "API_CV_ATTACHMENT_SRV", paths);
        chunk.forEach((product, i) => {
          const part = parts[i];
          if (part?.status !== 200)
            throw new SapError({
              code: part ? sapErrorCodeFor(part.status) : "SAP_PROTOCOL",
              message: part
                ? `GetAllOriginals for product ${product} answered ${part.status} inside $batch`
                : `$batch answered ${parts.length} parts for ${chunk.length} GetAllOriginals calls`,
              retryable: part ? part.status >= 500 || part.status === 429 : true,
              httpStatus: part?.status ?? 200,
            });
          out.set(
            product,
            unwrapCollection(part.body).results.map((r) =>
              fromWire<Attachment>(API_CV_ATTACHMENT_SRV_MODEL, "AttachmentContent", r),
            ),
          );
        });
      }),
    );
    return out;
  }

  /**
   * A URL the storefront can show without SAP credentials: the original's `DocumentURL` (a
   * content server, a CDN) when SAP has one. Undefined for originals stored in S/4 itself,
   * whose bytes are only at `$value` behind SAP's logon: fetch them with `content` and serve
   * them from our side instead of handing out that URL.
   */
  publicUrl(a: Attachment): string | undefined {
    return a.DocumentURL || undefined;
  }

  /** An original's bytes and media type, read from `$value` with this client's SAP logon. */
  async content(a: Attachment): Promise<{ bytes: Buffer; mimeType: string }> {
    const res = await this.t.request({
      service: "API_CV_ATTACHMENT_SRV",
      method: "GET",
      path: this.valuePath(a),
      headers: { accept: "*/*" },
    });
    return {
      bytes: res.bytes,
      mimeType: res.headers.get("content-type") ?? a.MimeType ?? "application/octet-stream",
    };
  }

  private valuePath(a: Attachment): string {
    return `AttachmentContentSet(DocumentInfoRecordDocType=${literal.string(a.DocumentInfoRecordDocType)},DocumentInfoRecordDocNumber=${literal.string(a.DocumentInfoRecordDocNumber)},DocumentInfoRecordDocVersion=${literal.string(a.DocumentInfoRecordDocVersion)},DocumentInfoRecordDocPart=${literal.string(a.DocumentInfoRecordDocPart)},LogicalDocument=${literal.string(a.LogicalDocument)},ArchiveDocumentID=${literal.string(a.ArchiveDocumentID)},LinkedSAPObjectKey=${literal.string(a.LinkedSAPObjectKey)},BusinessObjectTypeName=${literal.string(a.BusinessObjectTypeName)})/$value`;
  }

  /**
   * The URL an original's bytes can be fetched from: `DocumentURL`, else `$value` — which needs
   * SAP's logon; never hand it to a browser (see `publicUrl`).
   */
  contentUrl(a: Attachment): string {
    return (
      a.DocumentURL ||
      this.t.serviceUrl(
        "API_CV_ATTACHMENT_SRV",
        `AttachmentContentSet(DocumentInfoRecordDocType=${literal.string(a.DocumentInfoRecordDocType)},DocumentInfoRecordDocNumber=${literal.string(a.DocumentInfoRecordDocNumber)},DocumentInfoRecordDocVersion=${literal.string(a.DocumentInfoRecordDocVersion)},DocumentInfoRecordDocPart=${literal.string(a.DocumentInfoRecordDocPart)},LogicalDocument=${literal.string(a.LogicalDocument)},ArchiveDocumentID=${literal.string(a.ArchiveDocumentID)},LinkedSAPObjectKey=${literal.string(a.LinkedSAPObjectKey)},BusinessObjectTypeName=${literal.string(a.BusinessObjectTypeName)})/$value`,
      )
    );
  }
}
