// Deep links into the Dagster UI. Every key component is its own URL segment,
// because components may contain "/".

export type DagsterUrls = Record<string, string | null>;

/** Each deployment's Dagster UI base URL (null when the config gives none), for deep links. */
export function dagsterUrls(deployments: readonly { name: string; uiUrl?: string }[]): DagsterUrls {
  return Object.fromEntries(deployments.map((d) => [d.name, d.uiUrl ?? null]));
}

export function assetUrl(
  urls: DagsterUrls,
  deployment: string,
  key: readonly string[],
): string | null {
  const base = urls[deployment];
  return base ? `${base}/assets/${key.map(encodeURIComponent).join("/")}` : null;
}

export function runUrl(urls: DagsterUrls, deployment: string, runId: string): string | null {
  const base = urls[deployment];
  return base ? `${base}/runs/${encodeURIComponent(runId)}` : null;
}

export function locationUrl(
  urls: DagsterUrls,
  deployment: string,
  location: string,
): string | null {
  const base = urls[deployment];
  return base ? `${base}/locations/${encodeURIComponent(location)}/assets` : null;
}
