/**
 * A GraphQL client for integration tests against a real Dagster: ground truth
 * (and the runs and reloads a test makes) sent outside Healthboard's transport,
 * which refuses mutations by design.
 */
export function dagsterClient(baseUrl: string) {
  return async function dagster<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}
