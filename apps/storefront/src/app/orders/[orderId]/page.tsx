import { notFound } from "next/navigation";
import { placedOrders } from "~/lib/session";
import { notFoundOn404, shop } from "~/lib/shop";
import { OrderLive } from "./order-live";

export const dynamic = "force-dynamic";

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  // Only orders this browser placed (the API client sees every order of the storefront).
  if (!(await placedOrders()).includes(orderId)) notFound();
  const order = await shop().getOrder(orderId).catch(notFoundOn404);
  return (
    <>
      <h1>Order {order.orderId}</h1>
      <OrderLive initial={order} />
    </>
  );
}
