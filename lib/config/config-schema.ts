import { z } from "zod";
import { alertsIssues, alertsSchema } from "@/lib/alerts/alert-config";
import { metricsSchema } from "@/lib/observability/metrics-config";
import { storageSchema } from "@/lib/performance/storage-config";
import { envVarName, httpUrl, slug } from "./config-fields";

export const deploymentSchema = z
  .strictObject({
    name: slug,
    kind: z.enum(["oss", "plus"]),
    graphqlUrl: httpUrl,
    tokenEnv: envVarName.optional(),
    uiUrl: httpUrl.optional(),
    // Which environment the deployment serves (docs/environments.md): pages show
    // one environment at a time, the comparison view sets them side by side.
    environment: slug.default("prod"),
    // Dagster+ only: also list the organization's full and open branch
    // deployments, refreshed on a schedule (lib/environments/plus-discovery.ts).
    discoverDeployments: z.boolean().default(false),
  })
  .check((ctx) => {
    if (ctx.value.kind === "plus" && !ctx.value.tokenEnv) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["tokenEnv"],
        message:
          "is required for a Dagster+ deployment (the name of the variable holding the token)",
      });
    }
    if (ctx.value.kind !== "plus" && ctx.value.discoverDeployments) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value.discoverDeployments,
        path: ["discoverDeployments"],
        message: "is for a Dagster+ deployment only (open source has one deployment)",
      });
    }
    // The Dagster+ token goes in every request's headers: never over plain http.
    if (ctx.value.kind === "plus" && !ctx.value.graphqlUrl.startsWith("https://")) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value.graphqlUrl,
        path: ["graphqlUrl"],
        message:
          "must be an https URL for a Dagster+ deployment (its token travels with each request)",
      });
    }
  });

export const teamSchema = z.strictObject({
  slug,
  name: z.string().min(1),
  owners: z.array(z.string().min(1)).default([]),
  locations: z
    .array(z.strictObject({ deployment: z.string().min(1), location: z.string().min(1) }))
    .default([]),
});

export const refreshSchema = z
  .strictObject({
    // The cheap location poll (reloads, load errors; the overview refreshes at
    // it). 15 s: with the incremental refresh it was three quarters of the
    // steady upstream cost when nothing changes (BENCHMARKS.md, issue 16), and
    // a reload still reaches the team pages within their 30 s refresh.
    locationStatusSeconds: z.number().positive().max(3600).default(15),
    assetStatusSeconds: z.number().positive().max(3600).default(30),
    runsSeconds: z.number().positive().max(86_400).default(60),
    requestTimeoutSeconds: z.number().positive().max(300).default(15),
    runsWindowDays: z.number().int().min(1).max(90).default(30),
    assetBatchSize: z.number().int().min(1).max(1000).default(250),
    assetParallelism: z.number().int().min(1).max(16).default(2),
    // Ceiling of the cool-down after repeated failures (Retry-After is always
    // honoured in full). Unset: six location polls, within 5–30 s.
    maxBackoffSeconds: z.number().positive().max(600).optional(),
    // Incremental refresh (docs/reliability.md): between full sweeps every
    // sweepSeconds, re-read only what Dagster's runs, reloads and freshness
    // windows changed; a touched asset is re-read for followUpSeconds after.
    incremental: z.boolean().default(true),
    sweepSeconds: z.number().positive().max(86_400).default(1800),
    followUpSeconds: z.number().min(0).max(3600).default(90),
  })
  .prefault({});

// An origin as a browser sends it (scheme, host, port; no path), optionally
// with a leading "*." for subdomains: what CSP frame-ancestors matches on.
const origin = z
  .string()
  .regex(
    /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i,
    "must be an origin such as https://wiki.example.com or https://*.notion.site",
  );

export const embedSchema = z
  .strictObject({
    // Sites allowed to frame /embed/* pages; every other route refuses framing.
    frameAncestors: z.array(origin).default([]),
  })
  .prefault({});

