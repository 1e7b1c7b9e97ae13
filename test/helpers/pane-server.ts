/**
 * The built task pane served on loopback and the Chromium that opens it, shared by the
 * end-to-end test and the pane's bench so both see the pane the same way.
 */

import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

export const DIST = join(__dirname, "..", "..", "dist");
/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";
/** Headless, and no background connections: this machine has no network but the registries. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serve `dir` (the production build) on 127.0.0.1 at a free port. */
export function serveDist(dir = DIST): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^[/\\]+/,
      "",
    );
    const file = join(dir, path || "taskpane.html");
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
