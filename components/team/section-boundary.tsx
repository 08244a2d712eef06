"use client";

import type { ReactNode } from "react";
import { ErrorBoundary } from "react-error-boundary";
import { PanelSkeleton } from "@/components/panel/panel-skeleton";

/**
 * Keeps a failed read or render of one of the team page's streamed parts
 * (versions, promotion check) inside that part: the rest of the page stays.
 */
export function SectionBoundary({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={
        <p
          role="alert"
          className="mb-6 rounded-lg border border-degraded/30 bg-degraded/10 p-4 text-sm"
        >
          {name} could not be loaded. Reload the page to try again.
        </p>
      }
    >
      {children}
    </ErrorBoundary>
  );
}

/** A streamed part's placeholder: its title, when it has one, over its rough shape. */
export function SectionSkeleton({ title, rows }: { title?: string; rows: number }) {
  return (
    <div className="mb-6 space-y-3">
      {title ? <h2 className="text-lg font-semibold">{title}</h2> : null}
      <PanelSkeleton rows={rows} />
    </div>
  );
}
