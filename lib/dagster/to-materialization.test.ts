import { print } from "graphql";
import { describe, expect, it } from "vitest";
import { assetId } from "@/lib/domain/types";
import { MaterializationHistoryDocument } from "./generated/graphql";
import { toMaterializationRecord } from "./to-materialization";

type Event = Parameters<typeof toMaterializationRecord>[0];

const tag = (key: string, value: string) => ({ __typename: "EventTag" as const, key, value });

// The shape of churn_model's materialization in the demo (Dagster 1.13.28), with metadata added.
const event = (
  metadata: Extract<Event, { metadataEntries: unknown }>["metadataEntries"],
): Event => ({
  __typename: "MaterializationEvent",
  timestamp: "1796177337553",
  runId: "5f334e89",
  tags: [
    tag("dagster/code_version", "5f334e89"),
    tag("dagster/data_version", "df73bc7c"),
    tag("dagster/input_data_version/customer_features", "0dda6ccf"),
    tag("dagster/input_data_version/ml/product_embeddings", "11aa22bb"),
    tag("dagster/input_event_pointer/customer_features", "896"),
  ],
  metadataEntries: metadata,
});

describe("toMaterializationRecord", () => {
  it("reads the data version and the versions consumed per upstream asset", () => {
    const r = toMaterializationRecord(event([]), []);
    expect(r).toEqual({
      at: 1796177337553,
      runId: "5f334e89",
      dataVersion: "df73bc7c",
      inputVersions: {
        [assetId(["customer_features"])]: "0dda6ccf",
        [assetId(["ml", "product_embeddings"])]: "11aa22bb",
      },
    });
  });

  it("keeps the row count and the first configured size key present, ignoring other metadata", () => {
    const r = toMaterializationRecord(
      event([
        { __typename: "IntMetadataEntry", label: "dagster/row_count", intValue: 1200 },
        { __typename: "FloatMetadataEntry", label: "size_mb", floatValue: 3.5 },
        { __typename: "IntMetadataEntry", label: "bytes_written", intValue: 40960 },
        { __typename: "BoolMetadataEntry", label: "dagster/size_bytes" },
      ]),
      ["dagster/size_bytes", "bytes_written"],
    );
    expect(r?.rowCount).toBe(1200);
    expect(r?.bytes).toBe(40960);
  });

  it("records nothing for an event without tags or metadata beyond time and run", () => {
    const r = toMaterializationRecord(
      {
        __typename: "MaterializationEvent",
        timestamp: "10",
        runId: "r",
        tags: [],
        metadataEntries: [],
      },
      ["bytes"],
    );
    expect(r).toEqual({ at: 10, runId: "r" });
  });

  it("skips events that are not materializations", () => {
    expect(toMaterializationRecord({ __typename: "FailedToMaterializeEvent" }, [])).toBeNull();
  });
});

describe("MaterializationHistory document", () => {
  // Dagster answers only what is asked: without __typename on the metadata
  // entries, every entry looked non-numeric and no size or row count was read.
  it("asks for the metadata entries' __typename the mapper tells Int from Float by", () => {
    const doc = print(MaterializationHistoryDocument);
    const entries = doc.slice(doc.indexOf("metadataEntries {"));
    expect(entries.slice(0, entries.indexOf("}"))).toMatch(/\b__typename\b/);
  });
});
