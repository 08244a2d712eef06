// One query parameter of a link set or removed, every other part kept: the
// path, the other parameters in their order, the fragment. Links are relative
// ("/teams/ml?range=7d#deploys"), so URL cannot parse them without a base.
// Browser-safe and pure.

/** `href` with `name` set to `value`, or removed when `value` is undefined. */
export function withParam(href: string, name: string, value: string | undefined): string {
  const hashAt = href.indexOf("#");
  const hash = hashAt === -1 ? "" : href.slice(hashAt);
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const queryAt = beforeHash.indexOf("?");
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? "" : beforeHash.slice(queryAt + 1));
  if (value === undefined) params.delete(name);
  else params.set(name, value);
  const query = params.toString();
  return `${path}${query ? `?${query}` : ""}${hash}`;
}
