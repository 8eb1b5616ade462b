import "server-only";
import { loadStorefrontAppEnv } from "@icp/config";
import { createStorefrontClient, type StorefrontClient } from "@icp/storefront-sdk";

let client: StorefrontClient | undefined;

/** The storefront's one API client (server side only: it holds the client secret). */
export function shop(): StorefrontClient {
  const env = loadStorefrontAppEnv();
  client ??= createStorefrontClient({
    baseUrl: env.STOREFRONT_API_URL,
    clientId: env.STOREFRONT_CLIENT_ID,
    clientSecret: env.STOREFRONT_CLIENT_SECRET,
  });
  return client;
}

export function settings() {
  const env = loadStorefrontAppEnv();
  return {
    customerId: env.STOREFRONT_CUSTOMER_ID,
    currency: env.STOREFRONT_CURRENCY,
    prerender: env.STOREFRONT_PRERENDER_PRODUCTS,
    webhookSecrets: env.STOREFRONT_WEBHOOK_SECRETS,
  };
}

/** One structured JSON log line (the same fields as the other services' logs). */
export function log(level: "info" | "warn" | "error", message: string, fields: Record<string, unknown> = {}) {
  console.log(
    JSON.stringify({
      "@timestamp": new Date().toISOString(),
      "log.level": level,
      "service.name": "storefront",
      message,
      ...fields,
    }),
  );
}

export const money = (p: { amount: string; currency: string } | null | undefined) =>
  p ? `${Number(p.amount).toFixed(2)} ${p.currency}` : "price on request";
