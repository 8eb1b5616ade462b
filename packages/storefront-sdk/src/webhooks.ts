import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Verifies the webhooks the control plane's worker sends (the Standard Webhooks scheme):
 * headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">`, several space-separated while
 * the endpoint's secret is being rotated), keyed by the endpoint's `whsec_<base64>` secret.
 *
 * The control plane's own signer and verifier are @icp/domain's (signWebhook / verifyWebhook).
 * This is a copy on purpose: storefront developers get the SDK without the control plane's
 * packages (its only runtime dependency is openapi-fetch). webhooks.test.ts keeps the copy
 * honest: every case is signed by @icp/domain's signWebhook, with its tolerance.
 */

/** How far the timestamp may be from the receiver's clock (the worker's own tolerance: 5 min). */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** What a storefront hears about. `data` is as the worker sends it. */
export type WebhookEvent =
  | {
      type: "order.status_changed";
      timestamp: string;
      data: {
        orderId: string;
        status: string;
        changedAt?: string;
        salesOrder?: string;
        reason?: string;
        cancellation?: string;
        [key: string]: unknown;
      };
    }
  | {
      type: "stock.changed";
      timestamp: string;
      data: { sku: string; plant: string; quantity: number; available: number; version: number };
    }
  | {
      type: "product.changed";
      timestamp: string;
      data: { skus: string[]; removed?: string[] };
    };

export type VerificationFailure =
  | "missing-headers"
  | "timestamp-out-of-tolerance"
  | "bad-signature"
  | "malformed-body";

export class WebhookVerificationError extends Error {
  constructor(readonly reason: VerificationFailure) {
    super(`webhook refused: ${reason}`);
    this.name = "WebhookVerificationError";
  }
}

export interface VerifyOptions {
  /** The endpoint's secret(s): pass the old and the new one while you rotate yours. */
  secrets: string | readonly string[];
  toleranceSeconds?: number;
  /** Clock for tests (Unix seconds). */
  nowSeconds?: number;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
}

/**
 * Checks a delivery and returns its event; throws WebhookVerificationError (with the reason)
 * otherwise. `body` must be the raw request body, exactly as received (not re-serialised JSON).
 */
export function verifyWebhook(
  headers: HeaderSource,
  body: string,
  opts: VerifyOptions,
): WebhookEvent & { id: string } {
  const id = header(headers, "webhook-id");
  const ts = header(headers, "webhook-timestamp");
  const signature = header(headers, "webhook-signature");
  if (!id || !ts || !signature) throw new WebhookVerificationError("missing-headers");
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (
    !/^\d{1,12}$/.test(ts) ||
    Math.abs(now - Number(ts)) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)
  )
    throw new WebhookVerificationError("timestamp-out-of-tolerance");
  const secrets = typeof opts.secrets === "string" ? [opts.secrets] : opts.secrets;
  const signed = `${id}.${ts}.${body}`;
  const expected = secrets.map((s) => createHmac("sha256", keyOf(s)).update(signed).digest());
  let ok = false;
  for (const part of signature.split(" ")) {
    const [version, value] = part.split(",", 2);
    if (version !== "v1" || !value) continue;
    const got = Buffer.from(value, "base64");
    // Every candidate is compared (no early exit) in constant time per comparison.
    for (const want of expected) if (got.length === want.length && timingSafeEqual(got, want)) ok = true;
  }
  if (!ok) throw new WebhookVerificationError("bad-signature");
  let event: WebhookEvent;
  try {
    event = JSON.parse(body) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError("malformed-body");
  }
  if (!event || typeof event.type !== "string" || typeof event.data !== "object" || event.data === null)
    throw new WebhookVerificationError("malformed-body");
  return { ...event, id };
}
