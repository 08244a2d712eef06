import type { MaterializationRecord } from "@/lib/domain/run-types";
import { assetId } from "@/lib/domain/types";
import type { MaterializationHistoryQuery } from "./generated/graphql";

// A materialization event at the boundary: its time and run, the data versions
// it recorded (consumption lineage for per-hop latency) and the numeric
// metadata storage figures read. Only the keys asked for are kept, so 30 days
// of 25,000 assets' events do not hold every metadata entry in memory.

type AssetNode = Extract<
  MaterializationHistoryQuery["assetsOrError"],
  { __typename: "AssetConnection" }
>["nodes"][number];
type HistoryEvent = AssetNode["assetEventHistory"]["results"][number];

const INPUT_VERSION = "dagster/input_data_version/";
export const ROW_COUNT_KEY = "dagster/row_count";

/** An asset key's user string (`a/b`) as an asset id. */
const idOfKeyString = (key: string) => assetId(key.split("/"));

type MetadataEntry = Extract<
  HistoryEvent,
  { __typename: "MaterializationEvent" }
>["metadataEntries"][number];

/** An Int or Float entry's finite value; other kinds and nulls are not figures. */
function numeric(entry: MetadataEntry): number | undefined {
  const v =
    entry.__typename === "IntMetadataEntry"
      ? entry.intValue
      : entry.__typename === "FloatMetadataEntry"
        ? entry.floatValue
        : null;
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The event as a record; `sizeKeys`: metadata labels holding bytes, first recorded wins. */
export function toMaterializationRecord(
  event: HistoryEvent,
  sizeKeys: readonly string[],
): MaterializationRecord | null {
  if (event.__typename !== "MaterializationEvent") return null;
  const record: MaterializationRecord = { at: Number(event.timestamp), runId: event.runId };
  const inputs: Record<string, string> = {};
  for (const t of event.tags) {
    if (t.key === "dagster/data_version") record.dataVersion = t.value;
    else if (t.key.startsWith(INPUT_VERSION))
      inputs[idOfKeyString(t.key.slice(INPUT_VERSION.length))] = t.value;
  }
  if (Object.keys(inputs).length > 0) record.inputVersions = inputs;
  const values = new Map<string, number>();
  for (const m of event.metadataEntries) {
    const v = numeric(m);
    if (v !== undefined) values.set(m.label, v);
  }
  const rows = values.get(ROW_COUNT_KEY);
  if (rows !== undefined) record.rowCount = rows;
  const size = sizeKeys.find((k) => values.has(k));
  if (size !== undefined) record.bytes = values.get(size);
  return record;
}
