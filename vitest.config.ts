import { defineConfig } from "vitest/config";

// `unit` runs anywhere in seconds; `integration` needs the real local stack (scripts/stack.sh
// up) and is run serially because tests share the servers; `chaos` breaks those servers on purpose.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{apps,packages}/*/src/**/*.test.ts", "scripts/**/*.test.ts", "tests/k8s/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.cluster.test.ts", "**/node_modules/**", "**/e2e/**"],
          // SAP Cloud SDK clients for the sandbox's contract tests, generated from the EDMX files
          // when they (or the generator) changed since the last run: about 5 s, else a hash
          globalSetup: ["apps/sap-sandbox/src/sdk-contract/global-setup.ts"],
        },
      },
      {
        // The overlays applied to a real kube-apiserver (+ kine) that scripts/k8s-apiserver.sh
        // builds from the Go module proxy: minutes cold (hence the hook timeout), seconds warm.
        test: {
          name: "k8s-cluster",
          include: ["tests/k8s/**/*.cluster.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 45 * 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: [
            "{apps,packages}/*/src/**/*.int.test.ts",
            "tests/integration/**/*.int.test.ts",
            "tests/security/**/*.int.test.ts",
          ],
          exclude: ["**/node_modules/**"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The images scripts/images.sh built from the Dockerfiles, run with podman against the
        // real stack (tests/images): the stage after the build in scripts/test.sh.
        test: {
          name: "images",
          include: ["tests/images/**/*.int.test.ts"],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The log shipper (k8s/platform/logging) built with ocb by scripts/otelcol.sh and run on
        // the apps' own log lines (tests/logging): minutes cold (hook timeout), seconds warm.
        test: {
          name: "logging",
          include: ["tests/logging/**/*.int.test.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 45 * 60_000,
        },
      },
      {
        // Restarts shared servers: run alone, after the integration tests (CHAOS_ORDERS sizes it).
        test: {
          name: "chaos",
          include: ["tests/chaos/**/*.chaos.test.ts"],
          fileParallelism: false,
          testTimeout: 45 * 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
