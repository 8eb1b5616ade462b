import type { PricingConditions } from "@icp/domain";
import {
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Filter,
  MongoClient,
  MongoServerError,
} from "mongodb";
import {
  afterCursor,
  contentHash,
  decodeCursor,
  encodeCursor,
  filtersFingerprint,
  InvalidCursorError,
  type ProductSort,
  priceKey,
  SORTS,
  searchTerms,
  searchTokens,
} from "./catalogue";
import { type DigestDoc, Digests } from "./digests";
import {
  type CartDoc,
  Collections,
  type CustomerDoc,
  type OrderDoc,
  type ProductDoc,
  type StockDoc,
  type StorefrontOrderStatus,
} from "./documents";
import { ProductImageStore } from "./images";

/** Write statements per bulk command (see bulkGuarded). */
const BULK_CHUNK = 50;
/** Values looked up one equality filter each before findEach falls back to `$in`. */
const FIND_EACH_MAX = 50;
const DUPLICATE_KEY = 11000;

/** Start-up options of `ReadModel.connect`. */
export interface ConnectOptions {
  appName?: string;
  /** Also create missing indexes, inside the same retried start-up. */
  ensureIndexes?: boolean;
  /** How long start-up keeps retrying a server that refuses or drops connections (default 60 s). */
  startupTimeoutMs?: number;
  /** Where retries are logged (a pino logger fits); JSON lines on stderr by default. */
  logger?: StartupLogger;
}

export interface StartupLogger {
  warn(obj: Record<string, unknown>, message: string): void;
  info(obj: Record<string, unknown>, message: string): void;
}

const stderrLogger: StartupLogger = {
  warn: (obj, message) => writeStartupLine("warn", obj, message),
  info: (obj, message) => writeStartupLine("info", obj, message),
};

function writeStartupLine(level: string, obj: Record<string, unknown>, message: string): void {
  const { err, ...rest } = obj;
  process.stderr.write(
    `${JSON.stringify({
      "@timestamp": new Date().toISOString(),
      "log.level": level,
      "log.logger": "read-model",
      message,
      ...rest,
      ...(err instanceof Error ? { "error.type": err.name, "error.message": err.message } : {}),
    })}\n`,
  );
}

/**
 * Errors worth retrying at start-up: the server cannot be reached, refused, dropped or timed out
 * the connection, or is not primary yet. A bad URL or refused credentials are not.
 */
function isTransientStartupError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const labels = (error as { errorLabels?: Set<string> | string[] }).errorLabels;
  const hasLabel = (l: string) =>
    labels instanceof Set ? labels.has(l) : Array.isArray(labels) ? labels.includes(l) : false;
  if (hasLabel("ResetPool") || hasLabel("RetryableWriteError") || hasLabel("TransientTransactionError"))
    return true;
  if (/^Mongo(ServerSelection|Network|NetworkTimeout|PoolCleared|Topology(Closed)?)Error$/.test(error.name))
    return true;
  if (error.name === "MongoServerError") {
    const code = (error as { code?: number }).code;
    // NotWritablePrimary, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary, InterruptedAtShutdown, ShutdownInProgress, HostUnreachable, HostNotFound, NetworkTimeout
    return code !== undefined && [6, 7, 89, 91, 189, 10107, 11600, 11602, 13435, 13436].includes(code);
  }
  return /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|socket hang up|connection .*closed/i.test(error.message);
}

/** host:port of a connection URL, without credentials, for messages. */
function redactedHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(unparsable URL)";
  }
}

export type WriteOutcome = "applied" | "stale";

/**
 * What a bulk write did: documents written, skipped as older than stored, and of those written,
 * new; `unchanged` (when any): skipped because the read model already holds that very content.
 */
export interface BulkOutcome {
  applied: number;
  stale: number;
  created: number;
  unchanged?: number;
}

/**
 * A stock write's outcome, and the products' levels as stored after it (read back for their
 * summary): what a caller tells the storefront, and whether its own level is the one that
 * stands (a newer version may have been there, or come in meanwhile).
 */
export interface StockOutcome extends BulkOutcome {
  stored: Map<string, { available: number; plants: Map<string, { quantity: number; version: number }> }>;
}

