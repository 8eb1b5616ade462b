import { PipelineHealth } from "~/components/pipeline-health";

export default function OverviewPage() {
  return (
    <>
      <h1 style={{ fontSize: 20, margin: "0 0 16px" }}>Overview</h1>
      <PipelineHealth />
    </>
  );
}
