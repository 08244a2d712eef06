import { createServer, type Server } from "node:http";

/**
 * A wiki stand-in: a page on its own origin that frames Healthboard embeds and
 * sizes them with the snippet Healthboard hands out.
 */
export async function startHostPage(port: number, body: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html><head><title>Wiki page</title></head><body>${body}</body></html>`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return server;
}

export function stopHostPage(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
