import "server-only";
import { loadStorefrontAppEnv } from "@icp/config";
import { createStorefrontClient, ProblemError, type StorefrontClient } from "@icp/storefront-sdk";
import { notFound } from "next/navigation";

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

/** For a page's `.catch`: the API's 404 is the page's 404; anything else is thrown on. */
export function notFoundOn404(e: unknown): never {
  if (e instanceof ProblemError && e.status === 404) notFound();
  throw e;
}

/** A route's answer for an API refusal (its short name only; an API 5xx is our 502); anything else is thrown on. */
export function refusalResponse(e: unknown): Response {
  if (e instanceof ProblemError)
    return Response.json({ error: e.problemName }, { status: e.status >= 500 ? 502 : e.status });
  throw e;
}
