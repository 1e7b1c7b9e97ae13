/**
 * Ribbon commands: 校验, 标记逾期, 生成通知 and 设为基线 run the same use-cases as the task pane and the CLI,
 * on the open workbook through ExcelHost, without opening the pane. A command shows nothing but
 * one notification with its outcome (or what went wrong, in plain words) and always calls
 * `event.completed()`, so Excel never waits on a handler.
 */

import { runApply } from "../app/apply";
import { runBaselineSet } from "../app/baseline";
import { refusalMessage } from "../core/plan/baseline";
import { baselineWords } from "../i18n/baseline";
import { checkSnapshot } from "../app/check";
import type { Lang } from "../core/settings";
import type { WorkbookHost } from "../host/host";

export interface Notice {
  kind: "info" | "error";
  text: string;
}

export interface CommandDeps {
  host: WorkbookHost;
  notify(n: Notice): Promise<void> | void;
  lang: Lang;
  user: string;
  now?: Date;
}

/** An action's outcome: a sentence to show, or a notice of its own kind (a refusal is an error). */
type Action = (d: CommandDeps) => Promise<string | Notice>;

const WORDS = {
  zh: {
    checked: (e: number, w: number, i: number) =>
      `校验完成：错误 ${e} 个，警告 ${w} 个，提示 ${i} 个。打开面板查看每一条。`,
    marked: (e: number, w: number) => `已标记逾期并写入校验报告：错误 ${e} 个，警告 ${w} 个。`,
    noticed: (n: number, created: number, deferred: number) =>
      `已生成通知 ${n} 份（新开 ${created} 份）并登记到通知台账。` +
      (deferred > 0 ? `另有 ${deferred} 份超过单次上限，再次点击「生成通知」继续。` : ""),
    noCompany: (n: number) =>
      `${n} 份新通知未生成，因为「设置」中没有作通知抬头的公司名称：在面板「设置」页填写公司名称后，再点击「生成通知」。`,
    failed: (what: string) => `操作没有完成：${what}。工作簿未被部分修改时可直接重试。`,
    unknown: "发生了未知错误",
  },
  en: {
    checked: (e: number, w: number, i: number) =>
      `Validation done: ${e} errors, ${w} warnings, ${i} notes. Open the pane to see each one.`,
    marked: (e: number, w: number) =>
      `Overdue work highlighted and the report written: ${e} errors, ${w} warnings.`,
    noticed: (n: number, created: number, deferred: number) =>
      `${n} notice(s) generated (${created} new) and entered in the register.` +
      (deferred > 0 ? ` ${deferred} more are over the per-run limit: click Generate notices again.` : ""),
    noCompany: (n: number) =>
      `${n} new notice(s) not written because 设置 has no company name for the letterhead: fill it in on the pane's Settings page, then click Generate notices again.`,
    failed: (what: string) => `The command did not finish: ${what}. You can run it again.`,
    unknown: "an unexpected error",
  },
};

export const validate: Action = async (d) => {
  const report = checkSnapshot(await d.host.read(), { lang: d.lang, now: d.now });
  const s = report.summary;
  return WORDS[d.lang].checked(s.errors, s.warnings, s.infos);
};

/** 标记逾期: the apply use-case without notices (structure, highlights, marks, report, log). */
export const markOverdue: Action = async (d) => {
  const out = await runApply(d.host, {
    lang: d.lang,
    normalize: false,
    notices: false,
    user: d.user,
    now: d.now,
  });
  return WORDS[d.lang].marked(out.report.summary.errors, out.report.summary.warnings);
};

/** 生成通知: the apply use-case with the notice sheets and the 通知台账. */
export const generateNotices: Action = async (d) => {
  const out = await runApply(d.host, {
    lang: d.lang,
    normalize: false,
    notices: true,
    // A notice goes out under the company's name: none is issued without it.
    requireCompany: true,
    user: d.user,
    now: d.now,
  });
  const w = WORDS[d.lang];
  const noticed = w.noticed(out.notices?.written ?? 0, out.notices?.created ?? 0, out.deferredNotices);
  return out.noCompanyNotices ? w.noCompany(out.noCompanyNotices) : noticed;
};

/**
 * 设为基线: the current plan saved under the next free name (基线, 基线1 … 基线10). A command asks
 * nothing, so it never saves over a baseline: that choice is made in the pane.
 */
export const setBaseline: Action = async (d) => {
  const out = await runBaselineSet(d.host, { replace: false, lang: d.lang, user: d.user, now: d.now });
  if (!out.ok) return { kind: "error", text: refusalMessage(out.refusal, d.lang, "pane") };
  return baselineWords(d.lang).ribbonSaved(out.name, out.tasks);
};

/** A ribbon handler around an action: one notification, `event.completed()` whatever happens. */
export function handler(
  action: Action,
  deps: () => CommandDeps,
): (event: { completed(): void }) => Promise<void> {
  return async (event) => {
    let d: CommandDeps | undefined;
    try {
      d = deps();
      const out = await action(d);
      await d.notify(typeof out === "string" ? { kind: "info", text: out } : out);
    } catch (e) {
      const lang = d?.lang ?? "zh";
      const what = e instanceof Error && e.message ? e.message : WORDS[lang].unknown;
      try {
        await d?.notify({ kind: "error", text: WORDS[lang].failed(what) });
      } catch {
        // Nothing more can be shown from a command.
      }
    } finally {
      event.completed();
    }
  };
}

/** The function names the manifest's ExecuteFunction actions call. */
export const COMMANDS = {
  validate,
  markOverdue,
  generateNotices,
  setBaseline,
} as const;
