"use client";

import { createContext, useContext } from "react";
import type { BadgeContext, EmbedTarget } from "@/lib/embed/embed-snippets";

/**
 * Which embed a panel on this page stands for, by panel id. The site's pages
 * provide it, so their panels show an Embed button; embeds themselves do not.
 */
export interface EmbedSource {
  targetFor: (panelId: string) => EmbedTarget | null;
  badges: BadgeContext;
}

export const EmbedSourceContext = createContext<EmbedSource | null>(null);

export function useEmbedTarget(panelId: string) {
  const source = useContext(EmbedSourceContext);
  const target = source?.targetFor(panelId) ?? null;
  return target && source ? { target, badges: source.badges } : null;
}
