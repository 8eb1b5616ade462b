import { describe, expect, it } from "vitest";
import { continueOrStartTrace, outgoingTraceparent, parseTraceparent, traceIdOf } from "./trace";

const valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describe("W3C traceparent", () => {
  it("parses the spec's example", () => {
    expect(parseTraceparent(valid)).toEqual({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      parentId: "00f067aa0ba902b7",
      sampled: true,
    });
  });

  it.each([
    ["empty", ""],
    ["wrong shape", "00-abc-def-01"],
    ["version ff", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
    ["zero trace id", `00-${"0".repeat(32)}-00f067aa0ba902b7-01`],
    ["zero parent id", `00-4bf92f3577b34da6a3ce929d0e0e4736-${"0".repeat(16)}-01`],
    ["non-hex", "00-4bf92f3577b34da6a3ce929d0e0e473z-00f067aa0ba902b7-01"],
  ])("ignores %s", (_name, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
    expect(traceIdOf(header)).toBeUndefined();
  });

  it("keeps the trace and makes a new span for an outgoing hop", () => {
    const next = outgoingTraceparent("4bf92f3577b34da6a3ce929d0e0e4736");
    const parsed = parseTraceparent(next);
    expect(parsed?.traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(parsed?.parentId).not.toBe("00f067aa0ba902b7");
    expect(parsed?.sampled).toBe(true);
  });

  it("continues a valid incoming trace and starts a new one otherwise", () => {
    expect(continueOrStartTrace(valid).traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    const fresh = continueOrStartTrace("garbage");
    expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(parseTraceparent(fresh.traceparent)?.traceId).toBe(fresh.traceId);
    expect(continueOrStartTrace(undefined).traceId).not.toBe(fresh.traceId);
  });
});
