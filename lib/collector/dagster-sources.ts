import "server-only";
import { checksNeedingHistory, fetchCheckHistory } from "@/lib/dagster/check-history";
import {
  AssetStatusesDocument,
  ChangedRunsDocument,
  CodeLocationStatusesDocument,
  LocationAssetsDocument,
  MaterializationHistoryDocument,
  RunEventsDocument,
  type RunEventsQuery,
  RunsForLocationDocument,
} from "@/lib/dagster/generated/graphql";
import { toAssetStatuses } from "@/lib/dagster/to-asset-status";
import { toLocationSnapshot } from "@/lib/dagster/to-domain";
import { toMaterializationRecord } from "@/lib/dagster/to-materialization";
import { type RunEvent, toRunFacts, toRunOutcome } from "@/lib/dagster/to-run";
import { type DagsterTarget, dagsterRequest, expectMember } from "@/lib/dagster/transport";
import type { RunFacts } from "@/lib/domain/run-types";
import type { AssetDefinition } from "@/lib/domain/types";
import { assetId } from "@/lib/domain/types";
import type { AssetStatusSource } from "./asset-status-collector";
import type { ChangedRunsSource } from "./change-runs";
import type { LocationSource } from "./location-collector";
import type { MaterializationSource } from "./materialization-collector";
import { fetchAllRunPages } from "./paginate-runs";
import type { RunSource } from "./run-collector";

// The real sources: Healthboard's own query documents over the one transport.

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

const keyInput = (a: AssetDefinition) => ({ path: a.key });

export function dagsterAssetStatusSource(target: DagsterTarget): AssetStatusSource {
  return {
    async fetchStatuses(batch) {
      const data = await dagsterRequest(target, AssetStatusesDocument, {
        keys: batch.map(keyInput),
        freshnessKeys: batch.filter((a) => a.freshnessPolicy).map(keyInput),
        checkKeys: batch.filter((a) => a.hasChecks).map(keyInput),
        partitionedKeys: batch.filter((a) => a.isPartitioned).map(keyInput),
        observableKeys: batch.filter((a) => a.isObservable).map(keyInput),
      });
      expectMember(target.deployment, data.assetsOrError, "AssetConnection");
      // Checks without a completed execution for the latest materialization:
      // their latest completed one, in follow-up requests (lib/dagster/check-history.ts).
      const pending = checksNeedingHistory(data);
      if (pending.length === 0) return toAssetStatuses(data);
      const history = await fetchCheckHistory(pending, (req) =>
        dagsterRequest(target, req.document, req.variables),
      );
      return toAssetStatuses(data, history);
    },
  };
}

const RUN_PAGE = 500;
const EVENT_PAGE = 1_000;
/** A failed run's events read at most: enough for any ordinary run, bounded for pathological ones. */
const MAX_EVENT_PAGES = 20;

/**
 * Runs of a location, found by Dagster's `.dagster/repository` tag for each of
 * its repositories, and the outcome of a failed run from its events.
 */
export function dagsterRunSource(
  target: DagsterTarget,
  repositoriesOf: (location: string) => string[],
): RunSource {
  return {
    async fetchRuns(location, window) {
      const out: RunFacts[] = [];
      for (const repository of repositoriesOf(location)) {
        const filter = {
          tags: [{ key: ".dagster/repository", value: `${repository}@${location}` }],
          ...window,
        };
        const rows = await fetchAllRunPages(async (cursor, limit) => {
          const data = await dagsterRequest(target, RunsForLocationDocument, {
            filter,
            cursor,
            limit,
          });
          return expectMember(target.deployment, data.runsOrError, "Runs");
        }, RUN_PAGE);
        for (const r of rows) out.push(toRunFacts(target.deployment, location, r));
      }
      return out;
    },
    async fetchOutcome(runId) {
      const events: RunEvent[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_EVENT_PAGES; page++) {
        const data: RunEventsQuery = await dagsterRequest(target, RunEventsDocument, {
          runId,
          cursor,
          limit: EVENT_PAGE,
        });
        const conn = expectMember(target.deployment, data.logsForRun, "EventConnection");
        events.push(...conn.events);
        if (!conn.hasMore || conn.cursor === cursor) break;
        cursor = conn.cursor;
      }
      return toRunOutcome(events);
    },
  };
}

/** `sizeKeys`: the metadata labels holding bytes written (config `storage.sizeKeys`). */
export function dagsterMaterializationSource(
  target: DagsterTarget,
  sizeKeys: readonly string[] = [],
): MaterializationSource {
  return {
    async fetchPage(batch, afterMs, limit, cursor) {
      const data = await dagsterRequest(target, MaterializationHistoryDocument, {
        keys: batch.map(keyInput),
        afterMillis: String(Math.floor(afterMs)),
        limit,
        cursor: cursor ?? null,
      });
      const assets = expectMember(target.deployment, data.assetsOrError, "AssetConnection");
      return new Map(
        assets.nodes.map((n) => [
          assetId(n.key.path),
          {
            records: n.assetEventHistory.results.flatMap(
              (m) => toMaterializationRecord(m, sizeKeys) ?? [],
            ),
            cursor: n.assetEventHistory.cursor || null,
          },
        ]),
      );
    },
  };
}

const CHANGED_RUN_PAGE = 500;

/** Runs updated after a time, across the deployment, with the assets each touched. */
export function dagsterChangedRunsSource(target: DagsterTarget): ChangedRunsSource {
  return {
    async fetchChangedRuns(updatedAfterMs) {
      const rows = await fetchAllRunPages(async (cursor, limit) => {
        const data = await dagsterRequest(target, ChangedRunsDocument, {
          updatedAfter: updatedAfterMs / 1000,
          cursor,
          limit,
        });
        return expectMember(target.deployment, data.runsOrError, "Runs");
      }, CHANGED_RUN_PAGE);
      return rows.map((r) => ({
        id: r.runId,
        status: r.status,
        location: r.repositoryOrigin?.repositoryLocationName ?? null,
        assetIds: [
          ...r.assets.map((a) => assetId(a.key.path)),
          ...(r.assetChecks ?? []).map((c) => assetId(c.assetKey.path)),
        ],
      }));
    },
  };
}
