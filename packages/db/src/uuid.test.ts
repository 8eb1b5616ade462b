import { describe, expect, it } from "vitest";
import { uuidv7 } from "./uuid";

describe("uuidv7", () => {
  it("is an RFC 9562 version 7 UUID carrying the millisecond time, ordered by it", () => {
    const t = Date.UTC(2026, 11, 2, 4, 30);
    const id = uuidv7(t);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(t);
    expect(uuidv7(t + 1) > uuidv7(t)).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(t))).size).toBe(1000);
  });
});
