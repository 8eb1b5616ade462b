export type { BreakerState } from "./breaker";
export { CircuitBreaker } from "./breaker";
export { DEFAULT_RESILIENCE, SapClient } from "./client";
export {
  type BusinessProblem,
  classifyBusiness,
  DUPLICATE_PURCHASE_ORDER_MESSAGE,
  isDuplicatePurchaseOrder,
  isLocked,
  LOCK_MESSAGES,
  SapError,
  type SapErrorCode,
  sapErrorCodeFor,
} from "./errors";
export type { SapTls } from "./https-fetch";
export type {
  Attachment,
  BusinessPartner,
  Page,
  PriceValidity,
  Product,
  ProductRead,
  StockRow,
} from "./master-data";
export {
  CUSTOMER_DELTA_OVERLAP_MS,
  DEFAULT_PRICE_AREA,
  type PriceArea,
  partnerChangedAt,
  unitPrice,
} from "./master-data";
export { after, type KeysetRead, keysetAll } from "./paging";
export { pricingConditionsOf } from "./pricing";
export { backoffMs, parseRetryAfter } from "./retry";
export {
  type CreateOnceResult,
  createSalesOrderOnce,
  DEFAULT_COMMIT_WINDOW_MS,
  type SalesOrder,
  type SalesOrderCreate,
  type SalesOrderItem,
} from "./sales-orders";
export {
  blockOf,
  blocksOf,
  parseSapMessages,
  type SapBlock,
  type SapMessage,
  type SapMessageSeverity,
} from "./sap-message";
export {
  type ConcurrencyLimiter,
  type LimiterStats,
  Semaphore,
  type Slot,
  SlotLostError,
} from "./semaphore";
export {
  parseHttpDate,
  type SapAuth,
  type SapCallInfo,
  type SapClientConfig,
  type SapRequest,
  type SapResponse,
  SapTransport,
} from "./transport";
