import { addToCart } from "~/app/actions";
import { money, notFoundOn404, settings, shop } from "~/lib/shop";
import { LiveStock } from "./live-stock";

// Static product pages: the first STOREFRONT_PRERENDER_PRODUCTS at build, others on first visit;
// each regenerated only when the control plane's signed webhook revalidates it (no rebuild).
export const dynamic = "force-static";
export const dynamicParams = true;

export async function generateStaticParams() {
  const n = settings().prerender;
  if (n === 0) return [];
  const page = await shop().listProducts({ pageSize: Math.min(100, n), sort: "name" });
  return page.items.map((p) => ({ sku: p.id }));
}

export default async function ProductPage({ params }: { params: Promise<{ sku: string }> }) {
  const { sku } = await params;
  const product = await shop().getProduct(decodeURIComponent(sku)).catch(notFoundOn404);
  return (
    <article className="card">
      <h1>{product.name}</h1>
      <p className="muted">
        SKU {product.id} · page generated <span data-testid="generated-at">{new Date().toISOString()}</span>
      </p>
      <p className="price" data-testid="price">
        {money(product.price)}
      </p>
      <p>{product.description}</p>
      <LiveStock sku={product.id} initial={product.stock.available} />
      <form action={addToCart}>
        <input type="hidden" name="sku" value={product.id} />
        <label>
          Quantity{" "}
          <input name="quantity" type="number" min={1} max={99} defaultValue={1} style={{ width: "4rem" }} />
        </label>{" "}
        <button type="submit">Add to cart</button>
      </form>
    </article>
  );
}
