import { newWebhookSecret, signWebhook, WEBHOOK_TOLERANCE_SECONDS } from "@icp/domain";
import { describe, expect, it } from "vitest";
import { DEFAULT_TOLERANCE_SECONDS, verifyWebhook, type WebhookVerificationError } from "./webhooks";

// Signed by the worker's own signer (@icp/domain signWebhook, what deliverWebhook sends).
const secret = newWebhookSecret();
const body = JSON.stringify({
  type: "stock.changed",
  timestamp: "2026-12-05T10:00:00.000Z",
  data: { sku: "TG11", plant: "1010", quantity: 4, available: 9, version: 7 },
});
const now = 1_780_000_000;

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as WebhookVerificationError).reason;
  }
  return "accepted";
};

describe("verifyWebhook (what the worker sends)", () => {
  it("accepts the worker's signature and returns the typed event with its id", () => {
    const headers = signWebhook([secret], "stock:TG11:1010:7", now, body);
    const event = verifyWebhook(new Headers(headers), body, { secrets: secret, nowSeconds: now });
    expect(event.id).toBe("stock:TG11:1010:7");
    expect(event.type).toBe("stock.changed");
    if (event.type === "stock.changed") expect(event.data.available).toBe(9);
  });

  it("refuses a changed body, a wrong secret, missing headers and a timestamp outside the tolerance", () => {
    // The SDK keeps its own copy of the scheme (no @icp/domain at runtime): the tolerance is the worker's.
    expect(DEFAULT_TOLERANCE_SECONDS).toBe(WEBHOOK_TOLERANCE_SECONDS);
    const headers = signWebhook([secret], "e1", now, body);
    expect(
      reason(() => verifyWebhook(headers, body.replace("9", "8"), { secrets: secret, nowSeconds: now })),
    ).toBe("bad-signature");
    expect(reason(() => verifyWebhook(headers, body, { secrets: newWebhookSecret(), nowSeconds: now }))).toBe(
      "bad-signature",
    );
    expect(
      reason(() =>
        verifyWebhook({ ...headers, "webhook-id": "e2" }, body, { secrets: secret, nowSeconds: now }),
      ),
    ).toBe("bad-signature");
    const { "webhook-signature": _, ...unsigned } = headers;
    expect(reason(() => verifyWebhook(unsigned, body, { secrets: secret, nowSeconds: now }))).toBe(
      "missing-headers",
    );
    expect(reason(() => verifyWebhook(headers, body, { secrets: secret, nowSeconds: now + 301 }))).toBe(
      "timestamp-out-of-tolerance",
    );
    expect(reason(() => verifyWebhook(headers, body, { secrets: secret, nowSeconds: now - 301 }))).toBe(
      "timestamp-out-of-tolerance",
    );
    expect(reason(() => verifyWebhook(headers, body, { secrets: secret, nowSeconds: now + 300 }))).toBe(
      "accepted",
    );
    expect(
      reason(() =>
        verifyWebhook(headers, body, { secrets: secret, nowSeconds: now + 30, toleranceSeconds: 10 }),
      ),
    ).toBe("timestamp-out-of-tolerance");
  });

  it("key rotation: the worker signs with both secrets of the endpoint; a receiver holding either accepts", () => {
    const old = newWebhookSecret();
    const next = newWebhookSecret();
    const headers = signWebhook([old, next], "e1", now, body);
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(reason(() => verifyWebhook(headers, body, { secrets: old, nowSeconds: now }))).toBe("accepted");
    expect(reason(() => verifyWebhook(headers, body, { secrets: next, nowSeconds: now }))).toBe("accepted");
    // and a receiver rotating its own copy holds both while the worker still signs with one
    const onlyOld = signWebhook([old], "e1", now, body);
    expect(reason(() => verifyWebhook(onlyOld, body, { secrets: [next, old], nowSeconds: now }))).toBe(
      "accepted",
    );
    expect(reason(() => verifyWebhook(onlyOld, body, { secrets: [next], nowSeconds: now }))).toBe(
      "bad-signature",
    );
  });

  it("refuses a signature of another version or a truncated one, and a signed body that is not an event", () => {
    const headers = signWebhook([secret], "e1", now, body);
    const sig = headers["webhook-signature"] ?? "";
    for (const bad of [sig.replace("v1,", "v2,"), sig.slice(0, -4), "v1,", "garbage"])
      expect(
        reason(() =>
          verifyWebhook({ ...headers, "webhook-signature": bad }, body, { secrets: secret, nowSeconds: now }),
        ),
      ).toBe("bad-signature");
    const notJson = "not json";
    expect(
      reason(() =>
        verifyWebhook(signWebhook([secret], "e1", now, notJson), notJson, {
          secrets: secret,
          nowSeconds: now,
        }),
      ),
    ).toBe("malformed-body");
  });
});
