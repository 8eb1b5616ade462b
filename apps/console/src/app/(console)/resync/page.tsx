import { ResyncOne } from "~/components/resync-one";
import { ResyncView } from "~/components/resync-view";

export default function ResyncPage() {
  return (
    <>
      <h1 className="page">Resync</h1>
      <ResyncView />
      <ResyncOne />
    </>
  );
}
