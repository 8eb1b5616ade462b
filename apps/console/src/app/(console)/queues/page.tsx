import { Suspense } from "react";
import { QueuesView } from "~/components/queues-view";

export default function QueuesPage() {
  return (
    <>
      <h1 className="page">Queues</h1>
      <Suspense>
        <QueuesView />
      </Suspense>
    </>
  );
}
