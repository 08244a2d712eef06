import { defineConfig } from "@playwright/test";

// The replicas spec alone: it starts its own PostgreSQL, replicas, nginx and
// counting proxy, so none of the suite's web servers are needed.
//   flock /tmp/e2e.lock npx playwright test --config e2e/support/postgres-playwright.config.ts
export default defineConfig({
  testDir: "..",
  testMatch: "replicas.spec.ts",
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
});
