import type { FaultInstance } from "./fault-instances";
import type { Fault, ProxyLogs } from "./fault-proxy.mjs";

// Drives the fault proxy (a Playwright webServer, so another process) through
// its control API. Type-only import: Playwright cannot load the .mjs itself.

export type { Fault, ProxyLogEntry, ProxyLogs } from "./fault-proxy.mjs";

async function call<T>(
  controlUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const send = () =>
    fetch(`${controlUrl}/__faults/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A kept-alive socket the control server closes as it is reused fails the
  // request before it is sent ("other side closed"): every control call is
  // idempotent, so it is sent once more on a fresh connection.
  const res = await send().catch((error: unknown) => {
    if (error instanceof TypeError && /other side closed|ECONNRESET/.test(String(error.cause)))
      return send();
    throw error;
  });
  if (!res.ok) throw new Error(`fault control ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The control API of one fault instance's proxy (e2e/support/fault-instances.ts). */
export function faultControlOf(instance: FaultInstance) {
  const url = `http://127.0.0.1:${instance.controlPort}`;
  return {
    set: (fault: Fault) => call<{ fault: Fault }>(url, "POST", "fault", fault),
    /** Both logs, entries that arrived at or after `since` (epoch ms). */
    log: (since = 0) => call<ProxyLogs>(url, "GET", `log?since=${since}`),
    clearLog: () => call<{ ok: true }>(url, "POST", "clear-log"),
  };
}
