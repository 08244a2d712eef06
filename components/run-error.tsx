import { ExternalLink } from "@/components/external-link";
import type { RunError } from "@/lib/domain/run-types";

/**
 * A failed run's error: the exception class, the message's first lines, and
 * the whole (bounded) message on demand, plus a link to the run's logs when
 * one is given. A native <details> so it expands without client JavaScript.
 */
export function RunErrorText({ error, logsUrl }: { error: RunError; logsUrl?: string | null }) {
  return (
    <span className="block text-xs text-degraded" data-testid="run-error">
      {error.className ? (
        <span className="font-mono" data-testid="run-error-class">
          {error.className}
        </span>
      ) : null}
      {error.stepKey ? <span className="text-slate-500"> in step {error.stepKey}</span> : null}
      <span
        className="block break-words whitespace-pre-line text-slate-700 dark:text-slate-300"
        data-testid="run-error-message"
      >
        {error.message}
      </span>
      {error.full ? (
        <details className="text-slate-700 dark:text-slate-300">
          <summary className="cursor-pointer text-slate-500">Full message</summary>
          <pre
            className="mt-1 max-h-64 overflow-auto font-mono text-[11px] break-words whitespace-pre-wrap"
            data-testid="run-error-full"
          >
            {error.full}
          </pre>
        </details>
      ) : null}
      {logsUrl ? (
        <span className="block" data-testid="run-logs-link">
          <ExternalLink href={logsUrl}>Run logs</ExternalLink>
        </span>
      ) : null}
    </span>
  );
}
