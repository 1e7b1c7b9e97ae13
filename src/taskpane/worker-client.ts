/** Starts the pane's worker. Its own module: `import.meta` exists only in the bundle, never in jsdom tests. */

export function startWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), { name: "ptrack" });
}
