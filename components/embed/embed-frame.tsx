"use client";

import { type ReactNode, useEffect, useRef } from "react";
import type { Theme } from "@/lib/embed/embed-params";

/**
 * The chrome-less shell of an embed: its theme, its own background, links that
 * open Healthboard in a new tab (Healthboard's pages refuse to be framed), and
 * opt-in auto-height reporting to the host page.
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
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!autoHeight || !el || window.parent === window) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      // Only a number leaves the frame, so any host may receive it.
      window.parent.postMessage({ type: "healthboard:height", height }, "*");
    };
    const observer = new ResizeObserver(report);
    observer.observe(el);
    report();
    return () => observer.disconnect();
  }, [autoHeight]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Capture phase: runs before next/link's handler, which would navigate the frame.
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]");
      if (!(a instanceof HTMLAnchorElement) || a.target === "_blank") return;
      const url = new URL(a.href, window.location.href);
      if (url.origin === window.location.origin && url.pathname.startsWith("/embed/")) return;
      e.preventDefault();
      e.stopPropagation();
      window.open(url.href, "_blank", "noopener");
    };
    el.addEventListener("click", onClick, true);
    return () => el.removeEventListener("click", onClick, true);
  }, []);

  return (
    <div
      ref={ref}
      data-testid="embed-frame"
      data-theme={theme}
      className={`${theme === "auto" ? "" : `theme-${theme}`} ${autoHeight ? "" : "min-h-screen"} bg-white p-3 text-slate-900 dark:bg-slate-950 dark:text-slate-100`}
    >
      {children}
    </div>
  );
}
