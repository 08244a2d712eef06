import "server-only";

// Next logs unhandled rejections as "unhandledRejection: …" and keeps uncaught
// exceptions from crashing the server, but logs those without a name. Name
// them too, so the soak (bench/soak.mjs) and operators can count them. A
// monitor only observes: Next's own handling is unchanged. Node-only, hence
// its own module: instrumentation.ts is also compiled for the Edge runtime.

let installed = false;

export function monitorUncaughtErrors(): void {
  if (installed) return;
  installed = true;
  process.on("uncaughtExceptionMonitor", (err, origin) => {
    console.error(`healthboard: uncaughtException (${origin}):`, err);
  });
}
