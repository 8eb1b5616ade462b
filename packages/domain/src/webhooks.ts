import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Outgoing webhooks signed the Standard Webhooks way: `webhook-id`, `webhook-timestamp`
 * (seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by
 * a per-endpoint `whsec_…` secret. Several signatures may be sent space-separated while a
 * secret is being rotated, so receivers accept either key.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
}

export function signWebhook(
  secrets: string[],
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const signed = `${id}.${timestampSeconds}.${body}`;
  const signature = secrets
    .map((s) => `v1,${createHmac("sha256", keyOf(s)).update(signed).digest("base64")}`)
    .join(" ");
  return { "webhook-id": id, "webhook-timestamp": String(timestampSeconds), "webhook-signature": signature };
}

export type WebhookVerification =
  | { ok: true }
  | { ok: false; reason: "missing-headers" | "timestamp-out-of-tolerance" | "bad-signature" };

/** What a receiver (the storefront) runs; also used by our own tests of the delivery path. */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): WebhookVerification {
  const id = headers["webhook-id"];
  const ts = headers["webhook-timestamp"];
  const sig = headers["webhook-signature"];
  if (!id || !ts || !sig) return { ok: false, reason: "missing-headers" };
  if (!/^\d+$/.test(ts) || Math.abs(nowSeconds - Number(ts)) > WEBHOOK_TOLERANCE_SECONDS)
    return { ok: false, reason: "timestamp-out-of-tolerance" };
  const expected = createHmac("sha256", keyOf(secret)).update(`${id}.${ts}.${body}`).digest();
  for (const part of sig.split(" ")) {
    const [version, value] = part.split(",");
    if (version !== "v1" || !value) continue;
    const got = Buffer.from(value, "base64");
    if (got.length === expected.length && timingSafeEqual(got, expected)) return { ok: true };
  }
  return { ok: false, reason: "bad-signature" };
}

// ───────────── endpoint lifecycle ─────────────

/**
 * The alert rule (`alert_rule.id`) whose threshold is N: an endpoint whose last N delivery
 * attempts all failed is auto-disabled by the worker, and the alert fires for it until an
 * operator re-enables (or deletes) it. The rule disabled in Settings means: never auto-disable.
 */
export const WEBHOOK_DISABLED_RULE = "webhook_disabled";
/** N when the rule's row is missing (the migration seeds it with the same value). */
export const WEBHOOK_AUTO_DISABLE_DEFAULT = 5;

export function autoDisabledReason(failures: number): string {
  return `auto-disabled after ${failures} consecutive failures`;
}

// ───────────── the delivery log ─────────────

/** The most of a request or response body the delivery log keeps, in characters. */
export const DELIVERY_BODY_CAP = 4_096;

/** Headers whose values are secrets or prove possession of one: never stored. */
const SECRET_HEADERS =
  /^(authorization|proxy-authorization|cookie|set-cookie|webhook-signature|x-api-key|x-.*-signature|x-.*-token)$/i;
/** JSON keys whose values are secrets, at any depth (the same spirit as the logger's REDACT_PATHS). */
const SECRET_KEYS =
  /^(password|passwd|secret|client_?secret|token|access_?token|refresh_?token|api_?key|authorization|signature|cookie)$/i;
const REDACTED = "[REDACTED]";

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k.toLowerCase(), SECRET_HEADERS.test(k) ? REDACTED : v]),
  );
}

function redactValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redactValue);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([k, x]) => [
        k,
        SECRET_KEYS.test(k) ? REDACTED : redactValue(x),
      ]),
    );
  return v;
}

/**
 * A body as the delivery log keeps it: secret-named JSON keys redacted at any depth, bearer
 * tokens and `whsec_` secrets masked in plain text, and at most DELIVERY_BODY_CAP characters
 * (the rest is counted, not kept).
 */
export function redactBody(body: string): { text: string; truncated: number } {
  let text: string;
  try {
    text = JSON.stringify(redactValue(JSON.parse(body)));
  } catch {
    // Not JSON (or JSON cut short by the reader's cap): secret-named "key": "value" pairs still go.
    text = body.replace(/"([\w-]+)"(\s*:\s*)"(?:[^"\\]|\\.)*"/g, (m, k: string, sep: string) =>
      SECRET_KEYS.test(k) ? `"${k}"${sep}"${REDACTED}"` : m,
    );
  }
  text = text
    .replace(/(bearer|basic)\s+[\w.~+/=-]+/gi, `$1 ${REDACTED}`)
    .replace(/whsec_[A-Za-z0-9+/=]+/g, REDACTED);
  if (text.length <= DELIVERY_BODY_CAP) return { text, truncated: 0 };
  return { text: text.slice(0, DELIVERY_BODY_CAP), truncated: text.length - DELIVERY_BODY_CAP };
}
