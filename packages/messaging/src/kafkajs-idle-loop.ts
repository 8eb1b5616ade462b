/// <reference path="./kafkajs-internals.d.ts" />
/**
 * kafkajs 2.2.4 (its last release) re-arms a timer on every broker connection for ever once the
 * connection has answered one request: `RequestQueue.scheduleCheckPendingRequests` computes
 * `throttledUntil - Date.now()`, which is minus the epoch when nothing is throttled
 * (`throttledUntil` starts at -1), and sets a timeout for it even with nothing pending; Node runs
 * a negative delay after 1 ms, the callback schedules the next, and each connection wakes the
 * event loop ~1,000 times a second doing nothing (and Node 24 prints a TimeoutNegativeWarning).
 * Upstream: tulios/kafkajs#1704 (the loop) and #1751 (the warning); the fixes proposed there
 * (#1755, #1768) are unreleased. This is the fix #1704 describes: with nothing pending and no
 * throttle in the future there is nothing to check later — a request pushed meanwhile is sent
 * at once or queued with its own schedule, and a fulfilled one checks the queue itself.
 *
 * Applied once, by `createKafka`, to the class kafkajs itself loads (the CommonJS module cache
 * holds one copy; the console's bundle keeps kafkajs external, so a deep import is that same
 * file); `requestQueueMended` says whether it is in place (kafkajs-idle-loop.test.ts).
 */
// kafkajs' own module (CommonJS: module.exports = class RequestQueue), the one its connections use
import RequestQueue from "kafkajs/src/network/requestQueue/index.js";

interface RequestQueueLike {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs' own pending-check interval (requestQueue/index.js CHECK_PENDING_REQUESTS_INTERVAL). */
const CHECK_PENDING_REQUESTS_INTERVAL = 10;
const MENDED = Symbol.for("icp.kafkajs.requestQueueMended");

type RequestQueueClass = {
  prototype: RequestQueueLike & { [MENDED]?: RequestQueueLike["scheduleCheckPendingRequests"] };
};

/** kafkajs' RequestQueue class. */
export function requestQueueClass(): RequestQueueClass {
  return RequestQueue as unknown as RequestQueueClass;
}

export function mendRequestQueueIdleLoop(): void {
  const proto = requestQueueClass().prototype;
  if (proto[MENDED]) return;
  const kafkajsOwn = proto.scheduleCheckPendingRequests;
  proto.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueLike) {
    if (this.throttleCheckTimeoutId) return;
    const untilUnthrottled = this.throttledUntil - Date.now();
    // Nothing waiting and nothing throttled: no later check is needed.
    if (!this.pending.length && untilUnthrottled <= 0) return;
    const delay = untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL;
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, delay);
  };
  proto[MENDED] = kafkajsOwn;
}

export function requestQueueMended(): boolean {
  return requestQueueClass().prototype[MENDED] !== undefined;
}

/** kafkajs' own scheduleCheckPendingRequests, mended or not (for the test that shows the loop). */
export function kafkajsScheduleCheck(): RequestQueueLike["scheduleCheckPendingRequests"] {
  const proto = requestQueueClass().prototype;
  return proto[MENDED] ?? proto.scheduleCheckPendingRequests;
}
