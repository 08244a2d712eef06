import type { TeamContracts } from "./build-contracts";
import { freshnessWords } from "./freshness-words";
import { mdCode, mdTable, mdText } from "./markdown-escape";

// The contracts as a Markdown document for a wiki page. Every cell that holds
// data is escaped (mdText or mdCode); only the document's own words are not.

export interface ContractsDocument {
  /** One team's contracts, or every team's. */
  scope: { team: string } | "all";
  contracts: TeamContracts[];
  teamNames: ReadonlyMap<string, string>;
  generatedAt: number;
  /** Per deployment: when its definitions and health were last read (oldest of the two), or null. */
  deployments: { name: string; asOf: number | null; failing: boolean }[];
}

const NO_TEAM = "(no team)";
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function teamTitle(doc: ContractsDocument, slug: string | null): string {
  if (slug === null) return mdText(NO_TEAM);
  return `${mdText(doc.teamNames.get(slug) ?? slug)} (${mdCode(slug)})`;
}

function keyText(key: readonly string[]): string {
  return mdCode(key.join("/"));
}

function header(doc: ContractsDocument): string[] {
  const title =
    doc.scope === "all"
      ? "Dependency contracts: all teams"
      : `Dependency contracts: ${mdText(doc.teamNames.get(doc.scope.team) ?? doc.scope.team)}`;
  const names = doc.deployments.map((d) => mdCode(d.name)).join(", ");
  const asOf = doc.deployments
    .map((d) => {
      if (d.asOf === null)
        return `${mdCode(d.name)} never read${d.failing ? " (unreachable)" : ""}`;
      return `${mdCode(d.name)} ${iso(d.asOf)}${d.failing ? " (its last refresh failed)" : ""}`;
    })
    .join("; ");
  return [
    `# ${title}`,
    "",
    `Generated ${iso(doc.generatedAt)} by Healthboard from the deployments ${names}.`,
    "",
    `Data as of: ${asOf}.`,
    "",
    "Each table lists the upstream assets another team (or no configured team) produces that the " +
      "team consumes across the team boundary: where they are defined, who owns them, the freshness " +
      "they promise, their health when this was generated, and which of the team's assets depend on them.",
  ];
}

function teamSection(doc: ContractsDocument, contracts: TeamContracts): string[] {
  const out = ["", `## ${teamTitle(doc, contracts.team)} consumes`];
  if (contracts.producers.length === 0) {
    out.push("", "No upstream assets from other teams.");
    return out;
  }
  for (const group of contracts.producers) {
    const rows = group.assets.map((a) => [
      keyText(a.key),
      teamTitle(doc, a.producer),
      a.locations.length === 0
        ? mdText("not defined in any deployment Healthboard reads")
        : a.locations.map((l) => `${mdText(l.deployment)}/${mdText(l.location)}`).join(", "),
      a.owners.length === 0 ? "none" : a.owners.map(mdText).join(", "),
      a.freshnessPolicies.length === 0
        ? "none"
        : a.freshnessPolicies.map((p) => mdText(freshnessWords(p))).join("; "),
      a.health.toLowerCase(),
      a.usedBy.map(keyText).join(", "),
    ]);
    out.push(
      "",
      `### From ${teamTitle(doc, group.producer)}`,
      "",
      mdTable(
        [
          "Asset",
          "Producer",
          "Deployment/location",
          "Owners",
          "Freshness policy",
          "Health",
          "Used by",
        ],
        rows,
      ),
    );
  }
  return out;
}

export function contractsMarkdown(doc: ContractsDocument): string {
  const lines = header(doc);
  for (const c of doc.contracts) lines.push(...teamSection(doc, c));
  return `${lines.join("\n")}\n`;
}
