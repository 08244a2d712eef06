// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  productionBrowserSourceMaps: false,
  // Security headers are set per request in proxy.ts (CSP nonces, embed framing).
};

module.exports = nextConfig;
