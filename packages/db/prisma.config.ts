import { loadEnv } from "@icp/config";
import { defineConfig } from "prisma/config";

// Prisma 7 reads the datasource URL from here, not from schema.prisma. It lives in
// packages/db (Prisma looks for prisma.config.ts in the working directory), so run the CLI
// from this folder: `npm exec -w @icp/db -- prisma …`. The URL comes from @icp/config like
// every other setting; only migrate/studio use it — `prisma generate` never connects.
export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  datasource: { url: loadEnv().DATABASE_URL },
});
