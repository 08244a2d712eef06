import { describe, expect, it } from "vitest";
import { type LineageView, parseView } from "@/lib/lineage/graph-view";
import {
  autoHeightScript,
  badgeMarkdown,
  badgesFor,
  embedPath,
  iframeSnippet,
} from "./embed-snippets";

const ORIGIN = "https://hb.example.com";
const lineage = (v: Partial<LineageView>): LineageView => ({
  ...parseView(new URLSearchParams()),
  ...v,
});

describe("embed snippets", () => {
  it("builds team panel and lineage embed paths with their view", () => {
    expect(
      embedPath({
        kind: "team",
        team: "ml",
        panel: "freshness",
        range: "24h",
        location: "ml platform",
      }),
    ).toBe("/embed/teams/ml/freshness?range=24h&location=ml+platform");
    expect(
      embedPath(
        {
          kind: "lineage",
          view: lineage({ focus: '["ml","model"]', depth: 3, team: "ml", selected: "x" }),
        },
        "dark",
        true,
      ),
    ).toBe(
      "/embed/lineage?focus=%5B%22ml%22%2C%22model%22%5D&depth=3&team=ml&theme=dark&autoheight=1",
    );
    expect(
      embedPath({ kind: "team", team: "ml", panel: "assets", range: "7d", list: "stale" }),
    ).toBe("/embed/teams/ml/assets?range=7d&list=stale");
    expect(
      embedPath({ kind: "team", team: "ml", panel: "freshness", range: "7d", list: "stale" }),
    ).toBe("/embed/teams/ml/freshness?range=7d");
  });

  it("embeds the environment the page shows", () => {
    expect(
      embedPath({ kind: "team", team: "ml", panel: "kpis", range: "7d", env: "staging" }, "dark"),
    ).toBe("/embed/teams/ml/kpis?range=7d&theme=dark&env=staging");
    expect(
      embedPath({ kind: "lineage", view: lineage({ focus: "a", depth: 3 }), env: "branch" }),
    ).toBe("/embed/lineage?focus=a&depth=3&env=branch");
  });

  it("escapes the iframe's attributes", () => {
    const html = iframeSnippet(
      ORIGIN,
      { kind: "team", team: "ml", panel: "deploys", range: "7d" },
      'ML "deploys" <b>',
      "light",
    );
    expect(html).toContain(
      `src="${ORIGIN}/embed/teams/ml/deploys?range=7d&amp;theme=light&amp;autoheight=1"`,
    );
    expect(html).toContain('title="ML &quot;deploys&quot; &lt;b&gt;"');
    expect(html).not.toContain("<b>");
  });

  it("sizes frames only from Healthboard's origin", () => {
    expect(autoHeightScript(ORIGIN)).toContain(`e.origin !== "${ORIGIN}"`);
  });

  it("offers the team badge, location badges with deploys, and asset badges for lineage", () => {
    const team = badgesFor(
      ORIGIN,
      { kind: "team", team: "ml", panel: "deploys", range: "7d" },
      { teamName: "ML Platform", locations: [{ deployment: "prod", location: "ml-platform" }] },
    );
    expect(team.map((b) => b.image)).toEqual([
      `${ORIGIN}/badge/team/ml.svg`,
      `${ORIGIN}/badge/location/prod/ml-platform.svg`,
    ]);
    expect(badgeMarkdown(team[0] as (typeof team)[0])).toBe(
      `[![ML Platform health](${ORIGIN}/badge/team/ml.svg)](${ORIGIN}/teams/ml)`,
    );
    const asset = badgesFor(ORIGIN, { kind: "lineage", view: lineage({ focus: '["ml","a b"]' }) });
    expect(asset[0]?.image).toBe(`${ORIGIN}/badge/asset/ml/a%20b.svg`);
    expect(badgesFor(ORIGIN, { kind: "lineage", view: lineage({ focus: "not json" }) })).toEqual(
      [],
    );
    expect(badgesFor(ORIGIN, { kind: "lineage", view: lineage({}) })).toEqual([]);
  });

  it("gives team and asset badges and their links the environment the page shows", () => {
    const [badge] = badgesFor(ORIGIN, {
      kind: "team",
      team: "ml",
      panel: "assets",
      range: "7d",
      env: "staging",
    });
    expect(badge?.image).toBe(`${ORIGIN}/badge/team/ml.svg?env=staging`);
    expect(badge?.link).toBe(`${ORIGIN}/teams/ml?env=staging`);
    const [asset] = badgesFor(ORIGIN, {
      kind: "lineage",
      view: lineage({ focus: '["ml","m"]' }),
      env: "staging",
    });
    expect(asset?.image).toBe(`${ORIGIN}/badge/asset/ml/m.svg?env=staging`);
    expect(asset?.link).toBe(
      `${ORIGIN}/lineage?focus=${encodeURIComponent('["ml","m"]')}&env=staging`,
    );
  });

  it("escapes Markdown in badge alt text", () => {
    expect(badgeMarkdown({ alt: "a]b[c", image: "i", link: "l" })).toBe("[![a\\]b\\[c](i)](l)");
  });
});
