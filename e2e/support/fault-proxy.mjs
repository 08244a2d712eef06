// A fault-injecting HTTP proxy between Healthboard and a real
// dagster-webserver, written for the fault tests and the soak benchmark.
// Plain ESM so Playwright specs, bench/soak.mjs and the command line share it;
// it never imports Healthboard code. Types: fault-proxy.d.mts; specs drive
// it over HTTP with fault-control.ts.
//
// Every request is recorded with its arrival time, the GraphQL operations its
// document holds (parsed, so a mutation hidden behind a query cannot pass as
// one) and the answer given, so tests can check back-off spacing and that no
// mutation or subscription ever arrives.
//
// Command line (used as a Playwright webServer):
//   node e2e/support/fault-proxy.mjs --port 3122 --control-port 3123 [--target http://127.0.0.1:3071]
// :3122 is the faulty proxy. :3123 serves the control API under /__faults/
// and forwards everything else untouched (a recording pass-through, never
// faulted), so every upstream request of a Healthboard is observed.

import http from "node:http";
import { parse } from "graphql";

const LOG_LIMIT = 50_000;

/** The GraphQL operations of a request body or query string: ["query Name", ...]. */
export function operationsOf(method, url, body) {
  let text;
  try {
    if (method === "GET") text = new URL(url, "http://x").searchParams.get("query") ?? undefined;
    else text = JSON.parse(body.toString("utf8"))?.query;
  } catch {
    return ["unparseable"];
  }
  if (typeof text !== "string") return [];
  try {
    return parse(text).definitions.flatMap((d) =>
      d.kind === "OperationDefinition" ? [`${d.operation} ${d.name?.value ?? "(anonymous)"}`] : [],
    );
  } catch {
    // Not GraphQL we can parse: name any operation keyword so it is never missed.
    const kinds = text.match(/\b(mutation|subscription)\b/g) ?? [];
    return kinds.length ? kinds.map((k) => `${k} (unparseable)`) : ["unparseable"];
  }
}

function createRecorder() {
  const log = [];
  const totals = { requests: 0, query: 0, mutation: 0, subscription: 0, unparseable: 0 };
  return {
    log,
    totals,
    record(entry) {
      totals.requests++;
      for (const op of entry.operations) {
        const kind = op.split(" ")[0];
        if (kind in totals) totals[kind]++;
      }
      log.push(entry);
      if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
    },
    clear() {
      log.length = 0;
    },
  };
}

function forward(target, req, body, onResponse, onError) {
  const headers = { ...req.headers };
  delete headers["accept-encoding"]; // plain bodies, so truncation cuts JSON, not gzip
  delete headers["content-length"];
  const upstream = http.request(
    {
      host: target.hostname,
      port: target.port,
      path: req.url,
      method: req.method,
      headers: { ...headers, "content-length": body.length },
    },
    onResponse,
  );
  upstream.on("error", onError);
  upstream.end(body);
  return upstream;
}

function readAll(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/** Answers one request under `fault`; resolves with what was given, for the log. */
async function answer(fault, target, req, res, body) {
  const passOn = () =>
    new Promise((resolve) => {
      forward(
        target,
        req,
        body,
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          up.on("end", () => resolve(up.statusCode ?? 502));
          up.on("error", () => resolve("upstream-error"));
        },
        () => {
          if (!res.headersSent) res.writeHead(502).end();
          resolve(502);
        },
      );
    });
  const fetchBody = () =>
    new Promise((resolve, reject) => {
      forward(
        target,
        req,
        body,
        (up) => readAll(up).then((b) => resolve({ status: up.statusCode ?? 502, body: b }), reject),
        reject,
      );
    });
  const json = (status, text, headers = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
    return status;
  };

  switch (fault.mode) {
    case "pass":
      return passOn();
    case "latency":
      await new Promise((r) => setTimeout(r, fault.ms));
      return passOn();
    case "timeout":
      // Hold the socket open and never answer; the client's timeout must fire.
      return "held";
    case "status": {
      const headers =
        fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
      return json(
        fault.status,
        JSON.stringify({ message: `injected HTTP ${fault.status}` }),
        headers,
      );
    }
    case "reset":
      req.socket.destroy();
      return "reset";
    case "truncated": {
      const up = await fetchBody();
      return json(200, up.body.subarray(0, Math.floor(up.body.length / 2)));
    }
    case "cut-body": {
      // Headers promise the whole body; the connection dies half-way through it.
      const up = await fetchBody();
      res.writeHead(200, { "content-type": "application/json", "content-length": up.body.length });
      res.write(up.body.subarray(0, Math.floor(up.body.length / 2)), () => req.socket.destroy());
      return "cut";
    }
    case "malformed":
      return json(200, '{"data": {"locationStatusesOrError": <html>Bad Gateway</html>');
    case "graphql-errors":
      return json(
        200,
        JSON.stringify({
          data: null,
          errors: [{ message: "injected: An unexpected error occurred while resolving" }],
        }),
      );
    default:
      return json(500, "unknown fault");
  }
}

