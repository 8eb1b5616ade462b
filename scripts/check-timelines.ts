/**
 * Order timelines on a running system (the demo of `make up`, or any database the env points
 * at): how many orders show an event before its cause, and how many events carry no trace id.
 * Exits 1 if either is not zero. `npm run check:timelines`.
 */
import { loadMigrateEnv } from "@icp/config";
import { createPrisma } from "@icp/db";
import { timelineDefects } from "@icp/orders";

const db = createPrisma(loadMigrateEnv().DATABASE_URL);
try {
  const d = await timelineDefects(db);
  console.log(
    `orders ${d.orders}, events ${d.events}: ${d.outOfOrder.length} timelines with an event before its cause, ${d.eventsWithoutTrace} events without a trace id`,
  );
  if (d.outOfOrder.length) console.log(`first out of order: ${d.outOfOrder.slice(0, 10).join(", ")}`);
  process.exitCode = d.outOfOrder.length || d.eventsWithoutTrace ? 1 : 0;
} finally {
  await db.close();
}
