import { KafkaView } from "~/components/kafka-view";

export default function KafkaPage() {
  return (
    <>
      <h1 className="page">Kafka</h1>
      <KafkaView />
    </>
  );
}