/** Product writes' options. */
export interface ProductWriteOptions {
  /** A full resync rewrites documents of the same version (e.g. new images); older never win. */
  rewriteSameVersion?: boolean;
  /** Told the ids whose content differed from what was last written (so were written): the storefront hears of them. */
  onChanged?: (ids: string[]) => void;
  /**
   * A repair (the drift check's targeted resync): write even when the digest says this content
   * was written already — the stored document no longer holds it — and over a stored document
   * of the same version. A newer stored version still wins.
   */
  force?: boolean;
}

/** The per-operation failures of an unordered bulk write (insertMany, bulkWrite), if that is what failed. */
function writeErrorsOf(e: unknown): { index: number; code?: number }[] | null {
  if (!(e instanceof MongoServerError) || !("writeErrors" in e)) return null;
  return ([] as { index: number; code?: number }[]).concat(
    (e as unknown as { writeErrors: { index: number; code?: number }[] }).writeErrors,
  );
}

/** A product as its writers give it: SAP's fields (anything the read model derives is ignored). */
export type ProductInput = Omit<ProductDoc, "updatedAt" | "searchText">;

/** SAP's fields of a product, and nothing else: what its content hash covers. */
function sapFields(d: ProductInput) {
  const { _id, name, description, category, price, features, images, sapLastChange, version } = d;
  const sap = { _id, name, description, category, price, features, images, sapLastChange, version };
  // added only when given: the content hash of a product without it stays what it was
  return d.pricing === undefined ? sap : { ...sap, pricing: d.pricing };
}

/** A product as stored: the SAP fields, its search fields, its price sort key and the write time. */
function productDoc(d: ProductInput, now: Date): ProductDoc {
  const sap = sapFields(d);
  return {
    ...sap,
    searchText: `${d.name} ${d.description}`.toLowerCase(),
    searchTokens: searchTokens(d.name, d.description),
    priceKey: priceKey(d.price),
    updatedAt: now,
  };
}

export interface ProductQuery {
  pageSize: number;
  /** Continue after the page that answered this `nextCursor`. */
  cursor?: string;
  /** Offset paging (deprecated by the API): skips (page - 1) × pageSize and counts a total. */
  page?: number;
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort: ProductSort;
}

/** A product as the catalogue answers it: only the fields a storefront shows, with its stock. */
export type CatalogueProduct = Pick<
  ProductDoc,
  "_id" | "name" | "description" | "price" | "features" | "images" | "updatedAt"
> & { available: number; stockUpdatedAt: Date | null };

/** One page of a listing; `total` only for offset pages (a cursor page costs no count). */
export interface ProductPage {
  items: CatalogueProduct[];
  nextCursor: string | null;
  total?: number;
}

/** The fields a listing reads (sort keys included, for the cursor). */
const LIST_PROJECTION = {
  name: 1,
  description: 1,
  price: 1,
  features: 1,
  images: 1,
  updatedAt: 1,
  priceKey: 1,
  available: 1,
  stockUpdatedAt: 1,
} as const;

/**
 * The filters of a listing, all applied before paging. A search is an equality on the token
 * field (the longest term; the others checked by `$all` on the same documents). Null: the
 * search has no word, so nothing matches.
 */
function listFilter(q: ProductQuery): Record<string, unknown> | null {
  const filter: Record<string, unknown> = {};
  if (q.q !== undefined) {
    const [first, ...rest] = searchTerms(q.q);
    if (!first) return null;
    filter.searchTokens = rest.length ? { $eq: first, $all: [first, ...rest] } : first;
  }
  if (q.category) filter.category = q.category;
  if (q.minPrice !== undefined || q.maxPrice !== undefined) {
    // Without a price the key is -1, below any bound.
    filter.priceKey = {
      $gte: q.minPrice ?? 0,
      ...(q.maxPrice !== undefined ? { $lte: q.maxPrice } : {}),
    };
  }
  if (q.inStock === true) filter.inStock = true;
  if (q.inStock === false) filter.inStock = { $ne: true };
  return filter;
}

function catalogueProduct(p: Partial<ProductDoc> & { _id: string }): CatalogueProduct {
  return {
    _id: p._id,
    name: p.name ?? "",
    description: p.description ?? "",
    price: p.price ?? null,
    features: p.features ?? {},
    images: p.images ?? [],
    updatedAt: p.updatedAt ?? new Date(0),
    available: p.available ?? 0,
    stockUpdatedAt: p.stockUpdatedAt ?? null,
  };
}

