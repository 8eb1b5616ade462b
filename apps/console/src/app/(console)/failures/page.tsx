import { Suspense } from "react";
import { FailuresView } from "~/components/failures-view";

export default function FailuresPage() {
  return (
    <>
      <h1 className="page">Failures</h1>
      <Suspense>
        <FailuresView />
      </Suspense>
    </>
  );
}
