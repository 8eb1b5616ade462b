import { z } from "zod";
import { envPiece } from "../piece";

/** The worker's drift check (apps/worker/src/drift): SAP compared with the storefront's read model. */
export const drift = envPiece({
  name: "drift check",
  shape: {
    /** How often the worker checks a sample of each entity; 0 turns the sampled check off (on-demand checks still run). */
    DRIFT_SAMPLE_EVERY_MS: z.coerce
      .number()
      .int()
      .refine((ms) => ms === 0 || ms >= 10_000, { message: "must be 0 (off) or at least 10000 ms" })
      .default(300_000),
    /** Records per entity each sample compares, rotating through the read model's keys. */
    DRIFT_SAMPLE_SIZE: z.coerce.number().int().min(1).max(1_000).default(50),
    /**
     * A record that differs is looked at again after this long before it becomes a finding, so a
     * stock or price event still on its way does not show as drift. 0: no second look.
     */
    DRIFT_CONFIRM_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  },
});
