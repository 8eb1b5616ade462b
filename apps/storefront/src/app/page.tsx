import Link from "next/link";
import { money, settings, shop } from "~/lib/shop";

// Static: generated at build, regenerated only when a signed product/stock webhook revalidates it.
export const dynamic = "force-static";

export default async function Catalogue() {
  const page = await shop().listProducts({
    pageSize: Math.min(100, Math.max(1, settings().prerender)),
    sort: "name",
  });
  return (
    <>
      <h1>Catalogue</h1>
      <p className="muted">
        Generated {new Date().toISOString()} (static; revalidated by the control plane's webhooks)
      </p>
      <ul className="grid" data-testid="catalogue">
        {page.items.map((p) => (
          <li key={p.id} className="card">
            <Link className="item" href={`/products/${encodeURIComponent(p.id)}`}>
              {p.name}
            </Link>
            <div className="muted">{p.id}</div>
            <div className="price">{money(p.price)}</div>
            <div className="muted">
              {p.stock.available > 0 ? `${p.stock.available} in stock` : "out of stock"}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
