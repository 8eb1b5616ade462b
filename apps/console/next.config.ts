import type { NextConfig } from "next";

/**
 * Security headers on every response. Next's hydration needs inline scripts, so scripts are
 * 'self' + inline (no third-party origins at all); development adds 'unsafe-eval' for React
 * Refresh. The console may not be framed anywhere (clickjacking on mutation buttons).
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");
const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

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
    "@icp/sap-client",
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
    "@opentelemetry/api",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/sdk-trace-base",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    "@opentelemetry/core",
  ],
  poweredByHeader: false,
  // Container images ship the self-contained server (apps/console/Dockerfile).
  output: "standalone",
  // The development sign-in exists only in builds made for local use; release images are built
  // without ICP_BUILD_PROFILE=local, so its code is not even in them.
  env: { ICP_BUILD_PROFILE: process.env.ICP_BUILD_PROFILE === "local" ? "local" : "release" },
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
