import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COUNTERS, GAUGES } from "./metric-catalog";

// docs/metrics.md lists every metric /metrics serves, with its labels.

const doc = readFileSync("docs/metrics.md", "utf8");
const grafana = readFileSync("docs/grafana-healthboard.json", "utf8");

describe("docs/metrics.md", () => {
  const scopeSection = doc.slice(
    doc.indexOf("## Per team and code location"),
    doc.indexOf("## Per cross-team dependency"),
  );
  for (const spec of [...Object.values(GAUGES), ...Object.values(COUNTERS)]) {
    it(`documents ${spec.name} and its labels`, () => {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${spec.name}\``)) ?? "";
      expect(row, `${spec.name} has a row`).not.toBe("");
      // That section states its team, deployment and location labels once, above its table.
      const inScope = scopeSection.includes(row);
      for (const label of spec.labels) {
        if (inScope && ["team", "deployment", "location"].includes(label)) continue;
        expect(row, `${spec.name} names its label ${label}`).toContain(`\`${label}\``);
      }
    });
  }

  it("names only metrics that exist, and the Grafana dashboard queries only those", () => {
    const known = new Set(
      [...Object.values(GAUGES), ...Object.values(COUNTERS)].map((s) => s.name),
    );
    for (const m of doc.matchAll(/`(healthboard_[a-z_]+)`/g)) expect(known).toContain(m[1]);
    const used = [...grafana.matchAll(/healthboard_[a-z_]+/g)].map((m) => m[0]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(known).toContain(name);
  });
});
