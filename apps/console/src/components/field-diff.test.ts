import { describe, expect, it } from "vitest";
import { fieldDiff, joinPath, showValue } from "./field-diff";

describe("fieldDiff", () => {
  it("lists only the leaves that changed, with their paths", () => {
    const before = {
      payload: {
        orderId: "SF-1",
        lines: [
          { sku: "A-1", quantity: 1 },
          { sku: "B", quantity: 2 },
        ],
      },
    };
    const after = {
      payload: {
        orderId: "SF-1",
        lines: [
          { sku: "A-2", quantity: 1 },
          { sku: "B", quantity: 2 },
        ],
      },
    };
    expect(fieldDiff(before, after)).toEqual([
      { path: "payload.lines[0].sku", kind: "changed", before: "A-1", after: "A-2" },
    ]);
  });
  it("reports added and removed keys and array items", () => {
    expect(fieldDiff({ a: 1, lines: [1] }, { b: 2, lines: [1, 2] })).toEqual([
      { path: "a", kind: "removed", before: 1 },
      { path: "b", kind: "added", after: 2 },
      { path: "lines[1]", kind: "added", after: 2 },
    ]);
  });
  it("treats a type change as one change at that path, and null as a value", () => {
    expect(fieldDiff({ x: { y: 1 } }, { x: "y" })).toEqual([
      { path: "x", kind: "changed", before: { y: 1 }, after: "y" },
    ]);
    expect(fieldDiff({ x: null }, { x: 0 })).toEqual([
      { path: "x", kind: "changed", before: null, after: 0 },
    ]);
    expect(fieldDiff(null, { a: 1 })).toEqual([
      { path: "(root)", kind: "changed", before: null, after: { a: 1 } },
    ]);
  });
  it("finds nothing when only key order differs", () => {
    expect(fieldDiff({ a: 1, b: [{ c: 2, d: 3 }] }, { b: [{ d: 3, c: 2 }], a: 1 })).toEqual([]);
  });
  it("quotes keys that are not identifiers", () => {
    expect(joinPath("a", "odd key")).toBe('a["odd key"]');
    expect(fieldDiff({ "x.y": 1 }, { "x.y": 2 })[0]?.path).toBe('["x.y"]');
  });
  it("shows strings plainly and the rest as JSON", () => {
    expect([showValue("a"), showValue(1), showValue(null), showValue(undefined)]).toEqual([
      "a",
      "1",
      "null",
      "—",
    ]);
  });
});
