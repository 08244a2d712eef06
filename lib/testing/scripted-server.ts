import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP server on loopback whose answers a test scripts in order, so the
// transport is exercised over real sockets rather than a mocked fetch.

export interface RecordedRequest {
  headers: IncomingMessage["headers"];
  body: { query?: string; variables?: Record<string, unknown> };
}

export type Reply = (req: IncomingMessage, res: ServerResponse) => void;

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(
  replies: Reply[],
  fallback?: Reply,
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      requests.push({ headers: req.headers, body: raw ? JSON.parse(raw) : {} });
      const reply = replies.shift() ?? fallback;
      if (!reply) {
        res.writeHead(500).end("no scripted reply left");
        return;
      }
      reply(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res
      .writeHead(status, { "content-type": "application/json", ...headers })
      .end(JSON.stringify(body));
  };

export const text =
  (body: string, status: number, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "text/html", ...headers }).end(body);
  };
