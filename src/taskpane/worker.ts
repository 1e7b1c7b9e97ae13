/**
 * The pane's Web Worker: runs a job (./jobs.ts) off the page's thread and posts back its stages,
 * its findings in slices (so no single message takes the page long to receive) and its result.
 */

import { prepareLive, runJob, type Job } from "./jobs";
import type { WorkerMessage } from "./engine";

/** Findings per message: each one costs the page a short task to take in. */
const SLICE = 1000;

const post = (m: WorkerMessage, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<Job>) => {
  try {
    const result = await runJob(e.data, (stage) => post({ type: "stage", stage }));
    post({ type: "stage", stage: "send" });
    const findings = result.report?.findings ?? [];
    for (let i = 0; i < findings.length; i += SLICE)
      post({ type: "findings", findings: findings.slice(i, i + SLICE) });
    const report = result.report && { ...result.report, findings: [] };
    post(
      { type: "done", result: { ...result, report } },
      result.bytes ? [result.bytes.buffer as ArrayBuffer] : [],
    );
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
