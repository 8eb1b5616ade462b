import Link from "next/link";
import { AuditDetail } from "~/components/audit-view";
import { routeParam } from "~/components/route-param";

/** One audit entry at its own URL, so a link to it opens the same detail anywhere. */
export default async function AuditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <h1 className="page">Audit entry</h1>
      <p>
        <Link href="/audit">← Back to the list</Link>
      </p>
      <AuditDetail id={routeParam(id)} />
    </>
  );
}
