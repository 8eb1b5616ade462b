import { DriftView } from "~/components/drift-view";

export default function DriftPage() {
  return (
    <>
      <h1 className="page">Drift</h1>
      <DriftView />
    </>
  );
}
