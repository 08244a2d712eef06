import type { CodeLocationSnapshot } from "@/lib/domain/types";
import type { DeploymentInput } from "@/lib/snapshot/build-snapshot";

/**
 * A collector state in which `location` fails to load, as the location
 * collector keeps it: its last good definitions, the load error, `down` set.
 */
export function withLocationDown(
  input: DeploymentInput,
  location: string,
  down = { since: 8_000, assetsAsOf: 6_000 },
  message = "ImportError: broken on purpose",
): DeploymentInput {
  const locations = input.locations.locations.map(
    (l): CodeLocationSnapshot =>
      l.name === location
        ? { ...l, status: "failed", error: { message, className: "ImportError" }, down }
        : l,
  );
  return { ...input, locations: { ...input.locations, locations } };
}
