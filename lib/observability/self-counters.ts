import type { DocumentNode } from "graphql";
import { Registry } from "prom-client";
import { type Counters, createCounters } from "./metric-catalog";

// Healthboard's own counters: requests it sends upstream, their failures, and
// alert deliveries. They live for the process (on globalThis, so dev-mode
// module reloads neither reset nor duplicate them) and cost a map update each.

interface SelfCounters extends Counters {
  registry: Registry;
}

const holder = globalThis as typeof globalThis & { __healthboardSelfCounters?: SelfCounters };

function create(): SelfCounters {
  const registry = new Registry();
  return { registry, ...createCounters(registry) };
}

export function selfCounters(): SelfCounters {
  holder.__healthboardSelfCounters ??= create();
  return holder.__healthboardSelfCounters;
}

const operationNames = new WeakMap<DocumentNode, string>();

/** The document's operation name: a small, fixed set (Healthboard's own documents). */
export function operationName(document: DocumentNode): string {
  let name = operationNames.get(document);
  if (name === undefined) {
    const op = document.definitions.find((d) => d.kind === "OperationDefinition");
    name = (op && "name" in op && op.name?.value) || "anonymous";
    operationNames.set(document, name);
  }
  return name;
}

/** Called by the transport for every request attempt it sends. */
export function countUpstreamRequest(deployment: string, document: DocumentNode): void {
  selfCounters().upstreamRequests.inc({ deployment, operation: operationName(document) });
}

/** Called by the transport for every failed attempt; `error` is the typed error's class name. */
export function countUpstreamError(deployment: string, document: DocumentNode, error: Error): void {
  selfCounters().upstreamErrors.inc({
    deployment,
    operation: operationName(document),
    error: error.name,
  });
}

export type AlertOutcome = "delivered" | "failed";

/** For the alert channels (lib/alerts): one call per delivery attempt. */
export function countAlertDelivery(channel: string, outcome: AlertOutcome): void {
  selfCounters().alertDeliveries.inc({ channel, outcome });
}
