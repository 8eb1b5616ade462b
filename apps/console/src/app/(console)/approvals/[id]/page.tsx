import Link from "next/link";
import { ApprovalDetail } from "~/components/approvals-view";
import { routeParam } from "~/components/route-param";

/** One approval request at its own URL: the held action's toast links here. */
export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <h1 className="page">Approval request</h1>
      <p>
        <Link href="/approvals">← Back to the list</Link>
      </p>
      <ApprovalDetail id={routeParam(id)} />
    </>
  );
}
