import { z } from "zod";
import { envPiece, isDeployed } from "../piece";
import { commaList } from "./kafka";

const LOCAL_CLIENT_SECRET = "demo-storefront-secret-local-only";
const LOCAL_WEBHOOK_SECRET = "whsec_ZGVtby13ZWJob29rLXNlY3JldC1sb2NhbC1vbmx5LTMyYg==";

/**
 * The reference storefront (apps/storefront): where the storefront API is, the API client it
 * shops as, and the webhook secret(s) it verifies the control plane's deliveries with. The
 * defaults are what `make up` provisions (scripts/seed-demo.ts): local only.
 */
export const storefrontApp = envPiece({
  name: "reference storefront",
  shape: {
    /** The storefront API's base URL (the console serves it under /api/storefront/v1). */
    STOREFRONT_API_URL: z.url().default("http://127.0.0.1:3000/api/storefront/v1"),
    STOREFRONT_CLIENT_ID: z.string().min(1).default("demo-storefront"),
    STOREFRONT_CLIENT_SECRET: z.string().min(1).default(LOCAL_CLIENT_SECRET),
    /**
     * The webhook endpoint's secret(s), comma-separated: the current one first, the previous
     * one beside it while you rotate (either verifies). `whsec_<base64>`.
     */
    STOREFRONT_WEBHOOK_SECRETS: commaList(LOCAL_WEBHOOK_SECRET).pipe(
      z.array(z.string().regex(/^whsec_[A-Za-z0-9+/]+=*$/, "a whsec_<base64> secret")).min(1),
    ),
    /** The shopper this demo storefront orders as (a real storefront knows its signed-in customer). */
    STOREFRONT_CUSTOMER_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,20}$/)
      .default("17100001"),
    STOREFRONT_CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default("EUR"),
    /** How many products the build pre-renders (the rest render on first visit, then stay static). */
    STOREFRONT_PRERENDER_PRODUCTS: z.coerce.number().int().min(0).max(5000).default(50),
  },
  requiredWhenDeployed: {
    STOREFRONT_CLIENT_SECRET: "the storefront's API client secret, from Vault",
    STOREFRONT_WEBHOOK_SECRETS: "the webhook endpoint's secret, from Vault",
  },
  check(env, fail, environment) {
    if (!isDeployed(environment)) return;
    if (env.STOREFRONT_CLIENT_SECRET === LOCAL_CLIENT_SECRET)
      fail("STOREFRONT_CLIENT_SECRET", `the local demo secret cannot be used in ${environment}`);
    if (env.STOREFRONT_WEBHOOK_SECRETS.includes(LOCAL_WEBHOOK_SECRET))
      fail("STOREFRONT_WEBHOOK_SECRETS", `the local demo secret cannot be used in ${environment}`);
  },
});
