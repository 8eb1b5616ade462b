import type { SapErrorBody, SapErrorDetail } from "@icp/sap-odata";

export type SapErrorCode =
  | "SAP_BUSINESS_ERROR"
  /** SAP refused a sales document whose PurchaseOrderByCustomer its sold-to party already used. */
  | "SAP_DUPLICATE_PURCHASE_ORDER"
  | "SAP_UNAVAILABLE"
  | "SAP_TIMEOUT"
  | "SAP_AUTH"
  | "SAP_NOT_FOUND"
  | "SAP_CONFLICT"
  | "SAP_PRECONDITION"
  | "SAP_RATE_LIMITED"
  /** The document is locked by another user or process (SAP's enqueue): retry with backoff. */
  | "SAP_LOCKED"
  | "SAP_CIRCUIT_OPEN"
  | "SAP_PROTOCOL";

/**
 * SAP's message for a repeated customer reference: the sales document type's duplicate
 * purchase-order check (VOV8 "Check Purch.No."), set to error, refuses the document.
 */
export const DUPLICATE_PURCHASE_ORDER_MESSAGE = "V4/115";

/**
 * True when SAP refused because of its duplicate purchase-order check: V4/115 is the message,
 * or one of its details with severity error. The same message as a mere warning next to another
 * error does not count — the document was refused for that other error.
 */
export function isDuplicatePurchaseOrder(sap: SapErrorBody["error"] | undefined): boolean {
  if (!sap) return false;
  const is = (code: string) => code.toUpperCase() === DUPLICATE_PURCHASE_ORDER_MESSAGE;
  return (
    is(sap.code) ||
    (sap.innererror?.errordetails ?? []).some((d) => is(d.code) && (d.severity ?? "error") === "error")
  );
}

/**
 * SAP's "locked" messages: the enqueue server refused the lock because another user or process
 * holds the document. SD: V1/042 "Sales document &1 is currently being processed by user &2";
 * generic: MC/601 "Object requested is currently locked by user &1". **The numbers are not
 * verified against a live message catalogue**: the text is matched too.
 */
export const LOCK_MESSAGES: readonly string[] = ["V1/042", "MC/601"];
const LOCK_TEXT = /\b(is )?(currently )?(being processed|locked) by (user|another user)\b/i;

/** True when SAP refused because the object is locked by someone else (nothing was changed). */
export function isLocked(sap: SapErrorBody["error"] | undefined): boolean {
  if (!sap) return false;
  const messages = [
    { code: sap.code, text: sap.message.value },
    ...(sap.innererror?.errordetails ?? [])
      .filter((d) => (d.severity ?? "error") === "error")
      .map((d) => ({ code: d.code, text: d.message })),
  ];
  return messages.some((m) => LOCK_MESSAGES.includes(m.code.toUpperCase()) || LOCK_TEXT.test(m.text ?? ""));
}

/**
 * The error code for an HTTP status SAP answered with, and its error body's messages: the
 * client's one mapping. A lock comes as 400 (a business message) or, from some services, 500;
 * either way it is `SAP_LOCKED`, retryable, and not ambiguous: a locked document was not saved.
 */
export function sapErrorCodeFor(status: number, sap?: SapErrorBody["error"]): SapErrorCode {
  if ((status === 400 || status === 409 || status === 423 || status >= 500) && isLocked(sap))
    return "SAP_LOCKED";
  if (status === 400 && isDuplicatePurchaseOrder(sap)) return "SAP_DUPLICATE_PURCHASE_ORDER";
  if (status === 401 || status === 403) return "SAP_AUTH";
  if (status === 404) return "SAP_NOT_FOUND";
  if (status === 409) return "SAP_CONFLICT";
  if (status === 412 || status === 428) return "SAP_PRECONDITION";
  if (status === 429) return "SAP_RATE_LIMITED";
  if (status >= 500) return "SAP_UNAVAILABLE";
  return "SAP_BUSINESS_ERROR";
}

/** What the business problem is, for the console and for deciding who must act. */
export type BusinessProblem =
  | "unknownMaterial"
  | "unknownCustomer"
  | "blockedCustomer"
  | "pricingError"
  | "invalidQuantity"
  /** The reference was already used: the order is in SAP already (not a problem to fix). */
  | "duplicatePurchaseOrder"
  | "other";

