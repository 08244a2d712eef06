import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse, print } from "graphql";
import type { AssetKeyPath } from "@/lib/domain/types";
import {
  type AssetStatusesQuery,
  type CheckExecutionStateFragment,
  CheckExecutionStateFragmentDoc,
} from "./generated/graphql";

// A check's state is its latest *completed* execution: an execution that is in
// progress or skipped does not erase an earlier failure (Dagster 1.13,
// dagster/_core/definitions/asset_health/asset_check_health.py,
// compute_for_asset_checks). AssetStatuses only has each check's execution for
// the latest materialization, and Dagster has no batched field for the latest
// completed one, so the checks whose answer is missing, IN_PROGRESS or SKIPPED
// get their recent executions here: one aliased
// `assetCheckExecutions` per such check, CHECK_HISTORY_CHUNK per request (never every check of a
// batch, which dagster#33749 warns is slow).

/** How many recent executions to look through for a completed one. */
export const CHECK_HISTORY_LIMIT = 20;

/**
 * Checks per request. Each alias is one event-log read: on the demo's SQLite
 * Dagster 1.13.28, 100 aliases took 1.3 s and 250 took 3.4 s (median of 3),
 * so a request stays well inside the default 15 s timeout.
 */
export const CHECK_HISTORY_CHUNK = 100;

export interface CheckRef {
  assetKey: AssetKeyPath;
  checkName: string;
}

const COMPLETED = new Set(["SUCCEEDED", "FAILED", "EXECUTION_FAILED"]);

/** An execution that finished with a verdict (not IN_PROGRESS, not SKIPPED). */
export const isCompleted = (e: CheckExecutionStateFragment | null | undefined): boolean =>
  !!e && COMPLETED.has(e.status);

/** Identity of a check within one deployment. */
export const checkRefKey = (assetKey: AssetKeyPath, checkName: string): string =>
  JSON.stringify([assetKey, checkName]);

/** The checks of an AssetStatuses answer whose state needs their history. */
export function checksNeedingHistory(data: AssetStatusesQuery): CheckRef[] {
  const out: CheckRef[] = [];
  for (const node of data.checks) {
    const checks = node.assetChecksOrError;
    if (checks?.__typename !== "AssetChecks") continue;
    for (const c of checks.checks) {
      if (!isCompleted(c.executionForLatestMaterialization)) {
        out.push({ assetKey: node.assetKey.path, checkName: c.name });
      }
    }
  }
  return out;
}

export type CheckHistoryQuery = Record<string, CheckExecutionStateFragment[]>;
export type CheckHistoryVariables = Record<string, { path: string[] } | string>;

/**
 * One query for the given checks: alias cN, variables kN (asset key) and nN
 * (check name), so no name is ever spliced into the query text.
 */
export function checkHistoryRequest(refs: readonly CheckRef[]): {
  document: TypedDocumentNode<CheckHistoryQuery, CheckHistoryVariables>;
  variables: CheckHistoryVariables;
} {
  const params: string[] = [];
  const fields: string[] = [];
  const variables: CheckHistoryVariables = {};
  refs.forEach((ref, i) => {
    params.push(`$k${i}: AssetKeyInput!`, `$n${i}: String!`);
    fields.push(
      `c${i}: assetCheckExecutions(assetKey: $k${i}, checkName: $n${i}, limit: ${CHECK_HISTORY_LIMIT}) { ...CheckExecutionState }`,
    );
    variables[`k${i}`] = { path: ref.assetKey };
    variables[`n${i}`] = ref.checkName;
  });
  const text = `query CheckHistory(${params.join(", ")}) {\n  ${fields.join("\n  ")}\n}\n${print(CheckExecutionStateFragmentDoc)}`;
  return {
    document: parse(text) as TypedDocumentNode<CheckHistoryQuery, CheckHistoryVariables>,
    variables,
  };
}

/**
 * The recent executions of the given checks, CHECK_HISTORY_CHUNK per request,
 * one request at a time (the collector already runs batches in parallel).
 */
export async function fetchCheckHistory(
  refs: readonly CheckRef[],
  send: (request: ReturnType<typeof checkHistoryRequest>) => Promise<CheckHistoryQuery>,
): Promise<Map<string, CheckExecutionStateFragment[]>> {
  const out = new Map<string, CheckExecutionStateFragment[]>();
  for (let i = 0; i < refs.length; i += CHECK_HISTORY_CHUNK) {
    const part = refs.slice(i, i + CHECK_HISTORY_CHUNK);
    for (const [key, executions] of toCheckHistory(part, await send(checkHistoryRequest(part)))) {
      out.set(key, executions);
    }
  }
  return out;
}

/** Each check's recent executions (newest first), keyed by checkRefKey. */
export function toCheckHistory(
  refs: readonly CheckRef[],
  data: CheckHistoryQuery,
): Map<string, CheckExecutionStateFragment[]> {
  const out = new Map<string, CheckExecutionStateFragment[]>();
  refs.forEach((ref, i) => {
    out.set(checkRefKey(ref.assetKey, ref.checkName), data[`c${i}`] ?? []);
  });
  return out;
}
