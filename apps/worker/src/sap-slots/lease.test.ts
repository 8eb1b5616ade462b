import { describe, expect, it } from "vitest";
import { LocalLease, leaseTiming, retryDelayMs, slotKeys } from "./lease";

describe("SAP slot keys", () => {
  it("one set per SAP system and client, whatever the path, in one Redis Cluster hash slot", () => {
    const a = slotKeys("https://s4.internal:44300/", "100");
    expect(a).toEqual(slotKeys("https://s4.internal:44300/sap/opu/odata", "100"));
    expect(a.holders).not.toEqual(slotKeys("https://s4.internal:44300", "200").holders);
    expect(a.holders).not.toEqual(slotKeys("https://s4-qa.internal:44300", "100").holders);
    const tag = (k: string) => /\{[^}]+\}/.exec(k)?.[0];
    expect(new Set([tag(a.holders), tag(a.fence), tag(a.released)]).size).toBe(1);
  });
});

describe("a lease as the holder sees it", () => {
  const timing = leaseTiming(3_000);

  it("renews every third, refuses to send in its last tenth", () => {
    expect(timing).toEqual({ leaseMs: 3_000, renewEveryMs: 1_000, marginMs: 300 });
    expect(() => leaseTiming(50)).toThrow(/at least 100 ms/);
  });

  it("is usable until its deadline less the margin, counted from when the grant was asked for", () => {
    const lease = new LocalLease("w#7", 1_000, timing);
    expect(lease.usable(1_000)).toBe(true);
    expect(lease.usable(3_699)).toBe(true);
    expect(lease.usable(3_700)).toBe(false);
  });

  it("a renewal moves the deadline from when it was asked for; a lost lease stays lost", () => {
    const lease = new LocalLease("w#7", 0, timing);
    lease.renewed(2_000);
    expect(lease.usable(4_000)).toBe(true);
    lease.renewed(1_000); // a late answer to an older renewal never shortens it
    expect(lease.usable(4_600)).toBe(true);
    lease.markLost();
    expect(lease.usable(0)).toBe(false);
    lease.renewed(10_000);
    expect(lease.usable(10_001)).toBe(false);
  });

  it("a waiter asks again when the earliest lease expires, at most every poll", () => {
    expect(retryDelayMs(40, 1_000)).toBe(41);
    expect(retryDelayMs(5_000, 1_000)).toBe(1_000);
    expect(retryDelayMs(-3, 1_000)).toBe(1);
    expect(retryDelayMs(Number.NaN, 250)).toBe(250);
  });
});
