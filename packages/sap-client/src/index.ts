export type { BreakerState } from "./breaker";
export { CircuitBreaker } from "./breaker";
export { DEFAULT_RESILIENCE, SapClient } from "./client";
export {
  type BusinessProblem,
  classifyBusiness,
  DUPLICATE_PURCHASE_ORDER_MESSAGE,
  isDuplicatePurchaseOrder,
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
export { backoffMs, parseRetryAfter } from "./retry";
export {
  type CreateOnceResult,
  createSalesOrderOnce,
  type SalesOrder,
  type SalesOrderCreate,
  type SalesOrderItem,
} from "./sales-orders";
export { Semaphore } from "./semaphore";
export {
  parseHttpDate,
  type SapAuth,
  type SapCallInfo,
  type SapClientConfig,
  type SapRequest,
  type SapResponse,
} from "./transport";
