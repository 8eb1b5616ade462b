import { OverviewView } from "~/components/overview-view";

export default function OverviewPage() {
  return (
    <>
      <h1 className="page">Overview</h1>
      <OverviewView />
    </>
  );
}
