"use server";
import { ProblemError } from "@icp/storefront-sdk";
import { redirect } from "next/navigation";
import { cartId, rememberOrder, setCartId } from "~/lib/session";
import { log, settings, shop } from "~/lib/shop";

const SKU = /^[A-Za-z0-9_.-]{1,40}$/;
const KEY = /^[\x21-\x7e]{8,255}$/;

function refused(e: unknown, to: string): never {
  if (e instanceof ProblemError)
    redirect(`${to}?error=${encodeURIComponent(e.problem.detail ?? e.problem.title)}`);
  throw e;
}

/** Adds to the shopper's cart (a new cart on the API when there is none yet or it expired). */
export async function addToCart(form: FormData): Promise<void> {
  const sku = String(form.get("sku") ?? "");
  const quantity = Number(form.get("quantity") ?? 1);
  if (!SKU.test(sku) || !Number.isInteger(quantity) || quantity < 1 || quantity > 99)
    redirect(`/cart?error=${encodeURIComponent("choose a product and a quantity from 1 to 99")}`);
  const { customerId, currency } = settings();
  const id = await cartId();
  try {
    const existing = id
      ? await shop()
          .getCart(id)
          .catch(() => null)
      : null;
    if (existing) {
      const have = existing.lines.find((l) => l.sku === sku)?.quantity ?? 0;
      await shop().setCartLine(existing.id, sku, have + quantity);
    } else {
      const cart = await shop().createCart({ customerId, currency, lines: [{ sku, quantity }] });
      await setCartId(cart.id);
    }
  } catch (e) {
    refused(e, "/cart");
  }
  redirect("/cart");
}

export async function removeFromCart(form: FormData): Promise<void> {
  const sku = String(form.get("sku") ?? "");
  const id = await cartId();
  if (id && SKU.test(sku))
    await shop()
      .removeCartLine(id, sku)
      .catch((e: unknown) => refused(e, "/cart"));
  redirect("/cart");
}

/**
 * Places the order. The Idempotency-Key was rendered into the checkout form, so a double click
 * or a resubmitted form continues the same order; the SDK keeps it across its own retries.
 */
export async function checkout(form: FormData): Promise<void> {
  const key = String(form.get("idempotencyKey") ?? "");
  const id = await cartId();
  if (!id || !KEY.test(key)) redirect(`/cart?error=${encodeURIComponent("your cart is empty")}`);
  const { customerId, currency } = settings();
  let orderId: string;
  try {
    const accepted = await shop().placeOrder({ customerId, currency, cartId: id }, { idempotencyKey: key });
    orderId = accepted.orderId;
  } catch (e) {
    refused(e, "/cart");
  }
  log("info", "order placed", { "order.id": orderId, "cart.id": id });
  await rememberOrder(orderId);
  await setCartId(null);
  redirect(`/orders/${encodeURIComponent(orderId)}`);
}
