/** A one-line progress bar on stderr, shown only when stderr is a terminal. */

import type { Stage } from "../app/apply";
import type { Lang } from "../core/settings";

const STAGES: Stage[] = ["read", "check", "plan", "write"];
const LABELS: Record<Lang, Record<Stage | "save", string>> = {
  zh: { read: "读取工作簿", check: "校验", plan: "规划修改", write: "写入修改", save: "保存文件" },
  en: {
    read: "reading the workbook",
    check: "checking",
    plan: "planning changes",
    write: "writing changes",
    save: "saving",
  },
};
const WIDTH = 24;

export interface Progress {
  stage(s: Stage | "save"): void;
  done(): void;
}

export function progressBar(stream: NodeJS.WriteStream, lang: Lang): Progress {
  if (!stream.isTTY) return { stage: () => {}, done: () => {} };
  const started = Date.now();
  return {
    stage(s) {
      const i = s === "save" ? STAGES.length : STAGES.indexOf(s);
      const filled = Math.round((WIDTH * i) / (STAGES.length + 1));
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(
        `\r[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${LABELS[lang][s]}… ${secs}s\x1b[K`,
      );
    },
    done() {
      stream.write("\r\x1b[K");
    },
  };
}

/**
 * A progress bar that stays silent for the first `ms`: a check that reads its file in half a
 * second prints nothing, one that takes longer shows where it is. The stage current when the
 * delay runs out is shown then (the timer never keeps the process alive).
 */
export function delayedProgress(
  inner: Progress,
  ms: number,
  clock: { now(): number; setTimeout(f: () => void, ms: number): { unref?(): void } | void } = {
    now: () => Date.now(),
    setTimeout: (f, t) => setTimeout(f, t),
  },
): Progress {
  const started = clock.now();
  let current: Stage | "save" | undefined;
  let shown = false;
  let finished = false;
  const timer = clock.setTimeout(() => {
    if (!finished && current !== undefined) {
      shown = true;
      inner.stage(current);
    }
  }, ms);
  if (timer && typeof timer === "object") timer.unref?.();
  return {
    stage(s) {
      current = s;
      if (shown || clock.now() - started >= ms) {
        shown = true;
        inner.stage(s);
      }
    },
    done() {
      finished = true;
      if (shown) inner.done();
    },
  };
}
