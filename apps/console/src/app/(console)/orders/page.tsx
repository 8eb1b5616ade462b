import { Suspense } from "react";
import { OrdersView } from "~/components/orders-view";

export default function OrdersPage() {
  return (
    <>
      <h1 className="page">Order trace</h1>
      <Suspense>
        <OrdersView />
      </Suspense>
    </>
  );
}
