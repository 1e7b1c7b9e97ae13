/**
 * The pane's Web Worker: runs a job (./jobs.ts) off the page's thread and posts back its stages
 * and its result. The report's findings stay here: the page gets their counts and asks for the
 * rows it shows (./findings-query.ts), so no message grows with the workbook's findings.
 */

import { prepareLive, runJob } from "./jobs";
import type { WorkerMessage, WorkerRequest } from "./engine";
import { Keeper, sentBy } from "./findings-query";

const post = (m: WorkerMessage, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer);

const keeper = new Keeper();

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const job = e.data;
  if (job.kind === "query") {
    post({ type: "answer", id: job.id, window: keeper.query(job.version, job.q) });
    return;
  }
  try {
    const result = await runJob(job, (stage) => post({ type: "stage", stage }));
    post({ type: "stage", stage: "send" });
    const out = keeper.keep(result, sentBy(job));
    post({ type: "done", result: out }, out.bytes ? [out.bytes.buffer as ArrayBuffer] : []);
    // While the user reads the findings: live validation's memory of this check, for the first edit.
    setTimeout(prepareLive, 0);
  } catch (err) {
    const x = err as Error & { code?: string; detail?: string };
    post({
      type: "error",
      error: {
        name: x?.name ?? "Error",
        message: x?.message ?? String(err),
        code: x?.code,
        detail: x?.detail,
      },
    });
  }
};
