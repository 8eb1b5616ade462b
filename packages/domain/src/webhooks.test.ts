import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook, verifyWebhook } from "./webhooks";

describe("Standard Webhooks signatures", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ type: "order.status", data: { orderId: "SF-1", status: "SHIPPED" } });
  const now = 1_800_000_000;

  it("verifies with the endpoint's secret", () => {
    expect(verifyWebhook(secret, signWebhook([secret], "msg_1", now, body), body, now)).toEqual({ ok: true });
  });

  it("accepts either key while a secret rotates", () => {
    const next = newWebhookSecret();
    const headers = signWebhook([secret, next], "msg_2", now, body);
    expect(verifyWebhook(next, headers, body, now).ok).toBe(true);
    expect(verifyWebhook(secret, headers, body, now).ok).toBe(true);
  });

  it("refuses a changed body, another secret, and a replay outside the tolerance", () => {
    const headers = signWebhook([secret], "msg_3", now, body);
    expect(verifyWebhook(secret, headers, `${body} `, now)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyWebhook(newWebhookSecret(), headers, body, now)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyWebhook(secret, headers, body, now + 301)).toEqual({
      ok: false,
      reason: "timestamp-out-of-tolerance",
    });
    expect(verifyWebhook(secret, { "webhook-id": "x" }, body, now)).toEqual({
      ok: false,
      reason: "missing-headers",
    });
  });
});
