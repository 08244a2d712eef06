import type { ReactNode } from "react";

/** A link into the Dagster UI, or plain text when no UI URL is configured. */
export function ExternalLink({ href, children }: { href: string | null; children: ReactNode }) {
  if (!href) return <>{children}</>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      className="text-blue-700 hover:underline dark:text-blue-400"
    >
      {children}
      <span className="sr-only"> (opens in Dagster)</span>
    </a>
  );
}
