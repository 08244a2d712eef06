"use client";

import { useState } from "react";
import { contractsHref } from "@/lib/contracts/contracts-href";

type CopyState = "idle" | "copied" | "failed";
const COPY_LABEL: Record<CopyState, string> = {
  idle: "Copy Markdown",
  copied: "Copied",
  failed: "Copy failed",
};

/** The dependency contracts export: a download link, and a button that copies the same Markdown. */
export function ContractsExport({ team }: { team?: string }) {
  const [state, setState] = useState<CopyState>("idle");
  const copy = async () => {
    try {
      const res = await fetch(contractsHref(team, false));
      if (!res.ok) throw new Error(String(res.status));
      await navigator.clipboard.writeText(await res.text());
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2_000);
  };
  return (
    <div className="mb-6 flex flex-wrap items-center gap-3 text-sm" data-testid="contracts-export">
      <a
        href={contractsHref(team, true)}
        download
        className="text-blue-700 hover:underline dark:text-blue-400"
      >
        Export dependency contracts (Markdown)
      </a>
      <button
        type="button"
        onClick={copy}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <span aria-live="polite">{COPY_LABEL[state]}</span>
      </button>
    </div>
  );
}
