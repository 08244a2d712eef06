"use client";

import { type ReactNode, useRef } from "react";
import type { Theme } from "@/lib/embed/embed-params";
import { useAutoHeight } from "@/lib/embed/use-auto-height";
import { useLinksOpenOutside } from "@/lib/embed/use-links-open-outside";

/**
 * The chrome-less shell of an embed: its theme over the whole frame, links
 * that open Healthboard in a new tab, and opt-in auto-height reporting.
 */
export function EmbedFrame({
  theme,
  autoHeight,
  children,
}: {
  theme: Theme;
  autoHeight: boolean;
  children: ReactNode;
}) {
  const content = useRef<HTMLDivElement>(null);
  useAutoHeight(content, autoHeight);
  useLinksOpenOutside(content);
  // The outer box fills the frame so the chosen theme's background covers it
  // all; the inner box is what is measured, as it does not depend on the frame.
  return (
    <div
      data-theme={theme}
      className={`${theme === "auto" ? "" : `theme-${theme}`} min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100`}
    >
      <div ref={content} data-testid="embed-frame" className="p-3">
        {children}
      </div>
    </div>
  );
}
