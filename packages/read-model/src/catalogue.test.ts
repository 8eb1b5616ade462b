import { describe, expect, it } from "vitest";
import {
  afterCursor,
  contentHash,
  decodeCursor,
  digestBucket,
  digestKey,
  encodeCursor,
  filtersFingerprint,
  InvalidCursorError,
  MAX_TOKEN_LENGTH,
  priceKey,
  searchTerms,
  searchTokens,
} from "./catalogue";

describe("search tokens", () => {
  it("are every prefix of every word of name and description, lower-cased", () => {
    expect(searchTokens("Steel HAMMER", "tg-11")).toEqual([
      "s",
      "st",
      "ste",
      "stee",
      "steel",
      "h",
      "ha",
      "ham",
      "hamm",
      "hamme",
      "hammer",
      "t",
      "tg",
      "1",
      "11",
    ]);
  });

  it("keep letters of any script and cap a word's prefixes", () => {
    expect(searchTokens("Größe", "")).toContain("größe");
    const long = "x".repeat(50);
    expect(Math.max(...searchTokens(long, "").map((t) => t.length))).toBe(MAX_TOKEN_LENGTH);
  });

  it("a search's terms are its words cut like the tokens, longest first, so each is one stored token", () => {
    expect(searchTerms("  Ham, STEEL ")).toEqual(["steel", "ham"]);
    expect(searchTerms("x".repeat(40))).toEqual(["x".repeat(MAX_TOKEN_LENGTH)]);
    expect(searchTerms("--")).toEqual([]);
    const tokens = new Set(searchTokens("Steel hammer with a very-long-descriptive-name", ""));
    for (const q of ["ham", "steel ham", "descriptive", "very long"])
      for (const t of searchTerms(q)) expect(tokens.has(t), `${q}: ${t}`).toBe(true);
  });
});

describe("cursors", () => {
  it("round-trip a position, Dates included, and are opaque base64url", () => {
    const at = new Date("2026-12-01T10:00:00.123Z");
    const c = encodeCursor({ sort: "updated", filters: "abc", value: at, id: "TG11" });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual({ sort: "updated", filters: "abc", value: at, id: "TG11" });
    const p = encodeCursor({ sort: "price", filters: "f", value: 9.5, id: "A" });
    expect(decodeCursor(p).value).toBe(9.5);
  });

  it("refuse what this API did not make", () => {
    for (const bad of [
      "",
      "%%%",
      Buffer.from("[1,2]").toString("base64url"),
      Buffer.from('["x","f",1,"A"]').toString("base64url"),
    ])
      expect(() => decodeCursor(bad), bad).toThrow(InvalidCursorError);
  });

  it("continue after the position: sort value past it, or equal and a later id", () => {
    expect(afterCursor({ sort: "name", value: "Hammer", id: "TG11" })).toEqual({
      $or: [{ name: { $gt: "Hammer" } }, { name: "Hammer", _id: { $gt: "TG11" } }],
    });
    expect(afterCursor({ sort: "-price", value: 10, id: "TG11" })).toEqual({
      $or: [{ priceKey: { $lt: 10 } }, { priceKey: 10, _id: { $gt: "TG11" } }],
    });
  });

  it("fingerprint filters by content, not key order", () => {
    expect(filtersFingerprint({ a: 1, b: "x" })).toBe(filtersFingerprint({ b: "x", a: 1 }));
    expect(filtersFingerprint({ a: 1 })).not.toBe(filtersFingerprint({ a: 2 }));
  });
});

describe("content hashes and digest buckets", () => {
  it("hash equal content equally whatever the key order, and differ on any change", () => {
    const a = {
      _id: "TG11",
      name: "A",
      price: { amount: "1.00", currency: "EUR" },
      at: new Date(0),
      version: 1,
    };
    const b = {
      version: 1,
      at: new Date(0),
      price: { currency: "EUR", amount: "1.00" },
      name: "A",
      _id: "TG11",
    };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash({ ...a, version: 2 })).not.toBe(contentHash(a));
    expect(contentHash({ ...a, images: [] })).not.toBe(contentHash(a));
  });

  it("bucket neighbouring ids together and key them without dots", () => {
    expect(digestBucket("products", "TG100012")).toBe("products:TG1000");
    expect(digestBucket("products", "TG100099")).toBe("products:TG1000");
    expect(digestBucket("products", "A")).toBe("products:");
    expect(digestKey("MZ.FG-1")).not.toContain(".");
    expect(priceKey(null)).toBe(-1);
    expect(priceKey({ amountNum: 12.5 })).toBe(12.5);
  });
});
