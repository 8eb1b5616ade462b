import Link from "next/link";
import { FailureDetail } from "~/components/failure-detail";
import { routeParam } from "~/components/route-param";

/** One failure at its own URL: what failed, its payload (and edits as a field diff), history, actions. */
export default async function FailurePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <h1 className="page">Failure</h1>
      <p>
        <Link href="/failures">← Back to the list</Link>
      </p>
      <FailureDetail id={routeParam(id)} />
    </>
  );
}
