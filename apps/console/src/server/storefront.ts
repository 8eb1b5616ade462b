import "server-only";
import { kafkaConnection } from "@icp/config";
import { kafkajsLogCreator } from "@icp/observability";
import {
  type createStorefrontApi,
  openStorefrontStores,
  type StorefrontStores,
  storefrontApiOnStores,
} from "@icp/storefront-api";
import { env } from "./env";
import { logger } from "./logger";

export const STOREFRONT_BASE_PATH = "/api/storefront/v1";

type StorefrontRuntime = StorefrontStores & { handle: ReturnType<typeof createStorefrontApi> };

const g = globalThis as typeof globalThis & { __icpStorefront?: Promise<StorefrontRuntime> };

async function build(): Promise<StorefrontRuntime> {
  const stores = await openStorefrontStores({
    databaseUrl: env.DATABASE_URL,
    mongodbUrl: env.MONGODB_URL,
    kafka: { ...kafkaConnection(env), logCreator: kafkajsLogCreator(logger) },
    redisUrl: env.REDIS_URL,
    name: `${env.KAFKA_CLIENT_ID}-storefront-api`,
  });
  const handle = storefrontApiOnStores(stores, {
    basePath: STOREFRONT_BASE_PATH,
    signingKeySecret: env.SIGNING_KEY_SECRET,
    // The iss claim: the console's public URL unless TOKEN_ISSUER says otherwise.
    issuer: env.TOKEN_ISSUER ?? env.CONSOLE_URL,
    audience: env.TOKEN_AUDIENCE,
    tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
    logger,
    ipLimitPerMinute: env.STOREFRONT_IP_LIMIT_PER_MINUTE,
    checkCacheMs: env.STOREFRONT_CHECK_CACHE_MS,
    kafkaSendTimeoutMs: env.STOREFRONT_KAFKA_SEND_TIMEOUT_MS,
  });
  return { handle, ...stores };
}

/** One runtime per process, built on first request; a failed build is retried on the next. */
export function storefront(): Promise<StorefrontRuntime> {
  if (!g.__icpStorefront) {
    g.__icpStorefront = build();
    g.__icpStorefront.catch((err) => {
      logger.error({ err }, "storefront API could not start");
      g.__icpStorefront = undefined;
    });
  }
  return g.__icpStorefront;
}
