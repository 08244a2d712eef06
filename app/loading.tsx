import { PanelSkeleton } from "@/components/panel/panel-skeleton";

export default function Loading() {
  return <PanelSkeleton rows={6} />;
}
