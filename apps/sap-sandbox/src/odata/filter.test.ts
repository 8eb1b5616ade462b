import { describe, expect, it } from "vitest";
import {
  anyOfConstraint,
  equalityConstraints,
  evaluateFilter,
  FilterSyntaxError,
  type FilterValue,
  lowerBound,
  parseFilter,
} from "./filter";

const read = (row: Record<string, unknown>, name: string) => (row[name] ?? null) as FilterValue;
const matches = (filter: string, row: Record<string, unknown>) =>
  evaluateFilter(parseFilter(filter), row, read) === true;

describe("$filter", () => {
  const row = {
    Product: "TG11",
    ProductGroup: "L001",
    GrossWeight: 2.5,
    LastChangeDateTime: Date.UTC(2025, 5, 1),
    Name: "O'Brien Desk",
  };

  it.each([
    ["Product eq 'TG11'", true],
    ["Product ne 'TG11'", false],
    ["GrossWeight gt 2", true],
    ["GrossWeight ge 2.5", true],
    ["GrossWeight lt 2.5", false],
    ["GrossWeight le 2.5M", true],
    ["Product eq 'TG11' and ProductGroup eq 'L002'", false],
    ["Product eq 'TG12' or ProductGroup eq 'L001'", true],
    ["not (Product eq 'TG12')", true],
    ["(Product eq 'TG12' or Product eq 'TG11') and GrossWeight gt 1", true],
    ["LastChangeDateTime gt datetimeoffset'2025-05-31T23:59:59Z'", true],
    ["LastChangeDateTime ge datetime'2025-06-01T00:00:00'", true],
    ["LastChangeDateTime lt datetime'2025-06-01T00:00:00'", false],
    ["substringof('Desk', Name)", true],
    ["substringof('desk', tolower(Name))", true],
    ["startswith(Product, 'TG')", true],
    ["endswith(Product, '11')", true],
    ["Name eq 'O''Brien Desk'", true],
    ["substringof('Chair', Name) eq true", false],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter, row)).toBe(expected);
  });

  it.each([
    "Product eq",
    "Product eq 'x",
    "eq 'x'",
    "Product eq 'x' and",
    "foo(Product)",
    "Product eq 'x')",
    "Product @ 1",
  ])("rejects malformed '%s'", (filter) => {
    expect(() => parseFilter(filter)).toThrow(FilterSyntaxError);
  });

  it("finds equality constraints for index lookups", () => {
    expect(equalityConstraints(parseFilter("Material eq 'TG11' and Plant eq '1010' and Qty gt 1"))).toEqual({
      Material: "TG11",
      Plant: "1010",
    });
    expect(equalityConstraints(parseFilter("Material eq 'TG11' or Plant eq '1010'"))).toEqual({});
  });

  it("finds a conjunct naming a few values of one property (V2's `in`) for index lookups", () => {
    expect(
      anyOfConstraint(
        parseFilter(
          "(ConditionType eq 'PR00') and (Material eq 'TG11' or Material eq 'TG12' or 'TG13' eq Material)",
        ),
      ),
    ).toEqual({ property: "Material", values: ["TG11", "TG12", "TG13"] });
    expect(anyOfConstraint(parseFilter("Material eq 'TG11' or Plant eq '1010'"))).toBeUndefined();
    expect(anyOfConstraint(parseFilter("Material eq 'TG11' or Qty gt 1"))).toBeUndefined();
    expect(anyOfConstraint(parseFilter("Material eq 'TG11'"))).toBeUndefined();
    expect(anyOfConstraint(parseFilter("not (Material eq 'TG11' or Material eq 'TG12')"))).toBeUndefined();
  });
});

describe("lowerBound: where a keyset page starts on an index", () => {
  const cmp = (a: FilterValue, b: FilterValue) =>
    typeof a === "number" && typeof b === "number"
      ? a - b
      : String(a) < String(b)
        ? -1
        : String(a) > String(b)
          ? 1
          : 0;
  const bound = (filter: string, property: string) => lowerBound(parseFilter(filter), property, cmp);

  it("reads the client's cursor: after the last row's first key, that key included for the next keys", () => {
    expect(bound("Product gt 'TG50'", "Product")).toEqual({ value: "TG50", exclusive: true });
    expect(bound("(Material gt 'TG50') or (Material eq 'TG50' and Plant gt '1010')", "Material")).toEqual({
      value: "TG50",
      exclusive: false,
    });
    expect(
      bound(
        "LastChangeDateTime gt datetimeoffset'2026-01-01T00:00:00Z' or (LastChangeDateTime eq datetimeoffset'2026-01-01T00:00:00Z' and Product gt 'TG9')",
        "LastChangeDateTime",
      ),
    ).toEqual({ value: Date.UTC(2026, 0, 1), exclusive: false });
  });

  it("takes the higher bound of an and, and no bound from an or with an open side", () => {
    expect(bound("Product ge 'TG2' and Product gt 'TG5' and Plant eq '1010'", "Product")).toEqual({
      value: "TG5",
      exclusive: true,
    });
    expect(bound("Product gt 'TG5' or Plant eq '1010'", "Product")).toBeUndefined();
    expect(bound("Product lt 'TG5'", "Product")).toBeUndefined();
    expect(bound("'TG5' lt Product", "Product")).toEqual({ value: "TG5", exclusive: true });
  });
});
