/**
 * A separate process holding SAP slots, for slots.int.test.ts (one Node process each, as worker
 * replicas are). Arguments: mode, its number, Redis URL, SAP system (URL), limit, lease ms. Modes:
 *   hammer <calls>: `calls` calls, 1–3 at a time, each counting itself in Redis while it holds a
 *     slot (INCR on entry, DECR on exit) and recording the highest count it saw;
 *   hold <ms>: one call that says "held", waits `ms`, then checks its slot as the transport does
 *     before sending and says "sent" (or, once its slot was lost, waits for a new one first).
 * Writes one JSON line per event to stdout.
 */
import { Redis } from "ioredis";
import { slotKeys } from "./lease";
import { SapSlots } from "./slots";

const [
  mode = "hammer",
  arg = "50",
  url = "",
  system = "http://sap.test:1",
  limitArg = "3",
  leaseArg = "2000",
] = process.argv.slice(2);
const limit = Number(limitArg);
const leaseMs = Number(leaseArg);
const counter = `${slotKeys(system, "100").holders}:test-in-flight`;
const say = (event: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ ...event, t: Date.now() })}\n`);

const slots = new SapSlots({
  redisUrl: url,
  keys: slotKeys(system, "100"),
  limit,
  leaseMs,
  pollMs: 50,
  log: (_level, _fields, message) => say({ event: "log", message }),
});
const redis = new Redis(url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (mode === "hammer") {
  let max = 0;
  let left = Number(arg);
  const lane = async () => {
    while (left-- > 0) {
      await slots.run(async (slot) => {
        slot.check();
        const n = await redis.incr(counter);
        max = Math.max(max, n);
        await sleep(2 + Math.floor(Math.random() * 15));
        await redis.decr(counter);
      });
    }
  };
  await Promise.all([lane(), lane(), lane()]);
  say({ event: "done", max, lost: slots.lostBeforeSend });
} else {
  let attempt = 0;
  await slots.run(async (slot) => {
    attempt++;
    say({ event: "held", attempt });
    await sleep(Number(arg));
    slot.check();
    say({ event: "sent", attempt });
  });
  say({ event: "done", lost: slots.lostBeforeSend });
}
await slots.close();
redis.disconnect();
