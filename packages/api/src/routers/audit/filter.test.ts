import { describe, expect, it } from "vitest";
import { auditFilterFromSearchParams, csvField, csvHeader } from "./filter";

describe("audit CSV", () => {
  it("quotes commas, quotes and newlines and doubles inner quotes", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
  });
  it("defuses spreadsheet formulas", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+1")).toBe("'+1");
  });
  it("writes objects as JSON and dates as ISO", () => {
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvField(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvHeader().startsWith("at,actorId")).toBe(true);
  });
  it("export filters are validated, not ignored", () => {
    expect(auditFilterFromSearchParams(new URLSearchParams("from=not-a-date")).success).toBe(false);
    expect(auditFilterFromSearchParams(new URLSearchParams("action=failure.")).data).toEqual({
      action: "failure.",
    });
    // The free-text search travels to the export too; under 3 characters the trigram index cannot narrow.
    expect(auditFilterFromSearchParams(new URLSearchParams("q=SKU-1")).data).toEqual({ q: "SKU-1" });
    expect(auditFilterFromSearchParams(new URLSearchParams("q=ab")).success).toBe(false);
  });
});
