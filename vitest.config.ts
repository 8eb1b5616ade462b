import { defineConfig } from "vitest/config";

// Two projects: `unit` runs anywhere in seconds; `integration` needs the real local stack
// (scripts/stack.sh up) and is run serially because tests share the servers.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{apps,packages}/*/src/**/*.test.ts", "scripts/**/*.test.ts", "tests/k8s/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**", "**/e2e/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["{apps,packages}/*/src/**/*.int.test.ts", "tests/integration/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
