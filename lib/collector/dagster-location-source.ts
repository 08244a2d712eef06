import "server-only";
import {
  CodeLocationStatusesDocument,
  LocationAssetsDocument,
} from "@/lib/dagster/generated/graphql";
import { toLocationSnapshot } from "@/lib/dagster/to-domain";
import { type DagsterTarget, dagsterRequest, expectMember } from "@/lib/dagster/transport";
import type { LocationSource } from "./location-collector";

/** The real LocationSource: Healthboard's own query documents over the one transport. */
export function dagsterLocationSource(target: DagsterTarget): LocationSource {
  return {
    async fetchStatuses() {
      const data = await dagsterRequest(target, CodeLocationStatusesDocument, {});
      const statuses = expectMember(
        target.deployment,
        data.locationStatusesOrError,
        "WorkspaceLocationStatusEntries",
      );
      return statuses.entries.map((e) => ({
        name: e.name,
        loadStatus: e.loadStatus,
        versionKey: e.versionKey,
        updateTimestamp: e.updateTimestamp,
      }));
    },
    async fetchLocation(name) {
      const data = await dagsterRequest(target, LocationAssetsDocument, { name });
      const entry = expectMember(
        target.deployment,
        data.workspaceLocationEntryOrError ?? {
          __typename: "PythonError" as const,
          message: `code location ${name} not found`,
        },
        "WorkspaceLocationEntry",
      );
      return toLocationSnapshot(target.deployment, entry);
    },
  };
}
