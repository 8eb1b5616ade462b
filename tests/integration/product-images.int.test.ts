import { createPrisma, type Db } from "@icp/db";
import { IMAGE_ID_PATTERN, STOREFRONT_API_BASE_PATH } from "@icp/domain/product-images";
import { createLogger } from "@icp/observability";
import { ReadModel } from "@icp/read-model";
import { createSandbox, type Sandbox } from "@icp/sap-sandbox";
import { masterDataImages } from "@icp/worker/flows/master-data";
import { resyncMasterData } from "@icp/worker/master-data/resync";
import { createSapPorts, masterDataFrom, type SapPorts } from "@icp/worker/sap";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestStack, testStack } from "./harness";
import { startStorefrontApi } from "./storefront-server";

/**
 * Issue 22, item 4: product images whose originals SAP keeps behind its logon (the sandbox's
 * `documentUrls: "empty"`, as for attachments stored in S/4) reach the storefront by URLs that
 * answer without SAP credentials. Real PostgreSQL (failures), FerretDB (read model and image
 * store), the SAP sandbox over HTTP, and the storefront API as the console serves it.
 */
const logger = createLogger({ service: "it-product-images", level: "silent" });
const CV = "API_CV_ATTACHMENT_SRV";
const PRODUCTS = 8;
let stack: TestStack;
let sandbox: Sandbox;
let db: Db;
let rm: ReadModel;
let sap: SapPorts;
let api: Awaited<ReturnType<typeof startStorefrontApi>>;
let svgProduct = "";
let pngProducts: string[] = [];

/** A full product resync as the worker's flow wires it (its image cache capped at `maxBytes`). */
async function resync(maxBytes?: number): Promise<void> {
  const images = masterDataImages({ db, rm, logger, ...(maxBytes !== undefined ? { maxBytes } : {}) });
  const run = await db.syncRun.create({ data: { entity: "PRODUCTS", mode: "FULL", startedBy: "test" } });
  const result = await resyncMasterData({ db, rm, source: masterDataFrom(sap.client, { images }), logger })({
    data: { runId: run.id },
    updateProgress: async () => {},
  } as unknown as Job<{ runId: string }>); // only data and updateProgress are used
  expect(result.state).toBe("SUCCEEDED");
}

const attachments = () => sandbox.store.table(CV, "AttachmentContentSet");
const originalOf = (product: string) => [...attachments().where({ LinkedSAPObjectKey: product })][0]!;
const imagesOf = async (product: string) => (await rm.products.findOne({ _id: product }))?.images ?? [];
const imageFailures = () =>
  db.failureRecord.findMany({
    where: { flow: "MASTER_DATA", entityKey: { startsWith: "product-image:" } },
    orderBy: { createdAt: "asc" },
  });

beforeAll(async () => {
  sandbox = await createSandbox({
    port: 0,
    logLevel: "silent",
    products: PRODUCTS,
    customers: 5,
    tickMs: 0,
    adminToken: "it-admin",
    documentUrls: "empty",
    imageFormat: "png",
  });
  stack = await testStack({ SAP_BASE_URL: sandbox.url, SAP_TIMEOUT_MS: "5000" });
  db = createPrisma(stack.env.DATABASE_URL);
  rm = await ReadModel.connect(stack.env.MONGODB_URL);
  sap = createSapPorts(stack.env, logger);
  api = await startStorefrontApi(stack.env, { name: "it-product-images", rateLimitPrefix: "it-img" });
  const products = [...sandbox.store.table("API_PRODUCT_SRV", "A_Product").scan()].map((p) =>
    String(p.Product),
  );
  expect(products).toHaveLength(PRODUCTS);
  // one original labelled SVG, which may carry script: refused, visibly
  svgProduct = products[0]!;
  attachments().put({ ...originalOf(svgProduct), MimeType: "image/svg+xml", FileName: `${svgProduct}.svg` });
  pngProducts = products.slice(1);
});

afterAll(async () => {
  await api?.close();
  await sap?.close();
  await rm?.close();
  await db?.close();
  await sandbox?.close();
  await stack?.close();
});

