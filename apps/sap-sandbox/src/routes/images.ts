import type { FastifyInstance } from "fastify";
import { productImageSvg } from "../images";
import type { SandboxStore } from "../store/store";

/** An attachment original's content (`$value`): the product's image, named after the key when unknown. */
export function attachmentImage(store: SandboxStore, product: string): string {
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
    const product = file.replace(/\.svg$/, "");
    const index = store.catalog.productIndex(product);
    if (index === undefined) return reply.code(404).send();
    const spec = store.catalog.product(index);
    return reply
      .header("cache-control", "public, max-age=86400")
      .type("image/svg+xml")
      .send(productImageSvg(store.catalog.seed, product, spec.name));
  });
}
