// An HTTP proxy that counts GraphQL requests by operation name on their way to
// a real dagster-webserver. Used by bench/upstream-load.mjs.
import http from "node:http";

export function startCountingProxy(listenPort, targetPort) {
  const counts = new Map();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      let op = `${req.method} ${req.url}`;
      try {
        const parsed = JSON.parse(body.toString("utf8"));
        op = /(?:query|mutation|subscription)\s+(\w+)/.exec(parsed.query ?? "")?.[1] ?? "anonymous";
      } catch {}
      counts.set(op, (counts.get(op) ?? 0) + 1);
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: targetPort,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on("error", () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(listenPort, "127.0.0.1", () =>
      resolve({
        counts,
        reset: () => counts.clear(),
        snapshot: () => Object.fromEntries([...counts].sort()),
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}
