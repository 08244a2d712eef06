import type { DocumentNode } from "graphql";

/** Names the first operation that is not a query, or returns undefined when all are queries. */
export function findNonQueryOperation(document: DocumentNode): string | undefined {
  for (const def of document.definitions) {
    if (def.kind === "OperationDefinition" && def.operation !== "query") {
      return `${def.operation} ${def.name?.value ?? "(anonymous)"}`;
    }
  }
  return undefined;
}