function handler(getFault, target, recorder, onHold = () => {}) {
  return (req, res) => {
    readAll(req).then(async (body) => {
      const fault = getFault();
      const entry = {
        at: Date.now(),
        method: req.method,
        url: req.url,
        operations: operationsOf(req.method, req.url, body),
        fault: fault.mode,
        result: null,
        endedAt: null,
      };
      recorder.record(entry);
      try {
        entry.result = await answer(fault, target, req, res, body);
        if (entry.result === "held") onHold(req.socket);
      } catch {
        if (!res.headersSent) res.writeHead(502).end();
        entry.result = "proxy-error";
      }
      entry.endedAt = Date.now();
    });
  };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Starts the faulty proxy on `port`, forwarding to `target` while the fault is "pass". */
export async function startFaultProxy({ port, target = "http://127.0.0.1:3071" }) {
  const upstream = new URL(target);
  const recorder = createRecorder();
  let fault = { mode: "pass" };
  const sockets = new Set();
  const held = new Set();
  const server = http.createServer(
    handler(
      () => fault,
      upstream,
      recorder,
      (s) => held.add(s),
    ),
  );
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  let listening = false;
  const open = async () => {
    if (listening) return;
    await listen(server, port);
    listening = true;
  };
  const shut = () =>
    new Promise((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  await open();

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    log: recorder.log,
    totals: recorder.totals,
    clearLog: recorder.clear,
    fault: () => fault,
    async setFault(next) {
      if (next.mode === "down") {
        fault = next;
        await shut(); // nothing listens: connection refused
        return;
      }
      fault = next;
      if (next.mode !== "timeout") {
        // Requests held by a lifted timeout are dropped, as a restarted server would.
        for (const s of held) s.destroy();
        held.clear();
      }
      await open();
    },
    close: shut,
  };
}

/**
 * Starts the control server: the /__faults/ API for `proxy`, and a recording,
 * never-faulted pass-through to `target` for every other path.
 */
export async function startControlServer({ port, proxy, target = "http://127.0.0.1:3071" }) {
  const recorder = createRecorder();
  const passThrough = handler(() => ({ mode: "pass" }), new URL(target), recorder);
  const send = (res, status, value) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (!url.pathname.startsWith("/__faults/")) return passThrough(req, res);
    const since = Number(url.searchParams.get("since") ?? 0);
    const logOf = (r) => ({ totals: r.totals, log: r.log.filter((e) => e.at >= since) });
    switch (`${req.method} ${url.pathname}`) {
      case "GET /__faults/health":
        return send(res, 200, { ok: true, fault: proxy.fault() });
      case "GET /__faults/log":
        return send(res, 200, {
          fault: proxy.fault(),
          faulty: logOf({ totals: proxy.totals, log: proxy.log }),
          steady: logOf(recorder),
        });
      case "POST /__faults/fault": {
        const fault = JSON.parse((await readAll(req)).toString("utf8"));
        await proxy.setFault(fault);
        return send(res, 200, { fault: proxy.fault() });
      }
      case "POST /__faults/clear-log":
        proxy.clearLog();
        recorder.clear();
        return send(res, 200, { ok: true });
      default:
        return send(res, 404, { error: "no such control route" });
    }
  });
  await listen(server, port);
  return {
    url: `http://127.0.0.1:${port}`,
    log: recorder.log,
    totals: recorder.totals,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function argValue(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const target = argValue("target", "http://127.0.0.1:3071");
  const proxy = await startFaultProxy({ port: Number(argValue("port", 3122)), target });
  const control = await startControlServer({
    port: Number(argValue("control-port", 3123)),
    proxy,
    target,
  });
  console.log(
    `fault proxy on ${proxy.url}, control and pass-through on ${control.url} -> ${target}`,
  );
  const stop = () => Promise.all([proxy.close(), control.close()]).then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// No top-level await: specs load this module through require().
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
