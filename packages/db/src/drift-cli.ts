import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadEnv } from "@icp/config";
import { detectDrift } from "./drift";

// `npm run db:drift`: compare the database at DATABASE_URL with prisma/schema.prisma.
// Exit 1 and list every difference when they disagree (for CI and after a deploy).
const schemaPath = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));
const drift = await detectDrift(await readFile(schemaPath, "utf8"), loadEnv().DATABASE_URL);
if (drift.length === 0) {
  console.log("[drift] database matches prisma/schema.prisma");
} else {
  console.error(`[drift] ${drift.length} difference(s) between prisma/schema.prisma and the database:`);
  for (const line of drift) console.error(`  - ${line}`);
  process.exit(1);
}
