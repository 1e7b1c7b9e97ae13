/**
 * Runs the pane's jobs: in a Web Worker where the browser has one, so the page never freezes;
 * on the page itself where it has none (jsdom tests). A run can be cancelled: the worker is
 * stopped and a fresh one starts with the next job.
 */

import type { Job, JobResult, JobStage, PaneFinding } from "./jobs";

export type WorkerMessage =
  | { type: "stage"; stage: JobStage }
  | { type: "findings"; findings: PaneFinding[] }
  | { type: "done"; result: JobResult }
  | { type: "error"; error: { name: string; message: string; code?: string; detail?: string } };

/** A run the user cancelled; the pane says so and keeps what it showed before. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

export interface Engine {
  run(job: Job, onStage: (s: JobStage) => void): Promise<JobResult>;
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
  return {
    async run(job, onStage) {
      const mine = ++generation;
      const { runJob } = await import(/* webpackChunkName: "check" */ "./jobs");
      const result = await runJob(job, (s) => mine === generation && onStage(s));
      if (mine !== generation) throw new CancelledError();
      return result;
    },
    cancel() {
      generation++;
    },
  };
}

function workerEngine(): Engine {
  let worker: Worker | undefined;
  let pending: { reject(e: Error): void } | undefined;
  const stop = () => {
    worker?.terminate();
    worker = undefined;
  };
  return {
    async run(job, onStage) {
      if (!worker) {
        const { startWorker } = await import(/* webpackChunkName: "worker-client" */ "./worker-client");
        worker = startWorker();
      }
      const w = worker;
      return new Promise<JobResult>((resolve, reject) => {
        const findings: PaneFinding[] = [];
        pending = { reject };
        const done = () => {
          w.onmessage = null;
          w.onerror = null;
          pending = undefined;
        };
        w.onmessage = (e: MessageEvent<WorkerMessage>) => {
          const m = e.data;
          if (m.type === "stage") onStage(m.stage);
          else if (m.type === "findings") {
            for (const f of m.findings) findings.push(f);
          } else if (m.type === "done") {
            done();
            const r = m.result;
            resolve(r.report ? { ...r, report: { ...r.report, findings } } : r);
          } else {
            done();
            reject(revive(m.error));
          }
        };
        w.onerror = (e) => {
          done();
          stop();
          reject(new Error(e.message || "worker failed"));
        };
        w.postMessage(job);
      });
    },
    cancel() {
      stop();
      pending?.reject(new CancelledError());
      pending = undefined;
    },
  };
}

export function createEngine(): Engine {
  return typeof Worker === "undefined" ? inlineEngine() : workerEngine();
}
