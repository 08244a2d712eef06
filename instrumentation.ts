// Next.js calls register() once per server process: start polling Dagster
// then, not on the first page view, so deploy history is kept without viewers.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad config stops start-up here with a message naming the field.
  const { loadConfigOrExit } = await import("./lib/config/load-config");
  const { missingChannelSecrets } = await import("./lib/alerts/channel-secrets");
  const { readToken } = await import("./lib/env");
  loadConfigOrExit((config) => missingChannelSecrets(config.alerts, readToken));
  const { monitorUncaughtErrors } = await import("./lib/collector/process-monitor");
  monitorUncaughtErrors();
  const { startCollectors } = await import("./lib/collector/collectors");
  startCollectors();
  const { startPageWarmUp } = await import("./lib/runtime/page-warm-up");
  void startPageWarmUp().catch((err: unknown) =>
    console.error("healthboard: first pages not rendered ahead of visitors:", err),
  );
}
