export type { BreakerState } from "./breaker";
export { CircuitBreaker } from "./breaker";
export { DEFAULT_RESILIENCE, SapClient } from "./client";
export { type BusinessProblem, classifyBusiness, SapError, type SapErrorCode } from "./errors";
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
export type { SapAuth, SapCallInfo, SapClientConfig, SapRequest } from "./transport";
