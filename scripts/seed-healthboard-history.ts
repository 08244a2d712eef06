// Gives a freshly seeded demo a deploy history, so the Deploys panel and the
// deploy-success "vs previous" are not empty on first start.
//
// Nothing here is invented: it performs real redeploys (and one broken deploy
// and its fix) on the running demo Dagster with scripts/demo-switch.sh, reads
// each resulting code location with Healthboard's own source, and records the
// transition through trackDeploys into Healthboard's SQLite deploy store, as
// the collector would. Only the times are backdated (into the seeded 14 days),
// and every row says so: its versionKey starts with "seeded:", and the table
// `seeded_history` in the same file records what was seeded and when.
//
// KPI samples ("vs previous" for owned, healthy, stale, degraded) are NOT
// seeded: they need each asset's health at a past time, and the seeded
// history holds no check results, freshness verdicts or definitions for the
// past, so a past health could not be reconstructed truthfully. Those figures
// say "no data" until Healthboard has run for a window's length.
//
// Run by scripts/seed-demo.sh (bundled with esbuild). Arguments:
//   --graphql URL  --deployment NAME  --data-dir DIR  --switch PATH/demo-switch.sh
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { dagsterLocationSource } from "@/lib/collector/dagster-sources";
import { SqliteDeployStore } from "@/lib/deploys/sqlite-deploy-store";
import { trackDeploys } from "@/lib/deploys/track-deploys";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo's deploy story, by how long before the seeding it is dated. */
const STEPS: {
  ago: number;
  action: "redeploy" | "break" | "fix";
  location: string;
  version?: string;
}[] = [
  { ago: 10 * DAY, action: "redeploy", location: "analytics-team", version: "v2" },
  { ago: 8 * DAY, action: "redeploy", location: "finance-reporting", version: "v2" },
  { ago: 5 * DAY, action: "redeploy", location: "analytics-team", version: "v3" },
  { ago: 36 * HOUR, action: "break", location: "ml-platform" },
  { ago: 35 * HOUR, action: "fix", location: "ml-platform" },
  { ago: 30 * HOUR, action: "break", location: "analytics-team" },
  { ago: 29 * HOUR, action: "fix", location: "analytics-team" },
  { ago: 3 * HOUR, action: "redeploy", location: "analytics-team", version: "v4" },
];
/** First sight of every location: the start of the seeded history. */
const BASELINE_AGO = 14 * DAY;

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) throw new Error(`missing --${name}`);
  return value;
}

async function main(): Promise<void> {
  const graphqlUrl = arg("graphql");
  const deployment = arg("deployment");
  const file = path.join(arg("data-dir"), "deploys.sqlite");
  const switchScript = arg("switch");
  const source = dagsterLocationSource({ deployment, kind: "oss", graphqlUrl, timeoutMs: 60_000 });
  const store = new SqliteDeployStore(file);
  if (store.list({ deployment }).length > 0) {
    // Never mix seeded rows into history Healthboard observed itself.
    console.log(`[seed-healthboard] ${file} already holds deploys of ${deployment}; not seeding`);
    store.close();
    return;
  }
  const now = Date.now();
  const record = async (location: string, at: number) => {
    const loc = await source.fetchLocation(location);
    const seeded = { ...loc, versionKey: `seeded:${loc.versionKey}`, updatedAt: at };
    const events = trackDeploys(store.lastKnown(deployment, location), seeded, at);
    store.append(events);
    return events.map((e) => e.kind);
  };
  const names = (await source.fetchStatuses()).map((s) => s.name);
  for (const name of names) await record(name, now - BASELINE_AGO);
  const broken = new Set<string>();
  try {
    for (const step of STEPS) {
      if (!names.includes(step.location)) continue;
      const args = [
        switchScript,
        step.action,
        step.location,
        ...(step.version ? [step.version] : []),
      ];
      execFileSync("bash", args, { stdio: ["ignore", "ignore", "inherit"] });
      if (step.action === "break") broken.add(step.location);
      if (step.action === "fix") broken.delete(step.location);
      const kinds = await record(step.location, now - step.ago);
      console.log(
        `[seed-healthboard] ${step.action} ${step.location}: ${kinds.join(", ") || "nothing"}`,
      );
    }
  } finally {
    // Never leave the demo broken: a failed seed fixes what it broke.
    for (const location of broken)
      execFileSync("bash", [switchScript, "fix", location], {
        stdio: ["ignore", "ignore", "inherit"],
      });
  }
  const count = store.list({ deployment }).length;
  store.close();
  const db = new Database(file);
  db.exec(`CREATE TABLE IF NOT EXISTS seeded_history (
    store TEXT NOT NULL, deployment TEXT NOT NULL, rows INTEGER NOT NULL,
    seeded_at INTEGER NOT NULL, note TEXT NOT NULL)`);
  db.prepare("INSERT INTO seeded_history VALUES (?, ?, ?, ?, ?)").run(
    "deploy_events",
    deployment,
    count,
    now,
    "Demo seed: real redeploys made while seeding, recorded by trackDeploys with backdated times (versionKey 'seeded:…'). Not observed by Healthboard.",
  );
  db.close();
  console.log(`[seed-healthboard] ${count} deploy events recorded as seeded history in ${file}`);
}

main().catch((err) => {
  console.error(`[seed-healthboard] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
