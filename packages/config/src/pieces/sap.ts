import { z } from "zod";
import { envPiece } from "../piece";

/** The S/4HANA OData client (the worker calls SAP; the console checks it is reachable). */
export const sap = envPiece({
  name: "sap",
  shape: {
    SAP_BASE_URL: z.string().min(1).default("http://127.0.0.1:4004"),
    SAP_CLIENT: z
      .string()
      .regex(/^\d{3}$/, "SAP_CLIENT is a three-digit client number")
      .default("100"),
    SAP_LANGUAGE: z.string().length(2).default("EN"),
    SAP_USERNAME: z.string().max(12, "an SAP user name has at most 12 characters").default("ICP_RFC_USER"),
    SAP_PASSWORD: z.string().default("local-sandbox-password"),
    SAP_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    SAP_MAX_CONCURRENCY: z.coerce.number().int().positive().default(8),
  },
  requiredWhenDeployed: {
    SAP_BASE_URL: "the SAP system, from the ConfigMap",
    SAP_USERNAME: "the SAP communication user, from Vault",
    SAP_PASSWORD: "the SAP communication user's password, from Vault",
  },
});
