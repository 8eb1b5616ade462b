import { describe, expect, it } from "vitest";
import {
  DELIVERY_BODY_CAP,
  newWebhookSecret,
  redactBody,
  redactHeaders,
  signWebhook,
  verifyWebhook,
} from "./webhooks";

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

describe("the delivery log's redaction", () => {
  it("never keeps a signature, an authorization or a cookie header", () => {
    const secret = newWebhookSecret();
    const signed = signWebhook([secret], "msg_9", 1_800_000_000, "{}");
    const out = redactHeaders({
      ...signed,
      Authorization: "Bearer abc.def",
      "Set-Cookie": "s=1",
      "X-Hub-Signature": "sha256=1",
      "content-type": "application/json",
    });
    expect(out).toEqual({
      "webhook-id": "msg_9",
      "webhook-timestamp": "1800000000",
      "webhook-signature": "[REDACTED]",
      authorization: "[REDACTED]",
      "set-cookie": "[REDACTED]",
      "x-hub-signature": "[REDACTED]",
      "content-type": "application/json",
    });
    expect(JSON.stringify(out)).not.toContain(signed["webhook-signature"]);
  });

  it("redacts secret-named keys at any depth, bearer tokens and whsec_ secrets in text", () => {
    const body = JSON.stringify({
      data: { orderId: "SF-1", nested: [{ token: "t0k", apiKey: "k" }] },
      password: "hunter2",
      note: "use Bearer eyJhbGciOi.x.y or whsec_c2VjcmV0",
    });
    const { text, truncated } = redactBody(body);
    expect(truncated).toBe(0);
    expect(JSON.parse(text)).toEqual({
      data: { orderId: "SF-1", nested: [{ token: "[REDACTED]", apiKey: "[REDACTED]" }] },
      password: "[REDACTED]",
      note: "use Bearer [REDACTED] or [REDACTED]",
    });
    // A body that is not JSON (an HTML error page, a cut-off answer) is masked as text.
    expect(redactBody('oops {"client_secret": "s3cr3t", "id": "7"').text).toBe(
      'oops {"client_secret": "[REDACTED]", "id": "7"',
    );
  });

  it("keeps at most DELIVERY_BODY_CAP characters and counts the rest", () => {
    const { text, truncated } = redactBody("x".repeat(DELIVERY_BODY_CAP + 123));
    expect(text).toHaveLength(DELIVERY_BODY_CAP);
    expect(truncated).toBe(123);
  });
});
