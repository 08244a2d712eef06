// Types for fault-proxy.mjs.

export type Fault =
  | { mode: "pass" }
  | { mode: "latency"; ms: number }
  | { mode: "timeout" }
  | { mode: "status"; status: number; retryAfter?: number | string }
  | { mode: "reset" }
  | { mode: "truncated" }
  | { mode: "cut-body" }
  | { mode: "malformed" }
  | { mode: "graphql-errors" }
  | { mode: "down" };

export interface ProxyLogEntry {
  /** Arrival time, epoch ms. */
  at: number;
  method: string;
  url: string;
  /** e.g. ["query CodeLocationStatuses"], ["mutation (anonymous)"], ["unparseable"]. */
  operations: string[];
  fault: Fault["mode"];
  /** HTTP status given, or "held" | "reset" | "cut" | "proxy-error" | "upstream-error". */
  result: number | string | null;
  endedAt: number | null;
}

export interface ProxyTotals {
  requests: number;
  query: number;
  mutation: number;
  subscription: number;
  unparseable: number;
}

export interface FaultProxy {
  port: number;
  url: string;
  log: ProxyLogEntry[];
  totals: ProxyTotals;
  clearLog(): void;
  fault(): Fault;
  setFault(fault: Fault): Promise<void>;
  close(): Promise<void>;
}

export interface ControlServer {
  url: string;
  /** The pass-through's own log (the steady deployment). */
  log: ProxyLogEntry[];
  totals: ProxyTotals;
  close(): Promise<void>;
}

export interface ProxyLogs {
  fault: Fault;
  faulty: { totals: ProxyTotals; log: ProxyLogEntry[] };
  steady: { totals: ProxyTotals; log: ProxyLogEntry[] };
}

export function operationsOf(method: string, url: string, body: Buffer): string[];
export function startFaultProxy(options: { port: number; target?: string }): Promise<FaultProxy>;
export function startControlServer(options: {
  port: number;
  proxy: FaultProxy;
  target?: string;
}): Promise<ControlServer>;
