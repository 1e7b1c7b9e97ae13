/** Words of 设为基线: the CLI's sentences and table, the 操作日志 rows (zh-CN default, en-US). */

import type { Lang } from "../core/settings";

/** The pane's 基线 section. */
export interface BaselinePaneWords {
  heading: string;
  none: string;
  compared: (name: string, savedAt: string) => string;
  summary: (c: { changed: number; later: number; added: number; removed: number }) => string;
  unchanged: string;
  varianceLabel: string;
  columns: [string, string, string, string];
  added: string;
  removed: string;
  savedLabel: (n: number, max: number) => string;
  savedItem: (b: {
    name: string;
    version: number;
    savedAt: string;
    savedBy: string;
    tasks: number;
  }) => string;
  nameLabel: string;
  set: string;
  confirmReplace: (name: string, savedAt: string) => string;
  done: (name: string, tasks: number, replaced: boolean, version: number) => string;
  more: (n: number) => string;
}

export interface BaselineWords {
  pane: BaselinePaneWords;
  /** 操作日志 action and notes. */
  logAction: string;
  logSaved: (name: string, tasks: number) => string;
  logReplaced: (name: string, version: number, tasks: number) => string;
  /** Refusals: one sentence each. */
  exists: (name: string, savedAt: string) => string;
  full: (max: number, names: string[]) => string;
  /** The same two refusals where the choice is made in the pane, not with CLI flags. */
  existsPane: (name: string, savedAt: string) => string;
  fullPane: (max: number, names: string[]) => string;
  /** The ribbon's outcome. */
  ribbonSaved: (name: string, tasks: number) => string;
  noSchedule: string;
  noTasks: string;
  badName: (name: string, max: number) => string;
  unknown: (name: string, names: string[]) => string;
  none: string;
  structureProtected: string;
  sheetProtected: (sheet: string) => string;
  usage: string;
  unknownSub: (s: string) => string;
  missingFile: (sub: string) => string;
  onlyForBaseline: (flag: string) => string;
  onlyForSet: (flag: string) => string;
  /** Outcomes. */
  saved: (name: string, tasks: number) => string;
  replaced: (name: string, version: number, tasks: number) => string;
  listHeading: (n: number, max: number) => string;
  listRow: (b: { name: string; version: number; savedAt: string; savedBy: string; tasks: number }) => string;
  showHeading: (name: string, savedAt: string, asOf: string) => string;
  columns: string[];
  status: Record<"same" | "changed" | "added" | "removed", string>;
  totals: (c: { changed: number; added: number; removed: number; same: number; later: number }) => string;
  days: (n: number | undefined) => string;
}

const days = (n: number | undefined, unit: string) =>
  n === undefined ? "" : n === 0 ? "0" : `${n > 0 ? "+" : ""}${n}${unit}`;

