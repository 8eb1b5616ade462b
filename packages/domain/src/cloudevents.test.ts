import { describe, expect, it } from "vitest";
import { decodeCloudEvent, encodeCloudEvent, newCloudEvent } from "./cloudevents";
import { EventTypes, orderTopicSchemas } from "./events";

const submitted = {
  orderId: "SF-1001",
  customerId: "1000001",
  currency: "EUR",
  lines: [{ sku: "TG11", quantity: 2 }],
  submittedAt: "2026-11-24T10:00:00.000Z",
  apiClientId: "storefront",
};

describe("CloudEvents binary mode", () => {
  it("round-trips an order event through Kafka headers and a JSON body", () => {
    const ev = newCloudEvent({
      source: "/test",
      type: EventTypes.orderSubmitted,
      data: submitted,
      traceparent: "00-abc-def-01",
    });
    const rec = encodeCloudEvent("SF-1001", ev);
    expect(rec.headers).toMatchObject({
      ce_specversion: "1.0",
      ce_type: EventTypes.orderSubmitted,
      "content-type": "application/json",
    });
    const back = decodeCloudEvent({ value: rec.value, headers: rec.headers }, orderTopicSchemas);
    expect(back.ok && back.event.data).toEqual(submitted);
    expect(back.ok && back.event.traceparent).toBe("00-abc-def-01");
  });

  it.each([
    ["a body that is not JSON", Buffer.from("{nope"), "body is not JSON"],
    ["a body that breaks the schema", Buffer.from(JSON.stringify({ ...submitted, lines: [] })), "lines"],
    ["no body", null, "no body"],
  ])("rejects %s with a reason", (_name, value, reason) => {
    const rec = encodeCloudEvent(
      "k",
      newCloudEvent({ source: "/t", type: EventTypes.orderSubmitted, data: {} }),
    );
    const res = decodeCloudEvent({ value, headers: rec.headers }, orderTopicSchemas);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.reason).toContain(reason);
  });

  it("rejects unknown types and missing attributes", () => {
    const rec = encodeCloudEvent("k", newCloudEvent({ source: "/t", type: "x.unknown", data: {} }));
    const unknown = decodeCloudEvent({ value: rec.value, headers: rec.headers }, orderTopicSchemas);
    expect(!unknown.ok && unknown.reason).toBe("unknown event type x.unknown");
    const noId = decodeCloudEvent(
      { value: rec.value, headers: { ...rec.headers, ce_id: undefined } },
      orderTopicSchemas,
    );
    expect(!noId.ok && noId.reason).toBe("ce_id header is missing");
  });
});
