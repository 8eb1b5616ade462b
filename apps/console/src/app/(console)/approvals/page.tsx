import { ApprovalsView } from "~/components/approvals-view";

export default function ApprovalsPage() {
  return (
    <>
      <h1 className="page">Approvals</h1>
      <ApprovalsView />
    </>
  );
}
