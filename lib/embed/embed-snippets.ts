import { withEnv } from "@/lib/environments/env-href";
import { type LineageView, viewToSearch } from "@/lib/lineage/graph-view";
import type { TeamPanelId, Theme } from "./embed-params";

// What the Embed button hands a user: the iframe to paste into a wiki, the
// script that lets the iframe size itself, and Markdown badges. Pure, so the
// exact snippets are unit-tested.

export type EmbedTarget =
  | {
      kind: "team";
      team: string;
      panel: TeamPanelId;
      range: string;
      location?: string;
      /** The Assets panel's list (stale, degraded...), as shown. */
      list?: string;
      /** The environment shown, unless it is the default (docs/environments.md). */
      env?: string;
    }
  | { kind: "lineage"; view: LineageView; env?: string };

export function embedPath(target: EmbedTarget, theme: Theme = "auto", autoHeight = false) {
  let path: string;
  let q: URLSearchParams;
  if (target.kind === "team") {
    path = `/embed/teams/${encodeURIComponent(target.team)}/${target.panel}`;
    q = new URLSearchParams({ range: target.range });
    if (target.location) q.set("location", target.location);
    if (target.panel === "assets" && target.list && target.list !== "all")
      q.set("list", target.list);
  } else {
    // The graph as the user sees it (focus, depth, filters), minus the selection.
    path = "/embed/lineage";
    q = new URLSearchParams(viewToSearch({ ...target.view, selected: null, collapsed: [] }));
  }
  if (theme !== "auto") q.set("theme", theme);
  if (autoHeight) q.set("autoheight", "1");
  return withEnv(`${path}?${q.toString()}`, target.env);
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function iframeSnippet(origin: string, target: EmbedTarget, title: string, theme: Theme) {
  const src = `${origin}${embedPath(target, theme, true)}`;
  const height = target.kind === "lineage" ? 480 : 360;
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

/**
 * For hosts that allow scripts: resizes each Healthboard iframe to the height
 * its page reports. It accepts messages only from Healthboard's origin and
 * matches them to the frame that sent them.
 */
export function autoHeightScript(origin: string) {
  return `<script>
addEventListener("message", (e) => {
  if (e.origin !== ${JSON.stringify(origin)} || e.data?.type !== "healthboard:height") return;
  for (const f of document.querySelectorAll("iframe"))
    if (f.contentWindow === e.source) f.style.height = Math.ceil(e.data.height) + "px";
});
</script>`;
}

export interface BadgeLink {
  alt: string;
  image: string;
  link: string;
}

export function badgeMarkdown(badge: BadgeLink) {
  const alt = badge.alt.replace(/[[\]\\]/g, "\\$&");
  return `[![${alt}](${badge.image})](${badge.link})`;
}

export interface BadgeContext {
  teamName?: string;
  /** The team's code locations, for deploy-status badges next to the Deploys panel. */
  locations?: readonly { deployment: string; location: string }[];
}

/** The badges that belong with an embed target: its team (and locations), or its asset. */
export function badgesFor(origin: string, target: EmbedTarget, ctx: BadgeContext = {}) {
  if (target.kind === "team") {
    const team = encodeURIComponent(target.team);
    const badges: BadgeLink[] = [
      {
        alt: `${ctx.teamName ?? target.team} health`,
        image: withEnv(`${origin}/badge/team/${team}.svg`, target.env),
        link: withEnv(`${origin}/teams/${team}`, target.env),
      },
    ];
    if (target.panel === "deploys") {
      for (const l of ctx.locations ?? []) {
        const where = `${encodeURIComponent(l.deployment)}/${encodeURIComponent(l.location)}`;
        badges.push({
          alt: `${l.location} deploy status`,
          image: `${origin}/badge/location/${where}.svg`,
          link: `${origin}/teams/${team}#deploys`,
        });
      }
    }
    return badges;
  }
  const focus = target.view.focus;
  const key = focusKeyPath(focus);
  if (!key) return [];
  const badges: BadgeLink[] = [
    {
      alt: `${key.join("/")} health`,
      image: withEnv(
        `${origin}/badge/asset/${key.map(encodeURIComponent).join("/")}.svg`,
        target.env,
      ),
      link: withEnv(`${origin}/lineage?focus=${encodeURIComponent(focus ?? "")}`, target.env),
    },
  ];
  return badges;
}

/** A lineage focus id is the asset key path as JSON; anything else is no key. */
function focusKeyPath(focus: string | null): string[] | null {
  if (!focus) return null;
  try {
    const path: unknown = JSON.parse(focus);
    return Array.isArray(path) && path.length > 0 && path.every((p) => typeof p === "string")
      ? path
      : null;
  } catch {
    return null;
  }
}
