"use client";

// Rendered inside the root layout, so the header stays while the page failed.
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="py-16 text-center">
      <h1 className="text-2xl font-semibold">This page failed to load</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        {error.digest ? `Error ID ${error.digest}` : "An unexpected error occurred."}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
      >
        Try again
      </button>
    </div>
  );
}
