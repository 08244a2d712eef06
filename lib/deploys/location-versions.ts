import type { RunRecord } from "@/lib/domain/run-types";
import { isDegraded } from "@/lib/metrics/definitions";
import { definitionKey, type HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { type DeployOrder, deployOrder } from "./deploy-order";
import type { DeployAnnotation, DeployEvent } from "./deploy-types";
import { failureBlame } from "./failure-blame";
import { type ConsumerAsset, consumersOf, type LocationRef, locationEdges } from "./location-graph";
import { type RollbackPlan, rollbackPlan } from "./rollback-plan";
import { type LocationVersion, versionHistory } from "./version-history";

// A location's versions, rollback plan and place in the deploy order, from the
// snapshot and the deploy store's rows. Pure: the store is read by the caller.

export interface LocationVersions extends LocationRef {
  versions: LocationVersion[];
  rollback: RollbackPlan;
}

export interface VersionsInput {
  snapshot: Pick<HealthSnapshot, "graph" | "runs" | "definitionHealth" | "locations">;
  events: readonly DeployEvent[];
  annotations: readonly DeployAnnotation[];
  now: number;
  /** The oldest run time Healthboard holds (now − runsWindowDays). */
  dataFrom: number;
  /** The environment a deployment is in (config `environment:`), when the config places it in one. */
  environmentOf?: (deployment: string) => string | undefined;
}

export function locationVersions(at: LocationRef, input: VersionsInput): LocationVersions {
  const { snapshot } = input;
  const consumers = consumersOf(snapshot.graph, at);
  const degradedNow = (deployment: string, assetId: string) => {
    const health = snapshot.definitionHealth.get(definitionKey(deployment, assetId));
    return health ? isDegraded(health) : false;
  };
  const isDegradedNow = (c: ConsumerAsset) => degradedNow(c.deployment, c.assetId);
  const runs = snapshot.runs as readonly RunRecord[];
  const versions = versionHistory({
    ...at,
    events: input.events,
    // CI names a deployment or its environment as `environment`.
    annotations: input.annotations.filter(
      (a) =>
        a.location === at.location &&
        (a.environment === at.deployment || a.environment === input.environmentOf?.(at.deployment)),
    ),
    consumers,
    runs,
    now: input.now,
    dataFrom: input.dataFrom,
    isDegradedNow,
    blame: failureBlame({ graph: snapshot.graph, at, runs, degradedNow }),
  });
  return { ...at, versions, rollback: rollbackPlan(versions, consumers) };
}

/** The deploy order of a deployment's locations (every location Dagster reports). */
export function deploymentOrder(
  snapshot: Pick<HealthSnapshot, "graph" | "locations">,
  deployment: string,
): DeployOrder {
  return deployOrder(
    snapshot.locations.filter((l) => l.deployment === deployment).map((l) => l.name),
    locationEdges(snapshot.graph, deployment),
  );
}
