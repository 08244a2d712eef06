// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // Replicas behind one load balancer must serve the same build: with
  // HEALTHBOARD_BUILD_ID set at build time every replica (and every rolling
  // restart) shares its build id and deployment id (docs/replicas.md);
  // unset, Next picks a random build id as before.
  generateBuildId: async () => process.env.HEALTHBOARD_BUILD_ID ?? null,
  deploymentId: process.env.HEALTHBOARD_BUILD_ID || undefined,
  productionBrowserSourceMaps: false,
  // Security headers are set per request in proxy.ts (CSP nonces, embed framing).
};

module.exports = nextConfig;
