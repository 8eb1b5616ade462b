export { parseSandboxConfig, type SandboxConfig, SandboxConfigError, sandboxFromEnv } from "./config";
export {
  type BusinessEventMessage,
  type EventPublisher,
  InMemoryEventSink,
  SapEventTypes,
} from "./events/business-events";
export { KafkaEventPublisher } from "./events/kafka-publisher";
export type { FaultConfig } from "./http/faults";
export { createSandbox, type Sandbox, type SandboxOptions, SERVICES } from "./sandbox";
export { type Clock, ManualClock } from "./simulation/clock";
