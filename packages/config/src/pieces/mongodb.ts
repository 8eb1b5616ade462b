import { z } from "zod";
import { envPiece } from "../piece";

/** The storefront read model (MongoDB wire protocol: FerretDB locally). */
export const mongodb = envPiece({
  name: "mongodb",
  shape: {
    MONGODB_URL: z.string().min(1).default("mongodb://127.0.0.1:57017/storefront"),
  },
  requiredWhenDeployed: { MONGODB_URL: "the read model's connection string, from Vault" },
});
