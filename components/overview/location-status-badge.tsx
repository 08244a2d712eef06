import type { LocationStatus } from "@/lib/domain/types";

const STYLES: Record<LocationStatus, { label: string; className: string }> = {
  loaded: { label: "Loaded", className: "bg-healthy/15 text-healthy ring-healthy/30" },
  loading: { label: "Loading", className: "bg-warning/15 text-warning ring-warning/30" },
  failed: { label: "Failed", className: "bg-degraded/15 text-degraded ring-degraded/30" },
};

export function LocationStatusBadge({ status }: { status: LocationStatus }) {
  const style = STYLES[status];
  return (
    <span
      data-testid="location-status"
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}
    >
      {style.label}
    </span>
  );
}
