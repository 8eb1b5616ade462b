import type { WorkerEnv } from "@icp/config";
import { sapConnection } from "@icp/config/pieces/sap";
import type { PricingConditions } from "@icp/domain";
import {
  currentLogContext,
  inSpan,
  type Logger,
  type Metrics,
  outgoingTraceparent,
  SpanKind,
} from "@icp/observability";
import {
  type Attachment,
  type BusinessPartner,
  DEFAULT_RESILIENCE,
  type PriceValidity,
  type Product,
  partnerChangedAt,
  pricingConditionsOf,
  SapClient,
  SapError,
  unitPrice,
} from "@icp/sap-client";
import type { ImageOriginal } from "./master-data/images";
import type { MasterDataLookup } from "./master-data/lookup";
import type {
  CustomerInput,
  MasterDataSource,
  Page,
  PriceInput,
  ProductInput,
  StockInput,
} from "./master-data/resync";
import type { ErrorClassifier, PushFailure, SalesOrderPort } from "./orders/push-order";
import { slotKeys } from "./sap-slots/lease";
import { SapSlots } from "./sap-slots/slots";
import type { SalesOrderSnapshot } from "./status/apply-status";

/** Everything the worker's flows need from SAP, behind one port. */
export interface SapPorts {
  client: SapClient;
  salesOrders: SalesOrderPort;
  readSalesOrder(salesOrder: string): Promise<SalesOrderSnapshot | null>;
  /** Own unrestricted stock of these material/plant pairs ("material|plant" → quantity), read together. */
  readStocks(pairs: readonly { material: string; plant: string }[]): Promise<Map<string, number>>;
  rejectSalesOrder(salesOrder: string, reason: string): Promise<number>;
  masterData: MasterDataSource;
  classify: ErrorClassifier;
  /** The SAP concurrency cap shared by every replica and the slots in use now (from Redis). */
  slots(): Promise<{ limit: number; inUse: number }>;
  close(): Promise<void>;
}

/** SD rejection reason used for storefront cancellations ("Requested by customer"). */
export const CUSTOMER_CANCELLATION_REASON = "10";

/**
 * How long a SAP slot is granted without renewal: longer than our side waits for an answer
 * (SAP_TIMEOUT_MS), so a holder frozen after sending has given its call up before the slot
 * passes on; short enough that a dead replica's slots come back within seconds.
 */
export const slotLeaseMs = (env: Pick<WorkerEnv, "SAP_TIMEOUT_MS">) => env.SAP_TIMEOUT_MS + 5_000;

