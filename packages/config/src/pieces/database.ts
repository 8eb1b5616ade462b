import { z } from "zod";
import { envPiece } from "../piece";

/** PostgreSQL (ledger, audit, failures, API clients). */
export const database = envPiece({
  name: "database",
  shape: {
    DATABASE_URL: z.string().min(1).default("postgresql://icp:icp@127.0.0.1:55432/icp"),
  },
  requiredWhenDeployed: { DATABASE_URL: "the PostgreSQL connection string, from Vault" },
});
