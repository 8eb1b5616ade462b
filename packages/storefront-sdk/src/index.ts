export {
  type CancellationAccepted,
  type Cart,
  type CartInput,
  type Customer,
  createStorefrontClient,
  type ListProductsQuery,
  type OrderAccepted,
  type OrderInput,
  type OrderState,
  type OrderStatus,
  type PriceQuote,
  type Product,
  type ProductPage,
  type StockLevel,
  StorefrontClient,
  type StorefrontClientOptions,
} from "./client";
export {
  PROBLEM_TYPE_BASE,
  type Problem,
  ProblemError,
  retryAfterSeconds,
  TokenError,
  UnexpectedResponseError,
} from "./errors";
export type { components, paths } from "./generated/schema";
export { DEFAULT_RETRY, type RetryPolicy, Transport, type TransportOptions } from "./transport";
export {
  DEFAULT_TOLERANCE_SECONDS,
  type VerificationFailure,
  type VerifyOptions,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from "./webhooks";
