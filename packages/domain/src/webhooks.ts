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