export function createSapPorts(env: WorkerEnv, logger: Logger, metrics?: Metrics): SapPorts {
  // SAP_MAX_CONCURRENCY is one cap for every replica talking to this SAP system and client.
  const slots = new SapSlots({
    redisUrl: env.REDIS_URL,
    keys: slotKeys(env.SAP_BASE_URL, env.SAP_CLIENT),
    limit: env.SAP_MAX_CONCURRENCY,
    leaseMs: slotLeaseMs(env),
    log: (level, fields, message) => logger[level](fields, message),
  });
  const client = new SapClient({
    ...DEFAULT_RESILIENCE,
    // SAP's address and the logon SAP_AUTH chose (basic, OAuth 2.0 client credentials, X.509)
    ...sapConnection(env),
    maxConcurrency: env.SAP_MAX_CONCURRENCY,
    limiter: slots,
    wrapExchange: (info, exchange) =>
      inSpan(
        `SAP ${info.method} ${info.service}/${info.path.split("(")[0]}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            "sap.service": info.service,
            "http.request.method": info.method,
            "url.path": info.path,
          },
        },
        exchange,
      ),
    contextHeaders: (): Record<string, string> => {
      const { traceId } = currentLogContext();
      return traceId ? { traceparent: outgoingTraceparent(traceId) } : {};
    },
    onCall: (c) => {
      metrics?.sapRequests.inc({ service: c.service, method: c.method, outcome: c.outcome });
      metrics?.sapLatency.observe({ service: c.service, method: c.method }, c.ms / 1000);
    },
    onBreakerState: (state) => {
      metrics?.sapCircuit.set(state === "closed" ? 0 : state === "half-open" ? 1 : 2);
      logger.warn({ "sap.breaker": state }, `SAP circuit breaker ${state}`);
    },
  });

  const classify: ErrorClassifier = (err) => {
    if (err instanceof SapError) {
      const failure: PushFailure = {
        errorClass: err.retryable ? "TRANSIENT" : "BUSINESS",
        code: err.business ? `${err.code}:${err.business}` : err.code,
        message: err.message,
        ...(err.sapCode ? { sapErrorCode: err.sapCode } : {}),
      };
      return { ...failure, retryable: err.retryable };
    }
    // Unknown errors (bugs, DB hiccups) are retried: they are not SAP's verdict on the order.
    return {
      errorClass: "TRANSIENT",
      code: "INTERNAL",
      message: (err as Error).message ?? String(err),
      retryable: true,
    };
  };

  return {
    client,
    classify,
    salesOrders: {
      createSalesOrderOnce: (body, opts) =>
        client.createSalesOrderOnce(body, { ...opts, commitWindowMs: env.SAP_COMMIT_WINDOW_MS }),
    },
    async readSalesOrder(salesOrder) {
      const so = await client.salesOrders.get(salesOrder, { expandItems: true });
      if (!so) return null;
      return {
        salesOrder: so.SalesOrder,
        purchaseOrderByCustomer: so.PurchaseOrderByCustomer ?? null,
        lastChange: so.LastChangeDateTime ?? new Date(0),
        OverallSDProcessStatus: so.OverallSDProcessStatus ?? null,
        OverallDeliveryStatus: so.OverallDeliveryStatus ?? null,
        OverallTotalDeliveryStatus: so.OverallTotalDeliveryStatus ?? null,
        OverallOrdReltdBillgStatus: so.OverallOrdReltdBillgStatus ?? null,
        items: (so.to_Item ?? []).map((i) => ({
          SalesDocumentRjcnReason: i.SalesDocumentRjcnReason ?? null,
        })),
      };
    },
    readStocks: async (pairs) => (await client.stock.forProducts(pairs)).levels,
    rejectSalesOrder: (salesOrder, reason) => client.salesOrders.rejectItems(salesOrder, reason),
    masterData: masterDataFrom(client),
    slots: () => slots.shared(),
    async close() {
      await client.close();
      await slots.close();
    },
  };
}

const versionOf = (d: Date | null | undefined) => d?.getTime() ?? 0;

/**
 * The version of a full read: SAP's clock when it answered the read's first page (its `Date`
 * header), floored to the second. Every page is at least that new, and SAP's events carry
 * SAP's clock, so an event SAP stamps after the read is never mistaken for an older one —
 * whatever our own clock says. No Date header: fail the read rather than guess with ours.
 */
function snapshotVersion(serverTime: Date | undefined, what: string): number {
  if (!serverTime)
    throw new Error(
      `SAP answered the ${what} read without a Date header: its versions must come from SAP's clock, not the worker's`,
    );
  return Math.floor(serverTime.getTime() / 1000) * 1000;
}

/** The product master fields the storefront's product is built from (and nothing else is read). */
const PRODUCT_SELECT = [
  "Product",
  "ProductGroup",
  "Brand",
  "GrossWeight",
  "WeightUnit",
  "MaterialVolume",
  "VolumeUnit",
  "CountryOfOrigin",
  "BaseUnit",
  "LastChangeDateTime",
  "IsMarkedForDeletion",
  "to_Description/Language",
  "to_Description/ProductDescription",
] as const;
const PRICE_SELECT = [
  "ConditionRecord",
  "ConditionValidityEndDate",
  "Material",
  "Customer",
  "ConditionValidityStartDate",
  "to_SlsPrcgConditionRecord/ConditionRateValue",
  "to_SlsPrcgConditionRecord/ConditionRateValueUnit",
  "to_SlsPrcgConditionRecord/ConditionCurrency",
  "to_SlsPrcgConditionRecord/ConditionQuantity",
  "to_SlsPrcgConditionRecord/ConditionIsDeleted",
  "to_SlsPrcgConditionRecord/to_SlsPrcgCndnRecordScale/ConditionScaleQuantity",
  "to_SlsPrcgConditionRecord/to_SlsPrcgCndnRecordScale/ConditionRateValue",
] as const;

/** Today's list price of a material: its list records (Customer ''), the later-starting one. */
function listPriceOf(validities: PriceValidity[]): ListPrice | undefined {
  let out: ListPrice | undefined;
  for (const v of validities) {
    if (v.Customer) continue; // a customer's own record (table 305) is no list price
    const price = unitPrice(v.to_SlsPrcgConditionRecord);
    // ordered by start date: of two valid list prices the later-starting one wins
    if (price)
      out = {
        amount: price.amount,
        currency: price.currency,
        validFrom: v.ConditionValidityStartDate ?? null,
      };
  }
  return out;
}

/** Validities grouped by material, in their read order. */
function byMaterial(validities: PriceValidity[]): Map<string, PriceValidity[]> {
  const out = new Map<string, PriceValidity[]>();
  for (const v of validities) {
    if (!v.Material) continue;
    const list = out.get(v.Material) ?? [];
    list.push(v);
    out.set(v.Material, list);
  }
  return out;
}

/** One material's price for the read model: its list price and the records the storefront prices from. */
function priceInput(sku: string, validities: PriceValidity[], version: number): PriceInput | undefined {
  const list = listPriceOf(validities);
  if (!list) return undefined;
  return { sku, ...list, pricing: pricingConditionsOf(validities).get(sku) ?? null, version };
}

/**
 * Copies the originals that have no public URL and answers the storefront URL per original key
 * (`productImageCache`, master-data/images.ts). Without it such originals are not published.
 */
export type ImageCopier = (originals: ImageOriginal[]) => Promise<Map<string, string>>;

/** Map SAP product master to the storefront's product, with today's price and images. */
export function masterDataFrom(client: SapClient, opts: { images?: ImageCopier } = {}): MasterDataSource {
  return {
    async *products({ since, pageSize }) {
      // A page's prices and images are read while the next page of products is (one page
      // ahead, no more: memory stays a few pages whatever the catalogue's size).
      let ahead: Promise<Page<ProductInput>> | undefined;
      // A full read walks SAP's key order: a page is neighbouring products, whose read-model
      // digests are a few lookups (in change order a page spans hundreds of digest buckets). A
      // change made behind the cursor is not read again, so the next delta starts from the
      // read's first answer on SAP's clock, a second early (SAP stamps whole seconds).
      let changesFrom: Date | undefined;
      for await (const page of client.products.all({
        pageSize,
        select: PRODUCT_SELECT,
        expand: ["to_Description"],
        ...(since ? { since } : { order: "key" as const }),
      })) {
        if (!since) changesFrom ??= new Date(snapshotVersion(page.serverTime, "product") - 1000);
        const live = page.items.filter((p) => !p.IsMarkedForDeletion);
        const newest = page.items.reduce<Date | null>(
          (m, p) => (p.LastChangeDateTime && (!m || p.LastChangeDateTime > m) ? p.LastChangeDateTime : m),
          null,
        );
        // Flagged for deletion in SAP: leaves the storefront (if no newer version is stored).
        const removed = page.items
          .filter((p) => p.IsMarkedForDeletion)
          .map((p) => ({ _id: p.Product, version: versionOf(p.LastChangeDateTime) }));
        const next = enrich(client, live, opts.images).then((items) => ({
          items,
          removed,
          total: page.total,
          newestChange: newest,
          ...(changesFrom ? { changesFrom } : {}),
        }));
        // observed now; a failure surfaces where it is awaited, in page order
        next.catch(() => undefined);
        if (ahead) yield await ahead;
        ahead = next;
      }
      if (ahead) yield await ahead;
    },
    async *prices({ pageSize }) {
      let version: number | undefined;
      // Read by material: a material's records may span two pages, so the last material of a
      // page waits for the next page before it is written (its list price, customers' records
      // and scales are one value).
      let open: { sku: string; rows: PriceValidity[] } | undefined;
      let total = 0;
      for await (const page of client.prices.all(pageSize, { customers: true, scales: true })) {
        version ??= snapshotVersion(page.serverTime, "price");
        const readAt = version;
        total = page.total;
        const groups = byMaterial([...(open?.rows ?? []), ...page.items]);
        const last = [...groups.keys()].at(-1);
        open = last ? { sku: last, rows: groups.get(last) ?? [] } : undefined;
        if (last) groups.delete(last);
        const items = [...groups].flatMap(([sku, rows]) => priceInput(sku, rows, readAt) ?? []);
        if (items.length > 0) yield { items, total, newestChange: null };
      }
      const rest = open && version !== undefined ? priceInput(open.sku, open.rows, version) : undefined;
      if (rest) yield { items: [rest], total, newestChange: null };
    },
    async *stock({ pageSize }) {
      let version: number | undefined;
      // Rows come per storage location, ordered by material and plant: a pair's rows may span
      // two pages, so the last pair of a page waits for the next page before it is written
      // (written early, its partial sum would stand: the rest carries the same version).
      let open: StockInput | undefined;
      let total = 0;
      for await (const page of client.stock.all(pageSize)) {
        version ??= snapshotVersion(page.serverTime, "stock");
        const v = version;
        total = page.total;
        const sums = new Map<string, StockInput>();
        if (open) sums.set(`${open.sku}|${open.plant}`, open);
        for (const r of page.items) {
          const key = `${r.Material}|${r.Plant}`;
          const cur = sums.get(key) ?? { sku: r.Material, plant: r.Plant, quantity: 0, version: v };
          cur.quantity += Number(r.MatlWrhsStkQtyInMatlBaseUnit ?? 0);
          sums.set(key, cur);
        }
        const items = [...sums.values()];
        open = items.pop();
        if (items.length > 0) yield { items, total, newestChange: null };
      }
      if (open) yield { items: [open], total, newestChange: null };
    },
    async *customers({ since, pageSize }) {
      for await (const page of client.customers.all({ pageSize, ...(since ? { since } : {}) })) {
        const items: CustomerInput[] = page.items.map(customerInput);
        // the checkpoint is SAP's own stamp (date + time), never a midnight: the next delta
        // re-reads from that day with an overlap and loses no change made later that day
        const newest = page.items.reduce<Date | null>((m, p) => {
          const at = partnerChangedAt(p);
          return at && (!m || at > m) ? at : m;
        }, null);
        yield { items, total: page.total, newestChange: newest };
      }
    },
  };
}

/** A business partner as the storefront's customer. */
function customerInput(bp: BusinessPartner): CustomerInput {
  const salesArea = bp.to_Customer?.to_CustomerSalesArea?.[0];
  const changed = partnerChangedAt(bp);
  return {
    _id: bp.Customer || bp.BusinessPartner,
    name: bp.BusinessPartnerFullName || bp.BusinessPartnerName || bp.BusinessPartner,
    addresses: (bp.to_BusinessPartnerAddress ?? []).map((a) => ({
      id: a.AddressID,
      kind: "postal",
      name: a.FullName || bp.BusinessPartnerFullName || "",
      street: [a.StreetName, a.HouseNumber].filter(Boolean).join(" "),
      postalCode: a.PostalCode ?? "",
      city: a.CityName ?? "",
      country: a.Country ?? "",
    })),
    paymentTerms: salesArea?.CustomerPaymentTerms
      ? {
          code: salesArea.CustomerPaymentTerms,
          description: paymentTermsText(salesArea.CustomerPaymentTerms),
        }
      : null,
    blocked: Boolean(bp.BusinessPartnerIsBlocked || bp.to_Customer?.OrderIsBlockedForCustomer),
    version: versionOf(changed),
  };
}

/**
 * Named records read from SAP now, mapped as `masterDataFrom` maps a resync's pages: what the
 * drift check compares and its repair writes. `images` as for `masterDataFrom`.
 */
export function masterDataLookup(
  client: SapClient,
  opts: {
    images?: ImageCopier;
    /** false: products come without images and no attachment is read (for comparing, not writing). */
    withImages?: boolean;
  } = {},
): MasterDataLookup {
  return {
    async products(skus) {
      const items: Product[] = [];
      for (let i = 0; i < skus.length; i += 40)
        for await (const page of client.products.all({
          pageSize: 40,
          keys: skus.slice(i, i + 40),
          select: PRODUCT_SELECT,
          expand: ["to_Description"],
        }))
          items.push(...page.items);
      const live = items.filter((p) => !p.IsMarkedForDeletion);
      const removed = items
        .filter((p) => p.IsMarkedForDeletion)
        .map((p) => ({ _id: p.Product, version: versionOf(p.LastChangeDateTime) }));
      return {
        items: live.length ? await enrich(client, live, opts.images, opts.withImages ?? true) : [],
        removed,
      };
    },
    async stockOf(skus) {
      const out: StockInput[] = [];
      for (let i = 0; i < skus.length; i += 40) {
        const r = await client.stock.forMaterials(skus.slice(i, i + 40));
        const version = snapshotVersion(r.serverTime ?? client.transport.lastServerTime, "stock");
        out.push(
          ...r.levels.map((l) => ({ sku: l.material, plant: l.plant, quantity: l.quantity, version })),
        );
      }
      return out;
    },
    async stockAt(pairs) {
      if (!pairs.length) return [];
      const { levels, serverTime } = await client.stock.forProducts(
        pairs.map((p) => ({ material: p.sku, plant: p.plant })),
      );
      const version = snapshotVersion(serverTime ?? client.transport.lastServerTime, "stock");
      return pairs.map((p) => ({
        sku: p.sku,
        plant: p.plant,
        quantity: levels.get(`${p.sku}|${p.plant}`) ?? 0,
        version,
      }));
    },
    async customers(ids) {
      const out: CustomerInput[] = [];
      for (let i = 0; i < ids.length; i += 40)
        out.push(...(await client.customers.byIds(ids.slice(i, i + 40))).map(customerInput));
      return out;
    },
  };
}

/** Today's list price of a material (PR00), as the pricing service answers it. */
interface ListPrice {
  amount: string;
  currency: string;
  validFrom: Date | null;
}

/** Products as the storefront shows them: with today's price and their images, read a page at a time. */
async function enrich(
  client: SapClient,
  products: Product[],
  copy?: ImageCopier,
  /** false: no attachment reads, no images (a drift check compares none). */
  withImages = true,
): Promise<ProductInput[]> {
  const ids = products.map((p) => p.Product);
  const prices = new Map<string, ListPrice>();
  // OData V2 has no `in`: ask for the page's materials in chunks of `or`s, side by side
  // (the client's concurrency cap still holds), while the attachments are read.
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 40) chunks.push(ids.slice(i, i + 40));
  const [pricePages, originals] = await Promise.all([
    Promise.all(
      chunks.map((chunk) =>
        client.prices.page({
          top: 500,
          skip: 0,
          materials: chunk,
          select: PRICE_SELECT,
          customers: true,
          scales: true,
        }),
      ),
    ),
    withImages ? client.attachments.originalsForMany(ids) : Promise.resolve(new Map<string, Attachment[]>()),
  ]);
  const validities = pricePages.flatMap((page) => page.items);
  for (const [sku, rows] of byMaterial(validities)) {
    const list = listPriceOf(rows);
    if (list) prices.set(sku, list);
  }
  const pricing = pricingConditionsOf(validities);
  const imagesOf = (p: Product) =>
    (originals.get(p.Product) ?? []).filter((a) => (a.MimeType ?? "").startsWith("image/"));
  // Only URLs that work without SAP's logon: an original stored in S/4 (no DocumentURL) is never
  // published as its login-protected $value URL; its bytes are copied and served by the
  // storefront API instead (when a copier is given), or it is left out.
  const copied = copy
    ? await copy(
        products.flatMap((p) =>
          imagesOf(p)
            .filter((a) => !client.attachments.publicUrl(a))
            .map((a) => imageOriginal(client, p.Product, a)),
        ),
      )
    : new Map<string, string>();
  const images = products.map((p) =>
    imagesOf(p).flatMap((a) => {
      const url = client.attachments.publicUrl(a) ?? copied.get(originalKey(a));
      return url ? [{ url, alt: a.FileName ?? p.Product }] : [];
    }),
  );
  return products.map((p, i) =>
    productInput(p, prices.get(p.Product), images[i] ?? [], pricing.get(p.Product) ?? null),
  );
}

/** An original's key in SAP: AttachmentContentSet's key properties, joined. */
function originalKey(a: Attachment): string {
  return [
    a.BusinessObjectTypeName,
    a.LinkedSAPObjectKey,
    a.DocumentInfoRecordDocType,
    a.DocumentInfoRecordDocNumber,
    a.DocumentInfoRecordDocVersion,
    a.DocumentInfoRecordDocPart,
    a.LogicalDocument,
    a.ArchiveDocumentID,
  ].join("|");
}

function imageOriginal(client: SapClient, product: string, a: Attachment): ImageOriginal {
  const size = Number(a.FileSize);
  return {
    key: originalKey(a),
    product,
    fileName: a.FileName ?? null,
    declaredType: a.MimeType ?? null,
    // SAP's FileSize is a string; "0" or nothing says nothing
    declaredSize: Number.isFinite(size) && size > 0 ? size : null,
    changedAt: a.ChangedDateTime ?? null,
    read: () => client.attachments.content(a),
  };
}

/** One product for the read model: its English name, its other description, features and price. */
function productInput(
  p: Product,
  price: ListPrice | undefined,
  images: ProductInput["images"],
  pricing: PricingConditions | null,
): ProductInput {
  const en = p.to_Description?.find((d) => d.Language === "EN") ?? p.to_Description?.[0];
  const features: Record<string, string | number | boolean> = {};
  if (p.ProductGroup) features.productGroup = p.ProductGroup;
  if (p.Brand) features.brand = p.Brand;
  if (p.GrossWeight && Number(p.GrossWeight) > 0)
    features.grossWeight = `${Number(p.GrossWeight)} ${p.WeightUnit ?? ""}`.trim();
  if (p.MaterialVolume && Number(p.MaterialVolume) > 0)
    features.volume = `${Number(p.MaterialVolume)} ${p.VolumeUnit ?? ""}`.trim();
  if (p.CountryOfOrigin) features.countryOfOrigin = p.CountryOfOrigin;
  if (p.BaseUnit) features.unit = p.BaseUnit;
  return {
    _id: p.Product,
    name: en?.ProductDescription ?? p.Product,
    description:
      p.to_Description?.map((d) => d.ProductDescription).find((d) => d && d !== en?.ProductDescription) ??
      en?.ProductDescription ??
      "",
    category: p.ProductGroup ?? null,
    price: price
      ? {
          amount: price.amount,
          amountNum: Number(price.amount),
          currency: price.currency,
          validFrom: price.validFrom,
        }
      : null,
    // only with a list price: a product the storefront shows no price for is not quoted
    pricing: price ? pricing : null,
    features,
    images,
    sapLastChange: p.LastChangeDateTime ?? null,
    version: versionOf(p.LastChangeDateTime),
  };
}

/** Standard S/4HANA payment terms keys; others show their key. */
function paymentTermsText(code: string): string {
  const known: Record<string, string> = {
    "0001": "Payable immediately due net",
    "0002": "14 days 2%, 30 net",
    "0004": "As of end of month",
    NT30: "Net 30 days",
    NT45: "Net 45 days",
    NT60: "Net 60 days",
  };
  return known[code] ?? code;
}
