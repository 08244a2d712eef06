// Deep links into the Dagster UI. Every key component is its own URL segment,
// because components may contain "/".

export type DagsterUrls = Record<string, string | null>;

/**
 * Each deployment's Dagster UI base URL, for deep links: the configured
 * `uiUrl`, else for Dagster+ the deployment URL its GraphQL endpoint lives
 * under (https://org.dagster.cloud/prod/graphql -> https://org.dagster.cloud/prod,
 * where the UI serves /runs/<id> and /assets/<key>); else null (no links), since
 * an open-source GraphQL URL may be an internal address people cannot open.
 */
export function dagsterUrls(
  deployments: readonly { name: string; uiUrl?: string; kind?: string; graphqlUrl?: string }[],
): DagsterUrls {
  return Object.fromEntries(
    deployments.map((d) => [
      d.name,
      d.uiUrl ??
        (d.kind === "plus" && d.graphqlUrl?.endsWith("/graphql")
          ? d.graphqlUrl.slice(0, -"/graphql".length)
          : null),
    ]),
  );
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
