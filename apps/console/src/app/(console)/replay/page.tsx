import { Suspense } from "react";
import { ReplayView } from "~/components/replay-view";

export default function ReplayPage() {
  return (
    <>
      <h1 className="page">Replay</h1>
      {/* The selected run is read from the URL (useSearchParams) */}
      <Suspense>
        <ReplayView />
      </Suspense>
    </>
  );
}