const zh: BaselineWords = {
  pane: {
    heading: "基线",
    none: "还没有保存过基线。设为基线会把当前的计划开始、计划完成和工期保存在工作簿中，之后的调整都与它比较。",
    compared: (name, savedAt) => `与基线「${name}」比较（${savedAt} 保存），单位：工作日`,
    summary: (c) =>
      `已调整 ${c.changed} 个任务（完成推迟 ${c.later} 个），新增 ${c.added} 个，已删除 ${c.removed} 个。`,
    unchanged: "计划与基线一致。",
    varianceLabel: "与基线的偏差",
    columns: ["任务", "开始", "完成", "工期"],
    added: "新增",
    removed: "已删除",
    savedLabel: (n, max) => `已保存的基线（${n}/${max}）`,
    savedItem: (b) =>
      `${b.name} · 第 ${b.version} 版 · ${b.savedAt}${b.savedBy ? ` · ${b.savedBy}` : ""} · ${b.tasks} 个任务`,
    nameLabel: "基线名称",
    set: "设为基线",
    confirmReplace: (name, savedAt) =>
      `基线「${name}」已于 ${savedAt} 保存。覆盖它会保存一个新版本（旧版本仍保留在基线工作表上），并记入操作日志。确定覆盖吗？`,
    done: (name, tasks, replaced, version) =>
      replaced
        ? `已覆盖基线「${name}」（第 ${version} 版，${tasks} 个任务）。`
        : `已保存基线「${name}」：${tasks} 个任务。`,
    more: (n) => `另有 ${n} 个任务未列出（ptrack baseline show 列出全部）。`,
  },
  logAction: "设为基线",
  logSaved: (name, tasks) => `保存基线「${name}」：${tasks} 个任务的计划开始、计划完成和工期`,
  logReplaced: (name, version, tasks) =>
    `覆盖基线「${name}」（第 ${version} 版，${tasks} 个任务）；之前的版本仍保留在基线工作表上`,
  exists: (name, savedAt) =>
    `基线「${name}」已于 ${savedAt} 保存，不会被悄悄覆盖；要覆盖它请加 --replace，或用 --name 换一个名称。`,
  full: (max, names) =>
    `已有 ${max} 个基线（${names.join("、")}），不能再保存；请用 --name 和 --replace 覆盖其中一个。`,
  existsPane: (name, savedAt) => `基线「${name}」已于 ${savedAt} 保存；要覆盖它，请确认覆盖，或换一个名称。`,
  fullPane: (max, names) =>
    `已有 ${max} 个基线（${names.join("、")}），不能再保存；请在面板“逾期”页的基线列表中选一个覆盖。`,
  ribbonSaved: (name, tasks) =>
    `已把当前计划保存为基线「${name}」（${tasks} 个任务）；打开面板可查看与基线的偏差。`,
  noSchedule: "工作簿中没有识别到进度计划表，没有可保存的计划。",
  noTasks: "进度计划表中没有带 WBS、标识号或任务名称的任务，没有可保存的计划。",
  badName: (name, max) => `基线名称「${name}」不可用：名称不能为空，最多 ${max} 个字符。`,
  unknown: (name, names) =>
    names.length
      ? `没有名为「${name}」的基线；已保存的有 ${names.join("、")}。`
      : `没有名为「${name}」的基线；工作簿中还没有保存过基线。`,
  none: "工作簿中还没有保存过基线（用 ptrack baseline set 保存）。",
  structureProtected: "工作簿结构受保护，不能新建基线工作表；请先撤销工作簿保护（审阅 → 保护工作簿）。",
  sheetProtected: (sheet) => `基线工作表“${sheet}”受保护，不能写入；请先撤销该工作表的保护。`,
  usage: "请写明 set、list 或 show，例如 ptrack baseline set 文件.xlsx。",
  unknownSub: (s) => `未知的 baseline 子命令「${s}」，只能是 set、list 或 show。`,
  missingFile: (sub) => `请给出一个 .xlsx 文件，例如 ptrack baseline ${sub} 文件.xlsx。`,
  onlyForBaseline: (flag) => `${flag} 只用于 ptrack baseline。`,
  onlyForSet: (flag) => `${flag} 只用于 ptrack baseline set。`,
  saved: (name, tasks) => `已保存基线「${name}」：${tasks} 个任务。`,
  replaced: (name, version, tasks) =>
    `已覆盖基线「${name}」（第 ${version} 版，${tasks} 个任务），并记入操作日志。`,
  listHeading: (n, max) => `已保存的基线（${n}/${max}）`,
  listRow: (b) => `  ${b.name}  第 ${b.version} 版  ${b.savedAt}  ${b.savedBy || "—"}  ${b.tasks} 个任务`,
  showHeading: (name, savedAt, asOf) =>
    `与基线「${name}」（${savedAt} 保存）的偏差，截至 ${asOf}，单位：工作日`,
  columns: [
    "标识",
    "任务名称",
    "基线开始",
    "计划开始",
    "开始偏差",
    "基线完成",
    "计划完成",
    "完成偏差",
    "基线工期",
    "工期",
    "工期偏差",
    "状态",
  ],
  status: { same: "未变", changed: "已调整", added: "新增", removed: "已删除" },
  totals: (c) =>
    `合计：已调整 ${c.changed} 个（其中完成推迟 ${c.later} 个），新增 ${c.added} 个，已删除 ${c.removed} 个，未变 ${c.same} 个。`,
  days: (n) => days(n, ""),
};

