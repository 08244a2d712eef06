import { PanelSkeleton } from "@/components/panel/panel-skeleton";

// Each panel's own placeholder, in the page's layout, while the first data loads.
export default function Loading() {
  return (
    <div className="space-y-8">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {["owned", "healthy", "stale", "degraded", "failures", "deploys"].map((k) => (
          <div key={k} className="h-20 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      <div className="grid gap-8 xl:grid-cols-2">
        <PanelSkeleton rows={5} />
        <PanelSkeleton rows={5} />
      </div>
      <PanelSkeleton rows={4} />
    </div>
  );
}
