import { Suspense } from "react";
import { AuditView } from "~/components/audit-view";

export default function AuditPage() {
  return (
    <>
      <h1 className="page">Audit log</h1>
      <Suspense>
        <AuditView />
      </Suspense>
    </>
  );
}
