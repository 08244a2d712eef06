import Link from "next/link";
import { type ReactNode, Suspense } from "react";
import { EnvNavLink } from "@/components/environments/env-nav-link";
import { EnvironmentSwitch } from "@/components/environments/environment-switch";
import { environmentNames, resolveEnvironment } from "@/lib/environments/environments";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { Providers } from "./providers";

/** The site's chrome: skip link, header navigation and the main column. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  const deployments = knownDeployments();
  const environments = environmentNames(deployments);
  const navClass = "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white";
  // Overview and lineage follow ?env=: their links keep the environment shown.
  const envLink = (href: string, label: string) => (
    <Suspense
      fallback={
        <Link href={href} className={navClass}>
          {label}
        </Link>
      }
    >
      <EnvNavLink href={href} className={navClass}>
        {label}
      </EnvNavLink>
    </Suspense>
  );
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <nav
          aria-label="Main"
          className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3 text-sm"
        >
          <Link href="/" className="font-semibold tracking-tight">
            Healthboard
          </Link>
          {envLink("/", "Overview")}
          {envLink("/lineage", "Lineage")}
          <Link
            href="/alerts"
            className="text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
          >
            Alerts
          </Link>
          {environments.length > 1 ? (
            <>
              <Link
                href="/environments"
                className="text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
              >
                Environments
              </Link>
              <Suspense>
                <EnvironmentSwitch
                  environments={environments}
                  defaultEnvironment={resolveEnvironment(deployments, null) ?? "prod"}
                />
              </Suspense>
            </>
          ) : null}
        </nav>
      </header>
      <Providers>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </Providers>
    </>
  );
}
