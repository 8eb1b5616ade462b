import { z } from "zod";
import { envPiece } from "../piece";

const raw = z.string().optional();

/**
 * The SAP sandbox (apps/sap-sandbox). Its own parser (`parseSandboxConfig`) turns these into
 * options and checks their ranges together with its command-line flags, so this piece keeps
 * them as the strings it was given; it names every variable the sandbox reads.
 */
export const sandbox = envPiece({
  name: "sap sandbox",
  shape: {
    SANDBOX_PORT: raw,
    SANDBOX_HOST: raw,
    SANDBOX_SCALE: raw,
    SANDBOX_PRODUCTS: raw,
    SANDBOX_CUSTOMERS: raw,
    SANDBOX_SEED: raw,
    SANDBOX_TICK_MS: raw,
    SANDBOX_EVENTS: raw,
    SANDBOX_PAGE_SIZE: raw,
    SANDBOX_FIRST_SALES_ORDER: raw,
    SANDBOX_SYSTEM_ID: raw,
    SANDBOX_OAUTH_CLIENT_ID: raw,
    SANDBOX_OAUTH_CLIENT_SECRET: raw,
    SANDBOX_ADMIN_TOKEN: raw,
    SANDBOX_PURCHASE_ORDER_CHECK: raw,
    SAP_SPECS_DIR: raw,
    /** The SAP user the sandbox accepts (the worker's SAP_USERNAME/SAP_PASSWORD). */
    SAP_USERNAME: raw,
    SAP_PASSWORD: raw,
    SAP_CLIENT: raw,
  },
});
