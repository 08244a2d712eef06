// Types for count-proxy.mjs.
export interface CountingProxy {
  /** GraphQL requests by operation name. */
  counts: Map<string, number>;
  reset(): void;
  snapshot(): Record<string, number>;
  close(): Promise<void>;
}
export function startCountingProxy(listenPort: number, targetPort: number): Promise<CountingProxy>;
