import Link from "next/link";
import { checkout, removeFromCart } from "~/app/actions";
import { cartId } from "~/lib/session";
import { settings, shop } from "~/lib/shop";

export const dynamic = "force-dynamic";

export default async function CartPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const id = await cartId();
  const cart = id
    ? await shop()
        .getCart(id)
        .catch(() => null)
    : null;
  const { customerId } = settings();
  return (
    <>
      <h1>Your cart</h1>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {!cart || cart.lines.length === 0 ? (
        <p>
          Your cart is empty. <Link href="/">Browse the catalogue</Link>
        </p>
      ) : (
        <>
          <table data-testid="cart-lines">
            <thead>
              <tr>
                <th>SKU</th>
                <th>Quantity</th>
                <th>Unit price</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {cart.lines.map((l) => (
                <tr key={l.sku}>
                  <td>{l.sku}</td>
                  <td>{l.quantity}</td>
                  <td>{l.unitPrice ? `${l.unitPrice} ${cart.currency}` : "—"}</td>
                  <td>
                    <form action={removeFromCart}>
                      <input type="hidden" name="sku" value={l.sku} />
                      <button type="submit">Remove</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="price" data-testid="cart-total">
            Total {cart.total} {cart.currency}
          </p>
          <form action={checkout}>
            <input type="hidden" name="idempotencyKey" value={crypto.randomUUID()} />
            <p className="muted">Ordering as customer {customerId}</p>
            <button type="submit">Place order</button>
          </form>
        </>
      )}
    </>
  );
}
