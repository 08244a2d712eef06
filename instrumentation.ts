// Next.js calls register() once per server process: start polling Dagster
// then, not on the first page view, so deploy history is kept without viewers.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { monitorUncaughtErrors } = await import("./lib/collector/process-monitor");
  monitorUncaughtErrors();
  const { startCollectors } = await import("./lib/collector/collectors");
  startCollectors();
}
