import { describe, expect, it } from "vitest";
import { assetUrl, dagsterUrls, runUrl } from "./dagster-links";

describe("dagster links", () => {
  const urls = dagsterUrls([
    {
      name: "prod",
      kind: "oss",
      graphqlUrl: "http://10.0.0.5:3000/graphql",
      uiUrl: "https://dagster.example.com",
    },
    { name: "internal", kind: "oss", graphqlUrl: "http://10.0.0.6:3000/graphql" },
    { name: "cloud", kind: "plus", graphqlUrl: "https://acme.dagster.cloud/prod/graphql" },
  ]);

  it("links a run's logs under the configured UI URL", () => {
    expect(runUrl(urls, "prod", "1a2b3c")).toBe("https://dagster.example.com/runs/1a2b3c");
  });

  it("links a Dagster+ run under its deployment URL when no UI URL is configured", () => {
    expect(runUrl(urls, "cloud", "1a2b3c")).toBe("https://acme.dagster.cloud/prod/runs/1a2b3c");
  });

  it("gives no link for an open-source deployment without a UI URL", () => {
    expect(runUrl(urls, "internal", "1a2b3c")).toBeNull();
    expect(runUrl(urls, "unknown", "1a2b3c")).toBeNull();
  });

  it("makes every key component its own path segment", () => {
    expect(assetUrl(urls, "prod", ["ml", "a/b"])).toBe(
      "https://dagster.example.com/assets/ml/a%2Fb",
    );
  });
});
