const STYLE: Record<string, string> = {
  HEALTHY: "bg-healthy/15 text-healthy ring-healthy/30",
  WARNING: "bg-warning/15 text-warning ring-warning/30",
  DEGRADED: "bg-degraded/15 text-degraded ring-degraded/30",
  UNKNOWN: "bg-unknown/15 text-unknown ring-unknown/30",
  NOT_APPLICABLE:
    "bg-slate-100 text-slate-500 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700",
};

const LABEL: Record<string, string> = {
  HEALTHY: "Healthy",
  WARNING: "Warning",
  DEGRADED: "Degraded",
  UNKNOWN: "Unknown",
  NOT_APPLICABLE: "n/a",
};

export function HealthBadge({ status }: { status: string }) {
  return (
    <span
      data-health={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[status] ?? STYLE.UNKNOWN}`}
    >
      {LABEL[status] ?? status}
    </span>
  );
}
