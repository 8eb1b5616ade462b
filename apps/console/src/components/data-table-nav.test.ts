import { describe, expect, it } from "vitest";
import { isNavKey, moveIndex, serverSort, tableSort } from "./data-table-nav";

describe("moveIndex (keyboard movement between table rows)", () => {
  it("moves one row with the arrows and stops at the ends", () => {
    expect(moveIndex("ArrowDown", 0, 10, 5)).toBe(1);
    expect(moveIndex("ArrowUp", 3, 10, 5)).toBe(2);
    expect(moveIndex("ArrowUp", 0, 10, 5)).toBe(0);
    expect(moveIndex("ArrowDown", 9, 10, 5)).toBe(9);
  });
  it("jumps a page with PgUp/PgDn, clamped, and to the first/last row with Home/End", () => {
    expect(moveIndex("PageDown", 2, 10_000, 16)).toBe(18);
    expect(moveIndex("PageDown", 9_990, 10_000, 16)).toBe(9_999);
    expect(moveIndex("PageUp", 5, 10_000, 16)).toBe(0);
    expect(moveIndex("Home", 500, 10_000, 16)).toBe(0);
    expect(moveIndex("End", 0, 10_000, 16)).toBe(9_999);
  });
  it("copes with a focus left past the rows after they shrank, and with no rows", () => {
    expect(moveIndex("ArrowDown", 40, 10, 5)).toBe(9);
    expect(moveIndex("ArrowUp", 40, 10, 5)).toBe(8);
    expect(moveIndex("ArrowDown", 0, 0, 5)).toBe(-1);
    expect(moveIndex("PageDown", 0, 3, 0)).toBe(1);
  });
  it("knows which keys are navigation", () => {
    expect(isNavKey("End")).toBe(true);
    expect(isNavKey("Enter")).toBe(false);
    expect(isNavKey(" ")).toBe(false);
  });
});

describe("serverSort / tableSort", () => {
  const allowed = ["createdAt", "attempts", "flow"] as const;
  const fallback = { sort: "createdAt" as const, dir: "desc" as const };
  it("maps the first sorted column the server knows", () => {
    expect(serverSort([{ id: "attempts", desc: false }], allowed, fallback)).toEqual({
      sort: "attempts",
      dir: "asc",
    });
    expect(serverSort([{ id: "flow", desc: true }], allowed, fallback)).toEqual({
      sort: "flow",
      dir: "desc",
    });
  });
  it("falls back for no sort or a column the server cannot sort by", () => {
    expect(serverSort([], allowed, fallback)).toEqual(fallback);
    expect(serverSort([{ id: "message", desc: true }], allowed, fallback)).toEqual(fallback);
  });
  it("round-trips", () => {
    const s = { sort: "attempts" as const, dir: "asc" as const };
    expect(serverSort(tableSort(s), allowed, fallback)).toEqual(s);
  });
});
