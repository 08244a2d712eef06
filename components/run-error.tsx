import type { RunError } from "@/lib/domain/run-types";

/** A failed run's error: the exception class, then the message's first lines (already trimmed by lib). */
export function RunErrorText({ error }: { error: RunError }) {
  return (
    <span className="block text-xs text-degraded" data-testid="run-error">
      {error.className ? <span className="font-mono">{error.className}</span> : null}
      {error.stepKey ? <span className="text-slate-500"> in step {error.stepKey}</span> : null}
      <span className="block break-words whitespace-pre-line text-slate-700 dark:text-slate-300">
        {error.message}
      </span>
    </span>
  );
}
