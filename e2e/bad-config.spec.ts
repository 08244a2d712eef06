import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoLeaks } from "./support/leak-patterns";

// A bad config at start-up: `next start` must stop with a message naming the
// field and the file, and never serve a stack trace to a browser.
test.describe("a bad config", () => {
  const PORT = 3131;
  const dir = mkdtempSync(path.join(tmpdir(), "hb-bad-config-"));
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const GOOD_DEPLOYMENT =
    "deployments:\n  - name: local\n    kind: oss\n    graphqlUrl: http://127.0.0.1:3999/graphql\n";
  const ALERT_TEAM = "teams:\n  - { slug: ml, name: ML, owners: ['team:ml'] }\n";
  const AM = '{ name: am, type: alertmanager, url: "http://127.0.0.1:9093" }';
  /** `env` overrides HEALTHBOARD_CONFIG, which otherwise names the case's file. */
  const cases: { name: string; text: string | null; names: RegExp; env?: string }[] = [
    { name: "missing field", text: "teams: []\n", names: /deployments: / },
    {
      name: "wrong type",
      text: `${GOOD_DEPLOYMENT}refresh:\n  runsSeconds: fast\n`,
      names: /refresh\.runsSeconds: /,
    },
    {
      name: "bad URL",
      text: "deployments:\n  - name: local\n    kind: oss\n    graphqlUrl: not-a-url\n",
      names: /deployments\[0\]\.graphqlUrl: must be an http\(s\) URL/,
    },
    {
      name: "YAML syntax error",
      text: "deployments:\n  - name: local\n    kind: [oss\n",
      names: /line \d+, column \d+/,
    },
    { name: "misspelt key", text: `${GOOD_DEPLOYMENT}teems: []\n`, names: /teems/ },
    { name: "missing file", text: null, names: /cannot read the file/ },
    { name: "empty HEALTHBOARD_CONFIG", text: null, names: /HEALTHBOARD_CONFIG: /, env: "" },
    // Alerts (issue 13): a bad rule or channel, or a channel secret that is not set.
    {
      name: "alert rule routed to no channel",
      text: `${GOOD_DEPLOYMENT}${ALERT_TEAM}alerts:\n  channels: [${AM}]\n  rules:\n    - { name: down, type: location, routes: [{ team: ml, channels: [am, pager] }] }\n`,
      names:
        /alerts\.rules\[0\]\.routes\[0\]\.channels\[1\]: names no configured channel \("pager"\)/,
    },
    {
      name: "alert rule with a bad duration",
      text: `${GOOD_DEPLOYMENT}${ALERT_TEAM}alerts:\n  channels: [${AM}]\n  rules:\n    - { name: down, type: location, for: soon, routes: [{ team: ml, channels: [am] }] }\n`,
      names: /alerts\.rules\[0\]\.for: must be a duration/,
    },
    {
      name: "alert channel with a bad URL",
      text: `${GOOD_DEPLOYMENT}alerts:\n  channels: [{ name: am, type: alertmanager, url: "alertmanager:9093" }]\n`,
      names: /alerts\.channels\[0\]\.url: /,
    },
    {
      name: "alert channel secret not set",
      text: `${GOOD_DEPLOYMENT}alerts:\n  channels: [{ name: s, type: slack, webhookUrlEnv: HB_E2E_UNSET_SLACK_URL }]\n`,
      names:
        /alerts\.channels\[0\]\.webhookUrlEnv: environment variable HB_E2E_UNSET_SLACK_URL is not set/,
    },
  ];

  for (const c of cases) {
    test(`${c.name}: start-up stops with a message naming the field`, async () => {
      test.setTimeout(60_000);
      const file = path.join(dir, `${c.name.replace(/\W+/g, "-")}.yaml`);
      if (c.text !== null) writeFileSync(file, c.text);
      const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
        env: {
          ...process.env,
          HEALTHBOARD_CONFIG: c.env ?? file,
          HEALTHBOARD_DATA_DIR: path.join(dir, "data"),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      server.stdout?.on("data", (d) => {
        output += d;
      });
      server.stderr?.on("data", (d) => {
        output += d;
      });
      try {
        const code = await exitOrServe(server, PORT);
        expect(code, output).not.toBe(0);
        expect(code, `${output}\nstill running after 30 s`).not.toBeNull();
        if (c.env === undefined) expect(output).toContain(file);
        expect(output).toMatch(c.names);
        expect(output, "a clean message, not a stack trace").not.toMatch(/\n\s+at .+:\d+:\d+/);
      } finally {
        if (server.exitCode === null) server.kill("SIGTERM");
      }
    });
  }
});

/**
 * Waits up to 30 s for the server to exit, asking it for pages meanwhile:
 * whatever it answers before it stops must not be a stack trace.
 */
async function exitOrServe(server: ChildProcess, port: number): Promise<number | null> {
  const exited = new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? 1)));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) return server.exitCode;
    const body = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) })
      .then((res) => res.text())
      .catch(() => null); // not listening (yet, or any more)
    expectNoLeaks(body ?? "", "served while starting");
    const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(r, 300, null))]);
    if (code !== null) return code;
  }
  return null;
}
