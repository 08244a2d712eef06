"use client";

import { useState } from "react";

/** Sends a test notification through one channel and says what happened (never a secret). */
export function TestNotificationButton({ channel }: { channel: string }) {
  const [state, setState] = useState<string | null>(null);
  async function send() {
    setState("sending…");
    try {
      const res = await fetch("/api/v1/alerts/test", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel }),
      });
      const body = (await res.json()) as { outcome: string; error?: string };
      setState(body.error ? `${body.outcome}: ${body.error}` : body.outcome);
    } catch {
      setState("could not reach Healthboard");
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={send}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Send a test notification
      </button>
      {state ? (
        <span role="status" className="text-xs text-slate-500">
          {state}
        </span>
      ) : null}
    </span>
  );
}
