import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Healthboard", template: "%s · Healthboard" },
  description: "Asset health across Dagster code locations, deployments and instances.",
};

// The bare document shared by the site (app/(site), with its header and
// react-query) and the chrome-less embeds (app/embed), which stay light.
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render every document per request: Next stamps the per-request CSP nonce
  // from proxy.ts on its inline scripts only when it renders on demand.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