/**
 * The storefront read model. The worker writes it from SAP; the storefront API reads it.
 * Writes from SAP are version-guarded: the filter only matches a document whose stored version
 * is older, and an upsert that does not match collides on `_id` — which we count as stale.
 */
/** An order as the storefront submitted it, before any status. */
export type ReceivedOrder = Omit<
  OrderDoc,
  "status" | "statusVersion" | "salesOrder" | "history" | "updatedAt"
>;

function receivedOrderDoc(doc: ReceivedOrder): OrderDoc {
  return {
    ...doc,
    status: "RECEIVED",
    statusVersion: 0,
    salesOrder: null,
    history: [{ status: "RECEIVED", at: doc.createdAt }],
    updatedAt: doc.createdAt,
  };
}

export class ReadModel {
  readonly products: Collection<ProductDoc>;
  readonly stock: Collection<StockDoc>;
  readonly customers: Collection<CustomerDoc>;
  readonly carts: Collection<CartDoc>;
  readonly orders: Collection<OrderDoc>;
  readonly digests: Collection<DigestDoc>;
  /** Product images copied from SAP for originals with no public URL (images.ts). */
  readonly images: ProductImageStore;
  private readonly productDigests: Digests;
  private readonly customerDigests: Digests;

  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
  ) {
    this.products = db.collection(Collections.products);
    this.stock = db.collection(Collections.stock);
    this.customers = db.collection(Collections.customers);
    this.carts = db.collection(Collections.carts);
    this.orders = db.collection(Collections.orders);
    this.digests = db.collection(Collections.digests);
    this.images = new ProductImageStore(db);
    const byIds = (coll: Collection<DigestDoc>, ids: string[]) => this.findEach(coll, "_id", ids);
    this.productDigests = new Digests(this.digests, "products", byIds);
    this.customerDigests = new Digests(this.digests, "customers", byIds);
  }

  /**
   * Connects and proves the server answers (a ping; with `ensureIndexes`, the index check too).
   * A server that refuses or drops connections at start-up — FerretDB restarting beside us — is
   * retried with a bounded exponential backoff, each failure logged, until `startupTimeoutMs`
   * (60 s by default) has passed; then the last error is thrown with what was tried.
   */
  static async connect(url: string, opts: ConnectOptions = {}): Promise<ReadModel> {
    const deadline = Date.now() + (opts.startupTimeoutMs ?? 60_000);
    const log = opts.logger ?? stderrLogger;
    for (let attempt = 1; ; attempt++) {
      const client = new MongoClient(url, {
        appName: opts.appName ?? "icp",
        serverSelectionTimeoutMS: 5_000,
        // A wedged server must fail an operation (and its job, visibly) rather than hang it.
        socketTimeoutMS: 30_000,
        maxPoolSize: 20,
      });
      try {
        await client.connect();
        await client.db().command({ ping: 1 });
        const rm = new ReadModel(client, client.db());
        if (opts.ensureIndexes) await rm.ensureIndexes();
        if (attempt > 1) log.info({ "read_model.attempts": attempt }, "read model connected");
        return rm;
      } catch (error) {
        await client.close(true).catch(() => {});
        const delayMs = Math.min(5_000, 250 * 2 ** (attempt - 1));
        const message = (error as Error)?.message ?? String(error);
        if (!isTransientStartupError(error) || Date.now() + delayMs > deadline) {
          throw new Error(
            `read model at ${redactedHost(url)} unavailable after ${attempt} attempt(s): ${message}`,
            { cause: error },
          );
        }
        log.warn(
          { err: error, "read_model.attempt": attempt, "read_model.retry_in_ms": delayMs },
          `read model at ${redactedHost(url)} not ready (${message}); retrying in ${delayMs} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  /**
   * One createIndexes command per collection and only for indexes that are missing, so a
   * start against an existing database issues no DDL, and several processes starting at once
   * do not race each other's index builds.
   */
  async ensureIndexes(): Promise<void> {
    const wanted: [Pick<Collection, "listIndexes" | "createIndexes">, Record<string, 1 | -1>[]][] = [
      [
        this.products,
        [
          // the listing's sorts, each with `_id` (the cursor's tie-break) — catalogue.SORTS
          { name: 1, _id: 1 },
          { priceKey: 1, _id: 1 },
          { updatedAt: -1, _id: 1 },
          // equality filters (single-field: FerretDB gets a GIN twin of each, and pushes them down)
          { searchTokens: 1 },
          { category: 1 },
          { inStock: 1 },
        ],
      ],
      [this.stock, [{ sku: 1 }]],
      [this.carts, [{ apiClientId: 1 }]],
      [this.orders, [{ apiClientId: 1, createdAt: -1 }, { salesOrder: 1 }, { customerId: 1 }]],
    ];
    for (const [collection, keys] of wanted) {
      const existing = new Set(
        // A collection that does not exist yet has no indexes (and listIndexes fails on it).
        (
          await collection
            .listIndexes()
            .toArray()
            .catch(() => [])
        ).map((i) => JSON.stringify(i.key)),
      );
      const missing = keys.filter((k) => !existing.has(JSON.stringify(k)));
      if (missing.length) await collection.createIndexes(missing.map((key) => ({ key })));
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  // ---------- writers (worker) ----------

  /**
   * Upsert products in one bulk; older versions than stored are skipped, not errors. Products
   * whose content (SAP's fields and version) is what the read model last wrote for them are
   * not written at all (`unchanged`): their hashes are compared with the digests first.
   */
  async upsertProducts(docs: ProductInput[], opts: ProductWriteOptions = {}): Promise<BulkOutcome> {
    return this.writeChanged(
      this.productDigests,
      docs,
      (d) => sapFields(d),
      opts.force ?? false,
      (changed) => {
        opts.onChanged?.(changed.map((d) => d._id));
        const now = new Date();
        const ops: AnyBulkWriteOperation<ProductDoc>[] = changed.map((d) => {
          const { _id, ...rest } = productDoc(d, now);
          return {
            updateOne: {
              // A full resync rewrites documents of the same version (e.g. new images); older never win.
              filter: {
                _id,
                version: opts.rewriteSameVersion || opts.force ? { $lte: d.version } : { $lt: d.version },
              },
              update: { $set: rest },
              upsert: true,
            },
          };
        });
        return this.bulkGuarded(this.products, ops);
      },
    );
  }

  /**
   * Writes, with `write`, only the documents whose content hash differs from their digest, then
   * records what it wrote; if any write lost to a newer stored version, those documents' digests
   * are forgotten instead (which ones lost, a bulk result does not say).
   */
  private async writeChanged<D extends { _id: string }>(
    digests: Digests,
    docs: D[],
    content: (d: D) => unknown,
    /** Write them all, whatever the digests say (a repair). */
    force: boolean,
    write: (changed: D[]) => Promise<BulkOutcome>,
  ): Promise<BulkOutcome> {
    if (!docs.length) return { applied: 0, stale: 0, created: 0 };
    const hashes = new Map(docs.map((d) => [d._id, contentHash(content(d))]));
    const stored = force ? new Map<string, string>() : await digests.stored([...hashes.keys()]);
    const changed = docs.filter((d) => stored.get(d._id) !== hashes.get(d._id));
    const unchanged = docs.length - changed.length;
    const r = changed.length ? await write(changed) : { applied: 0, stale: 0, created: 0 };
    if (r.stale) await digests.forget(changed.map((d) => d._id));
    else await digests.record(changed.map((d) => ({ id: d._id, hash: hashes.get(d._id) ?? "" })));
    return unchanged ? { ...r, unchanged } : r;
  }

  /**
   * A page of a bulk load (full resync): products new to the read model go in with one
   * unordered `insertMany`; those it already holds collide on `_id` and only they take the
   * version-guarded upsert, with the outcome `upsertProducts` would have given. Inserting
   * first is what makes an initial load cost an insert per product instead of a lookup and a
   * write; a product written meanwhile by anything else is still only replaced by a newer or
   * (with `rewriteSameVersion`) equal version.
   */
  async insertProducts(docs: ProductInput[], opts: ProductWriteOptions = {}): Promise<BulkOutcome> {
    if (!docs.length) return { applied: 0, stale: 0, created: 0 };
    const now = new Date();
    let existing: number[] = [];
    try {
      await this.products.insertMany(
        docs.map((d) => productDoc(d, now)),
        { ordered: false },
      );
    } catch (e) {
      const errors = writeErrorsOf(e);
      if (!errors || errors.some((w) => w.code !== DUPLICATE_KEY)) throw e;
      existing = errors.map((w) => w.index);
    }
    const created = docs.length - existing.length;
    const collided = new Set(existing);
    await this.productDigests.record(
      docs.flatMap((d, i) => (collided.has(i) ? [] : [{ id: d._id, hash: contentHash(sapFields(d)) }])),
    );
    opts.onChanged?.(docs.flatMap((d, i) => (collided.has(i) ? [] : [d._id])));
    if (!existing.length) return { applied: created, stale: 0, created };
    const rest = await this.upsertProducts(
      existing.flatMap((i) => docs[i] ?? []),
      opts,
    );
    return {
      applied: created + rest.applied,
      stale: rest.stale,
      created: created + rest.created,
      ...(rest.unchanged ? { unchanged: rest.unchanged } : {}),
    };
  }

  /**
   * Products SAP marked for deletion leave the storefront, unless a newer version is stored
   * (SAP lifted the flag and that change was applied first). Returns how many were removed.
   */
  async removeProducts(products: { _id: string; version: number }[]): Promise<number> {
    // One equality delete each: FerretDB 1.x does not push `$in` down (a full scan per call).
    const results = await Promise.all(
      products.map((p) => this.products.deleteOne({ _id: p._id, version: { $lte: p.version } })),
    );
    await this.productDigests.forget(products.map((p) => p._id));
    return results.reduce((n, r) => n + r.deletedCount, 0);
  }

  /**
   * Upsert customers (version-guarded); one whose content was last written as is is skipped.
   * `force`: a repair, as for products (`ProductWriteOptions.force`).
   */
  async upsertCustomers(
    docs: Omit<CustomerDoc, "updatedAt">[],
    opts: { force?: boolean } = {},
  ): Promise<BulkOutcome> {
    return this.writeChanged(
      this.customerDigests,
      docs,
      (d) => d,
      opts.force ?? false,
      (changed) => {
        const now = new Date();
        const ops: AnyBulkWriteOperation<CustomerDoc>[] = changed.map((d) => {
          const { _id, ...rest } = d;
          return {
            updateOne: {
              filter: { _id, version: opts.force ? { $lte: d.version } : { $lt: d.version } },
              update: { $set: { ...rest, updatedAt: now } },
              upsert: true,
            },
          };
        });
        return this.bulkGuarded(this.customers, ops);
      },
    );
  }

  /** Current prices (SAP's PR00 condition records) onto existing products. */
  async setPrices(
    prices: {
      sku: string;
      amount: string;
      currency: string;
      validFrom: Date | null;
      pricing?: PricingConditions | null;
    }[],
  ): Promise<BulkOutcome> {
    if (!prices.length) return { applied: 0, stale: 0, created: 0 };
    const updatedAt = new Date();
    const r = await this.bulkGuarded(
      this.products,
      prices.map((p) => ({
        updateOne: {
          filter: { _id: p.sku },
          update: {
            $set: {
              price: {
                amount: p.amount,
                amountNum: Number(p.amount),
                currency: p.currency,
                validFrom: p.validFrom,
              },
              priceKey: Number(p.amount),
              ...(p.pricing !== undefined ? { pricing: p.pricing } : {}),
              updatedAt,
            },
          },
        },
      })),
    );
    // The products now differ from what their resync wrote: the next one writes them again.
    await this.productDigests.forget(prices.map((p) => p.sku));
    return r;
  }

  async setStock(
    levels: { sku: string; plant: string; quantity: number; version: number }[],
  ): Promise<StockOutcome> {
    if (!levels.length) return { applied: 0, stale: 0, created: 0, stored: new Map() };
    const now = new Date();
    const ops: AnyBulkWriteOperation<StockDoc>[] = levels.map((l) => ({
      updateOne: {
        filter: { _id: `${l.sku}|${l.plant}`, version: { $lt: l.version } },
        update: {
          $set: { sku: l.sku, plant: l.plant, quantity: l.quantity, version: l.version, updatedAt: now },
        },
        upsert: true,
      },
    }));
    const r = await this.bulkGuarded(this.stock, ops);
    return { ...r, stored: await this.summariseStock(levels) };
  }

  /**
   * The products' stock summary (available over all plants, inStock) after their levels were
   * written, so that a listing filters and shows stock from the product itself. Summed from the
   * stored levels (one equality lookup per product) and written only over a summary computed
   * from older levels (`stockVersion`). A product created after its stock gets its summary at its
   * next stock write (or STOCK resync); single products and GET /stock always sum the levels.
   */
  private async summariseStock(levels: { sku: string; version: number }[]): Promise<StockOutcome["stored"]> {
    const skus = [...new Set(levels.map((l) => l.sku))];
    const rows = await this.findEach(this.stock, "sku", skus, undefined, skus.length);
    const sums = new Map<string, { available: number; at: Date | null; version: number }>();
    for (const s of rows) {
      const cur = sums.get(s.sku) ?? { available: 0, at: null, version: 0 };
      cur.available += s.quantity;
      if (!cur.at || s.updatedAt > cur.at) cur.at = s.updatedAt;
      cur.version = Math.max(cur.version, s.version);
      sums.set(s.sku, cur);
    }
    const ops: AnyBulkWriteOperation<ProductDoc>[] = [...sums].map(([sku, s]) => ({
      updateOne: {
        filter: {
          _id: sku,
          $or: [{ stockVersion: { $exists: false } }, { stockVersion: { $lte: s.version } }],
        },
        update: {
          $set: {
            available: s.available,
            inStock: s.available > 0,
            stockUpdatedAt: s.at,
            stockVersion: s.version,
          },
        },
      },
    }));
    if (ops.length) await this.bulkGuarded(this.products, ops);
    const stored: StockOutcome["stored"] = new Map();
    for (const s of rows) {
      const cur = stored.get(s.sku) ?? { available: sums.get(s.sku)?.available ?? 0, plants: new Map() };
      cur.plants.set(s.plant, { quantity: s.quantity, version: s.version });
      stored.set(s.sku, cur);
    }
    return stored;
  }

  /**
   * Unordered bulk upserts, sent BULK_CHUNK operations per command. FerretDB 1.x keeps each
   * update statement's query (and its pooled PostgreSQL connection) open until the whole
   * command ends, so one command of 500 updates needs 500 connections and, past its pool,
   * waits for ever (seen here: a resync page stuck at 1,500/2,000 with all 400 connections
   * idle on the page's SELECTs). MongoDB does not care; it costs a few more round trips.
   */
  private async bulkGuarded<T extends { _id: string }>(
    coll: Collection<T>,
    ops: AnyBulkWriteOperation<T>[],
  ): Promise<BulkOutcome> {
    const sum: BulkOutcome = { applied: 0, stale: 0, created: 0 };
    for (let i = 0; i < ops.length; i += BULK_CHUNK) {
      const r = await this.bulkChunk(coll, ops.slice(i, i + BULK_CHUNK));
      sum.applied += r.applied;
      sum.stale += r.stale;
      sum.created += r.created;
    }
    return sum;
  }

  private async bulkChunk<T extends { _id: string }>(
    coll: Collection<T>,
    ops: AnyBulkWriteOperation<T>[],
  ): Promise<BulkOutcome> {
    try {
      const r = await coll.bulkWrite(ops, { ordered: false });
      return { applied: r.upsertedCount + r.matchedCount, stale: 0, created: r.upsertedCount };
    } catch (e) {
      // Duplicate-key failures are the stale ones (a version-guarded upsert that did not match).
      const errors = writeErrorsOf(e);
      if (!errors?.every((w) => w.code === DUPLICATE_KEY)) throw e;
      const result = (e as unknown as { result?: { upsertedCount?: number; matchedCount?: number } }).result;
      const created = result?.upsertedCount ?? 0;
      const applied = created + (result?.matchedCount ?? 0);
      // MongoDB runs every operation of an unordered bulk and accounts for each.
      if (applied + errors.length >= ops.length) return { applied, stale: errors.length, created };
      // FerretDB 1.x ignores `ordered: false`: an update command stops at its first failure and
      // reports that one error and no counts, so the operations after it never ran. One by one,
      // then. (Those before it ran; running them again is harmless, each is version-guarded, but
      // one that was applied now counts as stale.)
      return this.oneByOne(coll, ops);
    }
  }

  private async oneByOne<T extends { _id: string }>(
    coll: Collection<T>,
    ops: AnyBulkWriteOperation<T>[],
  ): Promise<BulkOutcome> {
    const sum: BulkOutcome = { applied: 0, stale: 0, created: 0 };
    for (const op of ops) {
      try {
        const r = await coll.bulkWrite([op], { ordered: true });
        sum.applied += r.upsertedCount + r.matchedCount;
        sum.created += r.upsertedCount;
      } catch (e) {
        if (!writeErrorsOf(e)?.every((w) => w.code === DUPLICATE_KEY)) throw e;
        sum.stale++;
      }
    }
    return sum;
  }

  /** The order as the storefront submitted it; a second call for the same id changes nothing. */
  async orderReceived(doc: ReceivedOrder): Promise<"created" | "exists"> {
    try {
      await this.orders.insertOne(receivedOrderDoc(doc));
      return "created";
    } catch (e) {
      if (e instanceof MongoServerError && e.code === DUPLICATE_KEY) return "exists";
      throw e;
    }
  }

  /**
   * Many received orders in one insert. If any of them is there already, the insert stops at
   * it (FerretDB stops at the first failure even unordered), so the batch is then written one
   * by one; those the first attempt did insert answer "exists" then.
   */
  async ordersReceived(docs: ReceivedOrder[]): Promise<("created" | "exists")[]> {
    if (docs.length === 1 && docs[0]) return [await this.orderReceived(docs[0])];
    try {
      await this.orders.insertMany(docs.map(receivedOrderDoc), { ordered: true });
      return docs.map(() => "created");
    } catch (e) {
      if (!writeErrorsOf(e)?.every((w) => w.code === DUPLICATE_KEY)) throw e;
      const out: ("created" | "exists")[] = [];
      for (const d of docs) out.push(await this.orderReceived(d));
      return out;
    }
  }

  /**
   * Apply an order status with its version (SAP change time in ms; 0 for our own transitions
   * like ACCEPTED). An equal or older version is stale and changes nothing.
   */
  async applyOrderStatus(
    orderId: string,
    change: {
      status: StorefrontOrderStatus;
      version: number;
      salesOrder?: string;
      note?: string;
      /** SAP's change time, kept beside `at` (when the storefront learnt it, on our clock). */
      sapAt?: Date;
    },
  ): Promise<WriteOutcome> {
    // The history's `at` is our clock, as for RECEIVED/ACCEPTED, so a history never runs
    // backwards when SAP's clock is behind ours; SAP's own time is kept as `sapAt`.
    const at = new Date();
    const entry = {
      status: change.status,
      at,
      ...(change.sapAt ? { sapAt: change.sapAt } : {}),
      ...(change.note ? { note: change.note } : {}),
    };
    const r = await this.orders.updateOne(
      { _id: orderId, statusVersion: { $lt: change.version }, status: { $ne: change.status } },
      {
        $set: {
          status: change.status,
          statusVersion: change.version,
          updatedAt: at,
          ...(change.salesOrder ? { salesOrder: change.salesOrder } : {}),
        },
        $push: { history: entry },
      },
    );
    return r.modifiedCount === 1 ? "applied" : "stale";
  }

  /** Our own transitions before SAP has spoken (RECEIVED → ACCEPTED/FAILED/CANCELLATION_REQUESTED). */
  async markOrder(
    orderId: string,
    status: StorefrontOrderStatus,
    extra: { salesOrder?: string; note?: string; onlyFrom: StorefrontOrderStatus[] },
  ): Promise<WriteOutcome> {
    const at = new Date();
    const r = await this.orders.updateOne(
      { _id: orderId, status: { $in: extra.onlyFrom } },
      {
        $set: { status, updatedAt: at, ...(extra.salesOrder ? { salesOrder: extra.salesOrder } : {}) },
        $push: { history: { status, at, ...(extra.note ? { note: extra.note } : {}) } },
      },
    );
    return r.modifiedCount === 1 ? "applied" : "stale";
  }

  // ---------- readers (storefront API) ----------

  /**
   * A page of the catalogue. Every filter applies before paging, so a page is full unless it
   * is the last, and the next one starts after this one's last product (an opaque cursor on the
   * sort key and `_id`): no offset is skipped and no total counted, so MongoDB answers each page
   * from the sort's compound index, however deep. Offset pages (`page`) still work and count
   * their total. Only the fields the storefront shows are read.
   * Throws InvalidCursorError for a cursor this listing did not make.
   */
  async listProducts(q: ProductQuery): Promise<ProductPage> {
    const filter = listFilter(q);
    if (!filter) return { items: [], nextCursor: null, ...(q.page !== undefined ? { total: 0 } : {}) };
    const { field, dir } = SORTS[q.sort];
    const fingerprint = filtersFingerprint({ ...filter, sort: q.sort });
    let where = filter;
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      if (c.sort !== q.sort || c.filters !== fingerprint)
        throw new InvalidCursorError("the cursor continues a listing with another sort or other filters");
      where = { ...filter, ...afterCursor(c) };
    }
    const find = this.products
      .find(where as Filter<ProductDoc>, { projection: LIST_PROJECTION })
      .sort({ [field]: dir, _id: 1 });
    if (q.page !== undefined && !q.cursor) find.skip((q.page - 1) * q.pageSize);
    const [rows, total] = await Promise.all([
      find.limit(q.pageSize + 1).toArray(),
      q.page !== undefined ? this.products.countDocuments(filter as Filter<ProductDoc>) : undefined,
    ]);
    const items = rows.slice(0, q.pageSize);
    const last = items.at(-1) as (Partial<ProductDoc> & { _id: string }) | undefined;
    const nextCursor =
      rows.length > q.pageSize && last
        ? encodeCursor({
            sort: q.sort,
            filters: fingerprint,
            value: last[field as keyof ProductDoc],
            id: last._id,
          })
        : null;
    return { items: items.map(catalogueProduct), nextCursor, ...(total !== undefined ? { total } : {}) };
  }

  /** One product as the catalogue answers it, its stock summed from the levels (exact). */
  async getProduct(sku: string): Promise<CatalogueProduct | null> {
    const [p, stock] = await Promise.all([
      this.products.findOne({ _id: sku }, { projection: LIST_PROJECTION }),
      this.stockFor([sku]),
    ]);
    if (!p) return null;
    const s = stock.get(sku);
    return { ...catalogueProduct(p), available: s?.available ?? 0, stockUpdatedAt: s?.updatedAt ?? null };
  }

  /**
   * Documents whose `field` equals one of `values`. FerretDB 1.x does not push `$in` down to
   * PostgreSQL: it reads the whole collection (110 ms for 3,000 stock rows, and it grows with
   * the catalogue), while an equality filter is pushed down and indexed (see
   * scripts/stack/ferretdb-indexes.sql). So up to FIND_EACH_MAX values are looked up one
   * equality filter each, side by side, and only longer lists use `$in` (MongoDB serves both).
   */
  async findEach<T extends { _id: string }>(
    coll: Collection<T>,
    field: string,
    values: string[],
    projection?: Record<string, 0 | 1>,
    /** Past this many values, one `$in` instead (FIND_EACH_MAX by default). */
    maxEach = FIND_EACH_MAX,
  ): Promise<T[]> {
    const unique = [...new Set(values)];
    const opts = projection ? { projection } : {};
    if (unique.length > maxEach)
      return (await coll.find({ [field]: { $in: unique } } as Filter<T>, opts).toArray()) as T[];
    const found = await Promise.all(
      unique.map((v) => coll.find({ [field]: v } as Filter<T>, opts).toArray() as Promise<T[]>),
    );
    return found.flat();
  }

  /** Products' list prices and the records a price quote is made from (no other field). */
  async pricingFor(skus: string[]): Promise<Map<string, Pick<ProductDoc, "_id" | "price" | "pricing">>> {
    const out = new Map<string, Pick<ProductDoc, "_id" | "price" | "pricing">>();
    if (!skus.length) return out;
    for (const p of await this.findEach(this.products, "_id", skus, { price: 1, pricing: 1 }))
      out.set(p._id, { _id: p._id, price: p.price ?? null, pricing: p.pricing ?? null });
    return out;
  }

  async stockFor(skus: string[]): Promise<Map<string, { available: number; updatedAt: Date | null }>> {
    const out = new Map<string, { available: number; updatedAt: Date | null }>();
    if (!skus.length) return out;
    for (const s of await this.findEach(this.stock, "sku", skus)) {
      const cur = out.get(s.sku) ?? { available: 0, updatedAt: null };
      cur.available += s.quantity;
      if (!cur.updatedAt || s.updatedAt > cur.updatedAt) cur.updatedAt = s.updatedAt;
      out.set(s.sku, cur);
    }
    return out;
  }
}