const en: BaselineWords = {
  pane: {
    heading: "Baseline",
    none: "No baseline saved yet. Set baseline keeps the current planned start, finish and duration in the workbook; later changes are compared with it.",
    compared: (name, savedAt) => `Compared with baseline "${name}" (saved ${savedAt}), in working days`,
    summary: (c) =>
      `${c.changed} tasks changed (${c.later} finishing later), ${c.added} added, ${c.removed} removed.`,
    unchanged: "The plan matches the baseline.",
    varianceLabel: "Variance against the baseline",
    columns: ["Task", "Start", "Finish", "Duration"],
    added: "added",
    removed: "removed",
    savedLabel: (n, max) => `Saved baselines (${n}/${max})`,
    savedItem: (b) =>
      `${b.name} · v${b.version} · ${b.savedAt}${b.savedBy ? ` · ${b.savedBy}` : ""} · ${b.tasks} tasks`,
    nameLabel: "Baseline name",
    set: "Set baseline",
    confirmReplace: (name, savedAt) =>
      `Baseline "${name}" was saved on ${savedAt}. Overwriting it saves a new version (the old one stays on the baseline sheet) and is logged. Overwrite it?`,
    done: (name, tasks, replaced, version) =>
      replaced
        ? `Replaced baseline "${name}" (version ${version}, ${tasks} tasks).`
        : `Saved baseline "${name}": ${tasks} tasks.`,
    more: (n) => `${n} more tasks not listed (ptrack baseline show lists them all).`,
  },
  logAction: "Set baseline",
  logSaved: (name, tasks) => `Saved baseline "${name}": planned start, finish and duration of ${tasks} tasks`,
  logReplaced: (name, version, tasks) =>
    `Replaced baseline "${name}" (version ${version}, ${tasks} tasks); earlier versions stay on the baseline sheet`,
  exists: (name, savedAt) =>
    `Baseline "${name}" was saved on ${savedAt} and is never overwritten silently; add --replace to overwrite it, or choose another --name.`,
  full: (max, names) =>
    `The workbook already holds ${max} baselines (${names.join(", ")}); overwrite one with --name and --replace.`,
  existsPane: (name, savedAt) =>
    `Baseline "${name}" was saved on ${savedAt}; confirm to overwrite it, or choose another name.`,
  fullPane: (max, names) =>
    `The workbook already holds ${max} baselines (${names.join(", ")}); choose one to overwrite in the baseline list on the pane's Overdue page.`,
  ribbonSaved: (name, tasks) =>
    `The current plan was saved as baseline "${name}" (${tasks} tasks); open the pane to see the variance.`,
  noSchedule: "No schedule was recognised in the workbook, so there is no plan to save.",
  noTasks: "The schedule has no task with a WBS, ID or name, so there is no plan to save.",
  badName: (name, max) =>
    `The baseline name "${name}" cannot be used: it must not be empty and has at most ${max} characters.`,
  unknown: (name, names) =>
    names.length
      ? `There is no baseline named "${name}"; the saved ones are ${names.join(", ")}.`
      : `There is no baseline named "${name}"; the workbook holds no baseline yet.`,
  none: "The workbook holds no baseline yet (save one with ptrack baseline set).",
  structureProtected:
    "The workbook's structure is protected, so no baseline sheet can be added; unprotect the workbook (Review → Protect Workbook) first.",
  sheetProtected: (sheet) =>
    `The baseline sheet "${sheet}" is protected and cannot be written; unprotect it first.`,
  usage: "Say set, list or show, e.g. ptrack baseline set FILE.xlsx.",
  unknownSub: (s) => `Unknown baseline subcommand "${s}"; use set, list or show.`,
  missingFile: (sub) => `Give one .xlsx file, e.g. ptrack baseline ${sub} FILE.xlsx.`,
  onlyForBaseline: (flag) => `${flag} is for ptrack baseline only.`,
  onlyForSet: (flag) => `${flag} is for ptrack baseline set only.`,
  saved: (name, tasks) => `Saved baseline "${name}": ${tasks} tasks.`,
  replaced: (name, version, tasks) =>
    `Replaced baseline "${name}" (version ${version}, ${tasks} tasks), recorded in the log.`,
  listHeading: (n, max) => `Saved baselines (${n}/${max})`,
  listRow: (b) => `  ${b.name}  v${b.version}  ${b.savedAt}  ${b.savedBy || "—"}  ${b.tasks} tasks`,
  showHeading: (name, savedAt, asOf) =>
    `Variance against baseline "${name}" (saved ${savedAt}), as of ${asOf}, in working days`,
  columns: [
    "Key",
    "Task",
    "BL start",
    "Start",
    "Start var",
    "BL finish",
    "Finish",
    "Finish var",
    "BL dur",
    "Dur",
    "Dur var",
    "Status",
  ],
  status: { same: "same", changed: "changed", added: "added", removed: "removed" },
  totals: (c) =>
    `Total: ${c.changed} changed (${c.later} finishing later), ${c.added} added, ${c.removed} removed, ${c.same} unchanged.`,
  days: (n) => days(n, ""),
};

export function baselineWords(lang: Lang): BaselineWords {
  return lang === "en" ? en : zh;
}
