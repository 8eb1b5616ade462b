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
export type {
  Attachment,
  BusinessPartner,
  Page,
  PriceValidity,
  Product,
  ProductRead,
  StockRow,
} from "./master-data";
export { CUSTOMER_DELTA_OVERLAP_MS, partnerChangedAt } from "./master-data";
export { after, type KeysetRead, keysetAll } from "./paging";
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
export { Semaphore } from "./semaphore";
export {
  parseHttpDate,
  type SapAuth,
  type SapCallInfo,
  type SapClientConfig,
  type SapRequest,
  type SapResponse,
} from "./transport";
