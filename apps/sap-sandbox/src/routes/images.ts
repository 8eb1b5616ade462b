import type { FastifyInstance } from "fastify";
import { productImagePng, productImageSvg } from "../images";
import type { SandboxStore } from "../store/store";
import type { Row } from "../store/table";

/**
 * An attachment original's content (`$value`): the product's image, as PNG bytes when the
 * original says it is a PNG, else as SVG; named after the key when the product is unknown.
 */
export function attachmentImage(store: SandboxStore, original: Row): string | Buffer {
  const product = String(original.LinkedSAPObjectKey);
  if (original.MimeType === "image/png") return productImagePng(store.catalog.seed, product);
  const index = store.catalog.productIndex(product);
  return productImageSvg(
    store.catalog.seed,
    product,
    index === undefined ? product : store.catalog.product(index).name,
  );
}

/** /sandbox/images/:file: product images, as the attachment service's originals link them. */
export function registerImageRoutes(app: FastifyInstance, store: SandboxStore): void {
  app.get("/sandbox/images/:file", async (req, reply) => {
    const file = (req.params as { file: string }).file;
    const png = file.endsWith(".png");
    const product = file.replace(/\.(svg|png)$/, "");
    const index = store.catalog.productIndex(product);
    if (index === undefined) return reply.code(404).send();
    const spec = store.catalog.product(index);
    reply.header("cache-control", "public, max-age=86400");
    return png
      ? reply.type("image/png").send(productImagePng(store.catalog.seed, product))
      : reply.type("image/svg+xml").send(productImageSvg(store.catalog.seed, product, spec.name));
  });
}
