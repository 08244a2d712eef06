"use client";

import type { ReactNode } from "react";
import { ErrorBoundary } from "react-error-boundary";

/** Keeps a strip's render error inside the strip: the page around it renders. */
export function StripBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={<AlertsUnavailable reason={null} />}>{children}</ErrorBoundary>;
}

/** What a strip shows when the alerts cannot be read or shown. */
export function AlertsUnavailable({ reason }: { reason: string | null }) {
  return (
    <p
      role="status"
      data-testid="firing-alerts-unavailable"
      className="mb-4 rounded-lg border border-slate-300 px-4 py-2 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400"
      title={reason ?? undefined}
    >
      Alerts unavailable{reason ? `: ${reason}` : ""}.
    </p>
  );
}
