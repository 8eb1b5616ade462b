import { fileURLToPath } from "node:url";
import { EnvError, loadMigrateEnv } from "@icp/config";
import { MigrationError, migrate } from "./migrate";

// `npm run db:migrate [-- <migrationsDir>]`: apply prisma/migrations (or the given folder,
// e.g. inside a container image) to DATABASE_URL from @icp/config (`migrateEnv`: the Job needs
// nothing else, no console or worker secret).
const migrationsDir =
  process.argv[2] ?? fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));
let DATABASE_URL: string;
try {
  ({ DATABASE_URL } = loadMigrateEnv());
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`[migrate] ${error.message}`);
  process.exit(1);
}

try {
  const result = await migrate(DATABASE_URL, migrationsDir, { log: (line) => console.log(line) });
  console.log(
    `[migrate] done: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`,
  );
} catch (error) {
  if (error instanceof MigrationError) {
    console.error(`[migrate] ${error.code}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
