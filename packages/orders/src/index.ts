export {
  appendEvent,
  type DbTx,
  type EventSource,
  notBefore,
  type SapCreateOutcomes,
  sapCreateOutcomes,
  TECHNICAL_SAP_ERROR,
  type TimelineEvent,
} from "./events";
export {
  type NewIdempotencyKey,
  OrderIntake,
  type ProducedEntry,
  type ReceivedEntry,
  timelineDefects,
} from "./intake";
export {
  type Booking,
  type Claim,
  jobFailed,
  jobRecovered,
  type KafkaCoordinates,
  OrderLedger,
  type PushFailure,
  recordOperatorAction,
} from "./ledger";
export { ORDER_EVENT_RETENTION_FLOOR_DAYS, type OrderEventPurge, purgeOrderEvents } from "./retention";
export { StorefrontOrderStatus } from "./storefront-status";
export { inTransaction, isTxConflict, lockOrder } from "./tx";
