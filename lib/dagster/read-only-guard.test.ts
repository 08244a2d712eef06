import { type DocumentNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import * as generated from "./generated/graphql";
import { findNonQueryOperation } from "./read-only-guard";

describe("findNonQueryOperation", () => {
  it("passes every document Healthboard ships", () => {
    const documents = Object.entries(generated).filter(
      ([name, value]) => name.endsWith("Document") && typeof value === "object",
    );
    expect(documents.length).toBeGreaterThanOrEqual(5);
    for (const [name, doc] of documents) {
      expect(findNonQueryOperation(doc as DocumentNode), name).toBeUndefined();
    }
  });

  it("passes queries whose text merely mentions mutations", () => {
    const doc = parse(`
      query mutation { mutation: version }
      fragment subscription on Query { version }
    `);
    expect(findNonQueryOperation(doc)).toBeUndefined();
  });

  it("names the operation it refuses, wherever it sits in the document", () => {
    expect(findNonQueryOperation(parse("mutation { launchRun { __typename } }"))).toBe(
      "mutation (anonymous)",
    );
    expect(
      findNonQueryOperation(
        parse(`
          fragment F on Query { version }
          query A { ...F }
          query B { version }
          mutation Wipe { wipeAssets(assetPartitionRanges: []) { __typename } }
        `),
      ),
    ).toBe("mutation Wipe");
    expect(
      findNonQueryOperation(
        parse("subscription Events { locationStateChangeEvents { __typename } }"),
      ),
    ).toBe("subscription Events");
  });

  it("refuses a hand-built document as well as a parsed one", () => {
    const handBuilt = {
      kind: "Document",
      definitions: [
        {
          kind: "OperationDefinition",
          operation: "mutation",
          selectionSet: { kind: "SelectionSet", selections: [] },
        },
      ],
    } as unknown as DocumentNode;
    expect(findNonQueryOperation(handBuilt)).toBe("mutation (anonymous)");
  });
});
