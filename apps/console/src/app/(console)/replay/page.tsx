import { ReplayView } from "~/components/replay-view";

export default function ReplayPage() {
  return (
    <>
      <h1 className="page">Replay</h1>
      <ReplayView />
    </>
  );
}