// The lineage page's document carries a graph of up to this many assets, so
// its first frame needs no request (lib/lineage/inline-graph.ts); 0: always fetched.
export const lineageSchema = z
  .strictObject({
    inlineGraphMaxAssets: z.number().int().min(0).max(100_000).default(1_200),
  })
  .prefault({});

// Identity across deployments: a key defined in several deployments is one
// asset per deployment unless a group here merges them (e.g. one pipeline
// deployed to two regions). Merging is explicit: never "whichever came first".
export const identitySchema = z
  .strictObject({
    mergeDeployments: z
      .array(z.array(z.string().min(1)).min(2, "must list at least two deployments to merge"))
      .default([]),
  })
  .prefault({});

// Deploy annotations from CI (POST /api/v1/deploys, docs/deploys.md): the
// endpoint exists only when a variable holding its bearer token is named here.
export const deploysSchema = z
  .strictObject({
    annotationTokenEnv: envVarName.optional(),
  })
  .prefault({});

// Where history, KPI samples and (for replicas) leases and published state
// live: an embedded SQLite file by default, or a PostgreSQL database shared by
// every replica (docs/replicas.md). The URL is read from the named variable.
export const storeSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("sqlite") }),
    z.strictObject({
      kind: z.literal("postgres"),
      urlEnv: envVarName,
      // A dead collector's lease is taken over within this period.
      leaseSeconds: z.number().min(2).max(300).default(15),
      poolSize: z.number().int().min(2).max(100).default(10),
    }),
  ])
  .prefault({ kind: "sqlite" });

export const configSchema = z
  .strictObject({
    deployments: z.array(deploymentSchema).min(1, "must list at least one deployment"),
    teams: z.array(teamSchema).default([]),
    refresh: refreshSchema,
    embed: embedSchema,
    lineage: lineageSchema,
    identity: identitySchema,
    alerts: alertsSchema,
    deploys: deploysSchema,
    storage: storageSchema,
    metrics: metricsSchema,
    store: storeSchema,
  })
  .check((ctx) => {
    const { deployments, teams, identity } = ctx.value;
    const names = new Set<string>();
    deployments.forEach((d, i) => {
      if (names.has(d.name)) {
        ctx.issues.push({
          code: "custom",
          input: d.name,
          path: ["deployments", i, "name"],
          message: `duplicates deployment "${d.name}"`,
        });
      }
      names.add(d.name);
    });
    const slugs = new Set<string>();
    teams.forEach((t, i) => {
      if (slugs.has(t.slug)) {
        ctx.issues.push({
          code: "custom",
          input: t.slug,
          path: ["teams", i, "slug"],
          message: `duplicates team "${t.slug}"`,
        });
      }
      slugs.add(t.slug);
      t.locations.forEach((loc, j) => {
        if (!names.has(loc.deployment)) {
          ctx.issues.push({
            code: "custom",
            input: loc.deployment,
            path: ["teams", i, "locations", j, "deployment"],
            message: `names no configured deployment ("${loc.deployment}")`,
          });
        }
      });
    });
    const merged = new Set<string>();
    identity.mergeDeployments.forEach((group, i) => {
      group.forEach((name, j) => {
        const path = ["identity", "mergeDeployments", i, j];
        const problem = !names.has(name)
          ? `names no configured deployment ("${name}")`
          : merged.has(name)
            ? `lists deployment "${name}" in more than one merge group`
            : null;
        if (problem) ctx.issues.push({ code: "custom", input: name, path, message: problem });
        merged.add(name);
      });
    });
    for (const issue of alertsIssues(ctx.value.alerts, slugs)) ctx.issues.push(issue);
  });

export type HealthboardConfig = z.infer<typeof configSchema>;
export type DeploymentConfig = z.infer<typeof deploymentSchema>;
export type TeamConfig = z.infer<typeof teamSchema>;
export type IdentityConfig = z.infer<typeof identitySchema>;
export type StoreConfig = z.infer<typeof storeSchema>;
