#!/usr/bin/env node
// Healthboard's CI command: the contract check before promotion.
//   npx healthboard check --head staging [--base prod] [--location analytics-team]
//                         [--url http://127.0.0.1:3000] [--json]
// Asks a running Healthboard (--url, else $HEALTHBOARD_URL) what promoting the
// head environment would break for other teams. Exit 0: nothing other teams
// read would break; 1: a consumed asset would break (or a candidate does not
// load); 2: usage error or Healthboard could not answer.
import { parseArgs } from "node:util";

const USAGE =
  "usage: healthboard check --head ENV [--base prod] [--location NAME] [--url URL] [--json]";

function fail(message) {
  console.error(message);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      location: { type: "string" },
      url: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
} catch (err) {
  fail(`${err.message}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (positionals[0] !== "check" || positionals.length !== 1 || !values.head) fail(USAGE);

const base = (values.url ?? process.env.HEALTHBOARD_URL ?? "http://127.0.0.1:3000").replace(
  /\/+$/,
  "",
);
const query = new URLSearchParams({ head: values.head });
if (values.base) query.set("base", values.base);
if (values.location) query.set("location", values.location);

let res;
try {
  res = await fetch(`${base}/api/v1/contract-check?${query}`, {
    signal: AbortSignal.timeout(60_000),
  });
} catch (err) {
  fail(`cannot reach Healthboard at ${base}: ${err.cause?.message ?? err.message}`);
}
const body = await res.json().catch(() => null);
if (!res.ok || !body)
  fail(`Healthboard answered HTTP ${res.status}: ${body?.error ?? "no JSON body"}`);

const key = (k) => k.join("/");
if (values.json) {
  console.log(JSON.stringify(body, null, 2));
} else {
  console.log(`Contract check: promoting ${body.head} to ${body.base}`);
  if (body.locations.length === 0)
    console.log(`  no location of ${body.head} is also in ${body.base}`);
  for (const loc of body.locations) {
    console.log(
      `  ${loc.location} (${loc.headDeployment} -> ${loc.baseDeployment}): ${loc.verdict}`,
    );
    if (loc.error) console.log(`    ${loc.error.split("\n")[0]}`);
    for (const b of loc.breaks) {
      const to = b.renamedTo ? ` to ${key(b.renamedTo)}` : "";
      const readers = b.consumers.map(
        (c) => `${key(c.key)} (${c.team ?? "no team"}, ${c.location})`,
      );
      console.log(`    BREAKS ${key(b.key)} ${b.kind}${to}: read by ${readers.join(", ")}`);
    }
  }
  console.log(
    body.breaking
      ? "FAIL: a consumed asset would break"
      : "OK: nothing other teams read would break",
  );
}
process.exit(body.breaking ? 1 : 0);
