/** A neutral placeholder with the rough shape of a panel while its data loads. */
export function PanelSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label="Loading" className="animate-pulse space-y-2">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <div key={i} className="h-10 rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
