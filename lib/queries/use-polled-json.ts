import { useEffect, useRef, useState } from "react";
import { compressedJsonRequestHeaders, readJson } from "@/lib/http/compressed-json";

export interface Polled<T> {
  data: T | undefined;
  error: Error | null;
  /** When the data was last fetched successfully (ms), 0 for server-rendered data. */
  updatedAt: number;
}

/**
 * Polls one JSON URL, keeping the last good data when a poll fails. Embeds use
 * this instead of react-query: it is a few hundred bytes where react-query is
 * ~12 KB gzipped, and an embed must load at most 150 KB of JavaScript. Polls
 * pause while the page is hidden.
 */
export function usePolledJson<T>(
  url: string,
  initial: T | undefined,
  intervalMs: number,
): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: initial, error: null, updatedAt: 0 });
  const etag = useRef<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const poll = async () => {
      if (!document.hidden) {
        try {
          // The browser's HTTP cache answers within the API's max-age (shared by
          // every embed on the page) and revalidates with the ETag after it.
          // Snapshot routes (the graph) then send their body gzipped once per
          // snapshot (lib/http/compressed-json.ts); other routes ignore the header.
          const res = await fetch(url, {
            signal: controller.signal,
            headers: compressedJsonRequestHeaders(),
          });
          if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
          const tag = res.headers.get("etag");
          // Same body as last time: keep the same object, so nothing redraws.
          if (tag && tag === etag.current) {
            setState((s) => ({ ...s, error: null, updatedAt: Date.now() }));
          } else {
            const data = await readJson<T>(res);
            etag.current = tag;
            setState({ data, error: null, updatedAt: Date.now() });
          }
        } catch (err) {
          if (stopped) return;
          setState((s) => ({ ...s, error: err instanceof Error ? err : new Error(String(err)) }));
        }
      }
      if (!stopped) timer = setTimeout(poll, intervalMs);
    };
    timer = setTimeout(poll, initial === undefined ? 0 : intervalMs);
    return () => {
      stopped = true;
      controller.abort();
      clearTimeout(timer);
    };
  }, [url, intervalMs, initial]);

  return state;
}
