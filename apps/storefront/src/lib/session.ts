import "server-only";
import { cookies } from "next/headers";

/** The shopper's cart and the orders this browser placed, in httpOnly cookies. */
const CART = "sf_cart";
const ORDERS = "sf_orders";
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const opts = { httpOnly: true, sameSite: "lax", path: "/", maxAge: 7 * 86_400 } as const;

export async function cartId(): Promise<string | undefined> {
  const v = (await cookies()).get(CART)?.value;
  return v && ID.test(v) ? v : undefined;
}

export async function setCartId(id: string | null): Promise<void> {
  const jar = await cookies();
  if (id) jar.set(CART, id, opts);
  else jar.delete(CART);
}

export async function placedOrders(): Promise<string[]> {
  return ((await cookies()).get(ORDERS)?.value ?? "").split(".").filter((id) => ID.test(id));
}

export async function rememberOrder(orderId: string): Promise<void> {
  const ids = [orderId, ...(await placedOrders()).filter((id) => id !== orderId)].slice(0, 20);
  (await cookies()).set(ORDERS, ids.join("."), opts);
}
