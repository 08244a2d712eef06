"use client";

import dynamic from "next/dynamic";
import { type ReactNode, Suspense } from "react";
import { ErrorBoundary } from "react-error-boundary";
import { useEmbedTarget } from "@/components/embed/embed-context";

// Loaded only where a page offers embeds (the site), never inside an embed.
const EmbedButton = dynamic(() =>
  import("@/components/embed/embed-button").then((m) => m.EmbedButton),
);

/** A titled panel whose render errors stay inside it. */
export function Panel({
  title,
  id,
  actions,
  children,
}: {
  title: string;
  id: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const embed = useEmbedTarget(id);
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`panel-${id}`}
      id={id}
      // min-w-0: inside a grid a panel may shrink below its widest table, which
      // then scrolls inside its card instead of widening the page.
      className="min-w-0 space-y-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {actions || embed ? (
          <div className="flex flex-wrap gap-2">
            {actions}
            {embed ? (
              // Its own boundary: loading the lazy chunk must not suspend the
              // page around the panel (which holds back the page's first paint).
              <Suspense fallback={null}>
                <EmbedButton target={embed.target} title={title} badges={embed.badges} />
              </Suspense>
            ) : null}
          </div>
        ) : null}
      </div>
      <ErrorBoundary FallbackComponent={PanelError}>{children}</ErrorBoundary>
    </section>
  );
}

function PanelError({
  error,
  resetErrorBoundary,
}: {
  error: unknown;
  resetErrorBoundary: () => void;
}) {
  return (
    <div role="alert" className="rounded-lg border border-degraded/30 bg-degraded/10 p-4 text-sm">
      <p className="font-medium">This panel failed to render.</p>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {error instanceof Error ? error.message : "Unknown error"}
      </p>
      <button type="button" onClick={resetErrorBoundary} className="mt-2 underline">
        Retry
      </button>
    </div>
  );
}

/**
 * The card a panel's body sits in. Content wider than the card (a table on a
 * phone) scrolls inside it; `relative` keeps absolutely positioned content
 * (sr-only link text) inside that scroller too, or it would widen the page.
 */
export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <div
      className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      {children}
    </div>
  );
}
