import type { KafkaRecord } from "@icp/domain";
import { describe, expect, it } from "vitest";
import { byteChunks } from "./orders";

const record = (key: string, bytes: number): KafkaRecord => ({
  key,
  value: Buffer.alloc(bytes),
  headers: { ce_id: key },
});

describe("byteChunks", () => {
  it("keeps records in order in runs of at most max bytes; a record bigger than max goes alone", () => {
    // Each record weighs its value plus key and headers ("ce_id" + key: 5 + 1, key 1) = value + 7.
    const rs = [record("a", 43), record("b", 43), record("c", 43), record("d", 200), record("e", 10)];
    const chunks = byteChunks(rs, 100);
    expect(chunks.map((c) => c.map((r) => r.key).join(""))).toEqual(["ab", "c", "d", "e"]);
    expect(chunks.flat()).toEqual(rs);
  });

  it("answers no chunks for no records, and one chunk when all fit", () => {
    expect(byteChunks([], 100)).toEqual([]);
    expect(byteChunks([record("a", 1), record("b", 1)], 100)).toHaveLength(1);
  });
});
