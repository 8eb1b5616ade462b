import { describe, expect, it } from "vitest";
import { decodeCloudEvent, encodeCloudEvent, newCloudEvent } from "./cloudevents";
import { EventTypes, orderTopicSchemas } from "./events";
import { RETIRED_EVENT_TYPES } from "./retired-events";

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

  it("refuses a retired event type with the reason it was retired (an order modification: issue 22, 10)", () => {
    const type = "com.icp.storefront.order.ModificationRequested.v1";
    const rec = encodeCloudEvent(
      "SO-1",
      newCloudEvent({
        source: "/icp/storefront-api",
        type,
        data: {
          orderId: "SO-1",
          lines: [{ sku: "TG-0002", quantity: 0 }],
          requestedAt: "2026-12-04T10:00:00Z",
        },
      }),
    );
    const res = decodeCloudEvent({ value: rec.value, headers: rec.headers }, orderTopicSchemas);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.reason).toBe(`retired event type ${type}: ${RETIRED_EVENT_TYPES[type]}`);
    expect(!res.ok && res.reason).toMatch(/order modification is not supported/);
  });
});
