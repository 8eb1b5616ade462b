import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadEnv } from "@icp/config";
import { prismaCreateScript } from "./schema-engine";

// `npm run db:sql`: print the SQL Prisma generates for prisma/schema.prisma from an empty
// database (offline, WASM schema engine). Copy the statements a new migration needs from it.
const schemaPath = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));
process.stdout.write(await prismaCreateScript(await readFile(schemaPath, "utf8"), loadEnv().DATABASE_URL));
