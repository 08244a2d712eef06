import { afterEach, describe, expect, it, vi } from "vitest";
import type { GraphPayload } from "@/lib/api/graph-payload";
import { offerFirstGraph, takeFirstGraph } from "./graph-fetch";

// The first-frame script's request is handed to the page's query once, and
// only for the environment it asked for.

describe("takeFirstGraph", () => {
  afterEach(() => vi.unstubAllGlobals());
  const graph = Promise.resolve({ generation: "g1" } as GraphPayload);

  it("hands the offered request over once", () => {
    vi.stubGlobal("window", {});
    offerFirstGraph(undefined, graph);
    expect(takeFirstGraph()).toBe(graph);
    expect(takeFirstGraph()).toBeNull();
  });

  it("keeps it from another environment's query", () => {
    vi.stubGlobal("window", {});
    offerFirstGraph("staging", graph);
    expect(takeFirstGraph()).toBeNull();
    expect(takeFirstGraph("staging")).toBe(graph);
  });

  it("has nothing to hand over on the server", () => {
    expect(takeFirstGraph()).toBeNull();
  });
});
