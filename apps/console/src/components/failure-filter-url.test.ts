import { describe, expect, it } from "vitest";
import { fmtAge, queryFromView, viewFromQuery } from "./failure-filter-url";

const parse = (qs: string) => viewFromQuery(new URLSearchParams(qs));

describe("the error inbox's filter in the URL", () => {
  it("shows OPEN failures when the link names no state, and every state for state=all", () => {
    expect(parse("").filter).toEqual({ state: "OPEN" });
    expect(parse("state=all").filter).toEqual({});
    expect(parse("state=RESOLVED").filter).toEqual({ state: "RESOLVED" });
  });

  it("reads back every field it writes, so a shared link reloads the same view", () => {
    const view = {
      filter: {
        flow: "WEBHOOK" as const,
        errorClass: "TRANSIENT" as const,
        sapErrorCode: "V1/302",
        minAgeMinutes: 60,
        maxAgeMinutes: 1440,
        q: "shop & co",
        endpointId: "0193a3c0-0000-7000-8000-000000000001",
        sku: "MAT-1",
        assignee: null,
        tag: "sap-outage",
      },
      group: "endpoint" as const,
    };
    expect(parse(queryFromView(view))).toEqual(view);
    expect(queryFromView(view)).not.toContain("state=OPEN");
    expect(queryFromView({ filter: {} })).toBe("state=all");
  });

  it("drops what it cannot use instead of sending it to the API", () => {
    expect(parse("flow=NOPE&endpoint=not-a-uuid&older=-5&group=x").filter).toEqual({ state: "OPEN" });
    expect(parse("group=x").group).toBeUndefined();
  });

  it("writes an age as the largest whole unit", () => {
    const now = Date.parse("2026-12-06T12:00:00Z");
    expect(fmtAge(new Date(now - 3 * 3_600_000 - 59 * 60_000), now)).toBe("3 h");
    expect(fmtAge(new Date(now - 5 * 60_000), now)).toBe("5 min");
    expect(fmtAge(new Date(now - 49 * 3_600_000), now)).toBe("2 d");
  });
});
