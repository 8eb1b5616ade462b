import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    "@icp/api",
    "@icp/config",
    "@icp/db",
    "@icp/domain",
    "@icp/messaging",
    "@icp/observability",
    "@icp/read-model",
    "@icp/storefront-api",
  ],
  // Node-only clients with native or dynamic requires stay outside the bundle.
  serverExternalPackages: [
    "kafkajs",
    "bullmq",
    "ioredis",
    "pino",
    "pg",
    "@prisma/client",
    "@prisma/adapter-pg",
    "mongodb",
  ],
  poweredByHeader: false,
  // Container images ship the self-contained server (apps/console/Dockerfile).
  output: "standalone",
  // The development sign-in exists only in builds made for local use; release images are built
  // without ICP_BUILD_PROFILE=local, so its code is not even in them.
  env: { ICP_BUILD_PROFILE: process.env.ICP_BUILD_PROFILE === "local" ? "local" : "release" },
  typedRoutes: false,
};

export default config;
