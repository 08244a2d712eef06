import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside a React Server environment; unit tests run
      // server modules directly, so it resolves to an empty module here.
      "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts"],
    exclude: ["lib/**/*.integration.test.ts", "node_modules/**"],
    environment: "node",
  },
});
