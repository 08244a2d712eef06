import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests talk to the real, seeded test Dagster that scripts/test.sh
// starts (E2E_DAGSTER_URL). They reload its code locations, so they run alone.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.integration.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