/** The image at a product's URL, fetched as a browser would: no credentials of any kind. */
const fetchImage = (url: string, headers: Record<string, string> = {}) =>
  fetch(new URL(url, api.url), { headers, redirect: "manual" });

describe("product images without SAP credentials (issue 22: 4)", () => {
  it("a resync publishes every product's image at a storefront URL that answers 200 with SAP's bytes, no credentials", async () => {
    sandbox.stats.reset();
    await resync();
    // every PNG original was read from SAP once, the SVG one not at all
    expect(sandbox.stats.mediaReads).toBe(PNG_COUNT());
    for (const product of pngProducts) {
      const images = await imagesOf(product);
      expect(images, product).toHaveLength(1);
      const url = images[0]!.url;
      expect(url.startsWith(`${STOREFRONT_API_BASE_PATH}/images/`), url).toBe(true);
      const id = url.split("/").at(-1)!;
      expect(id).toMatch(IMAGE_ID_PATTERN);
      const res = await fetchImage(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("etag")).toBe(`"${id}"`);
      const bytes = Buffer.from(await res.arrayBuffer());
      // the very bytes SAP holds (read here with SAP's logon)
      const fromSap = await sap.client.attachments.content(
        (await sap.client.attachments.originalsFor(product))[0]!,
      );
      expect(bytes.equals(fromSap.bytes)).toBe(true);
    }
    // what the storefront got before: the $value URL, which needs SAP's logon
    const original = (await sap.client.attachments.originalsFor(pngProducts[0]!))[0]!;
    const value = await fetch(sap.client.attachments.contentUrl(original));
    expect(value.status).toBe(401);
    await value.arrayBuffer();
  });

  it("answers 304 to If-None-Match with the image's ETag", async () => {
    const url = (await imagesOf(pngProducts[0]!))[0]!.url;
    const first = await fetchImage(url);
    const etag = first.headers.get("etag") ?? "";
    await first.arrayBuffer();
    const again = await fetchImage(url, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const unknown = await fetchImage(`${STOREFRONT_API_BASE_PATH}/images/${"0".repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    await unknown.arrayBuffer();
  });

  it("a second resync reads no unchanged image from SAP again, and the URLs stay the same", async () => {
    const before = await Promise.all(pngProducts.map(imagesOf));
    sandbox.stats.reset();
    await resync();
    expect(sandbox.stats.mediaReads).toBe(0);
    expect(await Promise.all(pngProducts.map(imagesOf))).toEqual(before);
  });

  it("an SVG original is refused visibly and its product is still published, without that image", async () => {
    const product = await rm.products.findOne({ _id: svgProduct });
    expect(product?.name).toBeTruthy();
    expect(product?.images).toEqual([]);
    const failures = (await imageFailures()).filter((f) => f.entityKey?.includes(`|${svgProduct}|`));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ state: "OPEN", errorClass: "BUSINESS" });
    expect(failures[0]?.message).toMatch(/image\/svg\+xml is not served/);
  });

  it("a changed original over the size cap is read, refused visibly, and the product keeps the copy it had", async () => {
    const product = pngProducts[1]!;
    const had = await imagesOf(product);
    const row = originalOf(product);
    // SAP's change time moves (a new upload); the sandbox gives no FileSize for a PNG it regenerates
    attachments().put({ ...row, ChangedDateTime: new Date(Date.UTC(2026, 5, 1)), FileSize: "0" });
    sandbox.stats.reset();
    await resync(100);
    expect(sandbox.stats.mediaReads).toBe(1);
    expect(await imagesOf(product)).toEqual(had);
    const failures = (await imageFailures()).filter((f) => f.entityKey?.includes(`|${product}|`));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ state: "OPEN", errorClass: "BUSINESS" });
    expect(failures[0]?.message).toMatch(/bytes, over the cap of 100 .*keeps the copy it had/);

    // within the cap again: copied at the next resync, and its failure resolved by the system
    sandbox.stats.reset();
    await resync();
    expect(sandbox.stats.mediaReads).toBe(1);
    const resolved = await db.failureRecord.findUniqueOrThrow({ where: { id: failures[0]!.id } });
    expect(resolved).toMatchObject({ state: "RESOLVED", resolvedBy: "system:resync" });
  });
});

const PNG_COUNT = () => pngProducts.length;
