import { afterEach, describe, expect, it, vi } from "vitest";
import {
  kafkajsScheduleCheck,
  mendRequestQueueIdleLoop,
  requestQueueClass,
  requestQueueMended,
} from "./kafkajs-idle-loop";

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** A real kafkajs RequestQueue, as a broker connection makes one; checks counted. */
function queue() {
  const Q = requestQueueClass() as unknown as new (
    opts: Record<string, unknown>,
  ) => {
    pending: unknown[];
    inflight: Map<number, unknown>;
    throttledUntil: number;
    checkPendingRequests(): void;
  };
  const q = new Q({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: "test",
    broker: "localhost:9092",
    logger: silent,
  });
  const checks = vi.spyOn(q, "checkPendingRequests");
  return { q, checks };
}

afterEach(() => vi.useRealTimers());

describe("kafkajs RequestQueue idle loop (tulios/kafkajs#1704)", () => {
  it("unmended, an idle connection's queue checks itself every millisecond for ever", () => {
    // kafkajs' own code on a real queue: the defect is in the kafkajs we ship
    vi.useFakeTimers();
    const { q, checks } = queue();
    Object.assign(q, { scheduleCheckPendingRequests: kafkajsScheduleCheck() });
    q.checkPendingRequests(); // what fulfilling a request does
    vi.advanceTimersByTime(100);
    expect(checks.mock.calls.length).toBeGreaterThan(50);
  });

  it("mended, an idle queue schedules nothing; pending requests and throttles still get their check", () => {
    mendRequestQueueIdleLoop();
    expect(requestQueueMended()).toBe(true);
    vi.useFakeTimers();
    const { q, checks } = queue();

    q.checkPendingRequests();
    vi.advanceTimersByTime(1_000);
    expect(checks).toHaveBeenCalledTimes(1); // the call above, nothing after
    expect(vi.getTimerCount()).toBe(0);

    // throttled by the broker with nothing pending: one check when the throttle ends
    q.throttledUntil = Date.now() + 250;
    q.checkPendingRequests();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(250);
    expect(checks).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);

    // a request waiting (in-flight limit reached): checked every 10 ms until it can go
    q.inflight.set(1, {}); // the one request allowed in flight
    q.pending.push({ send() {} });
    q.checkPendingRequests();
    const before = checks.mock.calls.length;
    vi.advanceTimersByTime(50);
    expect(checks.mock.calls.length - before).toBeGreaterThanOrEqual(4);
  });

  it("mending twice changes nothing", () => {
    mendRequestQueueIdleLoop();
    const fn = requestQueueClass().prototype.scheduleCheckPendingRequests;
    mendRequestQueueIdleLoop();
    expect(requestQueueClass().prototype.scheduleCheckPendingRequests).toBe(fn);
  });
});
