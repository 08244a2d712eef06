import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Healthboard", template: "%s · Healthboard" },
  description: "Asset health across Dagster code locations, deployments and instances.",
};

// The bare document shared by the site (app/(site), with its header) and the
// chrome-less embeds (app/embed).
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
