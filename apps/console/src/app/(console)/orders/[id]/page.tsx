import Link from "next/link";
import { OrderTrace } from "~/components/orders-view";
import { routeParam } from "~/components/route-param";

/** One order's trace (its SAP document, job, failures and timeline) at its own URL. */
export default async function OrderTracePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const orderId = routeParam(id);
  return (
    <>
      <h1 className="page">Order {orderId}</h1>
      <p>
        <Link href="/orders">← Back to the list</Link>
      </p>
      <OrderTrace storefrontOrderId={orderId} />
    </>
  );
}
