"use client";

// An embed that failed to render: say so inside the frame, with a retry, and
// never navigate the frame to a site page.
export default function EmbedError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="p-4 text-sm">
      <p className="font-medium">This panel failed to load.</p>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {error.digest ? `Error ID ${error.digest}` : "An unexpected error occurred."}
      </p>
      <button type="button" onClick={reset} className="mt-2 underline">
        Try again
      </button>
    </div>
  );
}
