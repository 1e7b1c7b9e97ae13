/**
 * Runs the pane's jobs: in a Web Worker where the browser has one, so the page never freezes;
 * on the page itself where it has none (jsdom tests). A run can be cancelled: the worker is
 * stopped and a fresh one starts with the next job.
 *
 * A report's findings stay where the job made them: the page gets the report without them (with
 * their counts) and asks for the rows it shows (./findings-query.ts).
 */

import { Keeper, sentBy, type FindingsQuery, type FindingsWindow, type PageResult } from "./findings-query";
import type { Job, JobStage } from "./jobs";

export type { PageResult };

/** What the page sends the worker: a job, or a question about the last report's findings. */
export type WorkerRequest = Job | { kind: "query"; id: number; version: number; q: FindingsQuery };

export type WorkerMessage =
  | { type: "stage"; stage: JobStage }
  | { type: "done"; result: PageResult }
  | { type: "answer"; id: number; window: FindingsWindow | undefined }
  | { type: "error"; error: { name: string; message: string; code?: string; detail?: string } };

/** A run the user cancelled; the pane says so and keeps what it showed before. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

export interface Engine {
  run(job: Job, onStage: (s: JobStage) => void): Promise<PageResult>;
  /**
   * Rows of report `version`'s findings; undefined when they are no longer kept (a newer report,
   * or a cancelled run stopped the worker that held them).
   */
  query(version: number, q: FindingsQuery): Promise<FindingsWindow | undefined>;
  cancel(): void;
}

/** An error from the worker as the page can word it (InputError keeps its code and detail). */
function revive(e: { name: string; message: string; code?: string; detail?: string }): Error {
  const err = new Error(e.message) as Error & { code?: string; detail?: string };
  err.name = e.name;
  if (e.code !== undefined) err.code = e.code;
  if (e.detail !== undefined) err.detail = e.detail;
  return err;
}

/** On the page: the same jobs, for hosts without workers. Cancelling drops the result. */
function inlineEngine(): Engine {
  let generation = 0;
  const keeper = new Keeper();
  return {
    async run(job, onStage) {
      const mine = ++generation;
      const { runJob } = await import(/* webpackChunkName: "check" */ "./jobs");
      const result = await runJob(job, (s) => mine === generation && onStage(s));
      if (mine !== generation) throw new CancelledError();
      return keeper.keep(result, sentBy(job));
    },
    async query(version, q) {
      return keeper.query(version, q);
    },
    cancel() {
      generation++;
    },
  };
}

function workerEngine(): Engine {
  let worker: Worker | undefined;
  let pending:
    { resolve(r: PageResult): void; reject(e: Error): void; onStage(s: JobStage): void } | undefined;
  const asked = new Map<number, (w: FindingsWindow | undefined) => void>();
  let nextId = 1;
  const stop = () => {
    worker?.terminate();
    worker = undefined;
    // The findings went with the worker.
    for (const answer of asked.values()) answer(undefined);
    asked.clear();
  };
  const start = async (): Promise<Worker> => {
    if (worker) return worker;
    const { startWorker } = await import(/* webpackChunkName: "worker-client" */ "./worker-client");
    if (worker) return worker;
    const w = startWorker();
    worker = w;
    w.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === "answer") {
        asked.get(m.id)?.(m.window);
        asked.delete(m.id);
        return;
      }
      const p = pending;
      if (!p) return;
      if (m.type === "stage") p.onStage(m.stage);
      else {
        pending = undefined;
        if (m.type === "done") p.resolve(m.result);
        else p.reject(revive(m.error));
      }
    };
    w.onerror = (e) => {
      const p = pending;
      pending = undefined;
      stop();
      p?.reject(new Error(e.message || "worker failed"));
    };
    return w;
  };
  return {
    async run(job, onStage) {
      const w = await start();
      return new Promise<PageResult>((resolve, reject) => {
        pending = { resolve, reject, onStage };
        w.postMessage(job);
      });
    },
    async query(version, q) {
      // No worker: the one that held the findings was stopped.
      const w = worker;
      if (!w) return undefined;
      const id = nextId++;
      return new Promise<FindingsWindow | undefined>((resolve) => {
        asked.set(id, resolve);
        w.postMessage({ kind: "query", id, version, q } satisfies WorkerRequest);
      });
    },
    cancel() {
      const p = pending;
      pending = undefined;
      stop();
      p?.reject(new CancelledError());
    },
  };
}

export function createEngine(): Engine {
  return typeof Worker === "undefined" ? inlineEngine() : workerEngine();
}