export interface SapErrorInit {
  code: SapErrorCode;
  message: string;
  retryable: boolean;
  httpStatus?: number;
  sap?: SapErrorBody["error"];
  retryAfterMs?: number;
  /** True when the request may have reached SAP and been applied although no answer came back. */
  ambiguous?: boolean;
  cause?: unknown;
}

/**
 * Every failure of a SAP call. `retryable` says whether trying again can help; `business`
 * names the problem when SAP refused the content. Messages carry SAP's text and codes only —
 * never credentials, tokens or cookies.
 */
export class SapError extends Error {
  readonly code: SapErrorCode;
  readonly retryable: boolean;
  readonly httpStatus: number | undefined;
  readonly sapCode: string | undefined;
  readonly sapMessage: string | undefined;
  readonly details: SapErrorDetail[];
  readonly business: BusinessProblem | undefined;
  readonly retryAfterMs: number | undefined;
  readonly ambiguous: boolean;

  constructor(init: SapErrorInit) {
    super(init.message, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.name = "SapError";
    this.code = init.code;
    this.retryable = init.retryable;
    this.httpStatus = init.httpStatus;
    this.sapCode = init.sap?.code;
    this.sapMessage = init.sap?.message.value;
    this.details = init.sap?.innererror?.errordetails ?? [];
    this.business =
      init.code === "SAP_BUSINESS_ERROR" || init.code === "SAP_DUPLICATE_PURCHASE_ORDER"
        ? classifyBusiness(init.sap)
        : undefined;
    this.retryAfterMs = init.retryAfterMs;
    this.ambiguous = init.ambiguous ?? false;
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      httpStatus: this.httpStatus,
      sapCode: this.sapCode,
      business: this.business,
      details: this.details,
    };
  }
}

/**
 * SAP message class/number → business problem. SD sales-order messages come from class V1
 * (documents), VK (conditions/pricing), M3 (material master), VP/F2 (business partner).
 *
 * | SAP message                         | problem          |
 * |-------------------------------------|------------------|
 * | M3/305, V1/393, M3/351, "material"  | unknownMaterial  |
 * | V1/302, VP/…, "sold-to", "customer" | unknownCustomer  |
 * | V1/430–V1/440, "blocked"            | blockedCustomer  |
 * | VK/…, V1/801, "pricing", "price"    | pricingError     |
 * | V4/115 (as the error)               | duplicatePurchaseOrder |
 * | V1/032, V4/…, "quantity"            | invalidQuantity  |
 */
export function classifyBusiness(sap: SapErrorBody["error"] | undefined): BusinessProblem {
  if (!sap) return "other";
  const codes = [sap.code, ...(sap.innererror?.errordetails ?? []).map((d) => d.code)].map((c) =>
    c.toUpperCase(),
  );
  const text = [sap.message.value, ...(sap.innererror?.errordetails ?? []).map((d) => d.message)]
    .join(" ")
    .toLowerCase();
  const has = (prefixes: string[]) => codes.some((c) => prefixes.some((p) => c.startsWith(p)));
  // before the V4/… quantity messages below, which share its class
  if (isDuplicatePurchaseOrder(sap)) return "duplicatePurchaseOrder";
  if (text.includes("blocked") || has(["V1/43", "V1/440"])) return "blockedCustomer";
  if (
    has(["M3/305", "M3/351", "V1/393", "V1/320"]) ||
    /\b(material|product)\b.*\b(not exist|does not exist|unknown|not found|not defined)/.test(text)
  )
    return "unknownMaterial";
  if (
    has(["V1/302", "VP/"]) ||
    /\b(sold-to|customer|business partner)\b.*\b(not exist|does not exist|unknown|not found|not defined)/.test(
      text,
    )
  )
    return "unknownCustomer";
  if (has(["VK/", "V1/801"]) || /\bpric(e|ing)\b/.test(text)) return "pricingError";
  if (has(["V1/032", "V4/"]) || text.includes("quantity")) return "invalidQuantity";
  return "other";
}

export function circuitOpenError(): SapError {
  return new SapError({
    code: "SAP_CIRCUIT_OPEN",
    message: "SAP calls are suspended: the circuit breaker is open after repeated failures",
    retryable: true,
  });
}
