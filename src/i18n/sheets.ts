/**
 * Words on the sheets the product writes (校验报告, 操作日志, 设置, normalised copies) and in its
 * data-validation messages, in zh-CN and en-US. Sheet and table names are not here: they are the
 * workbook's state contract (SPEC §7) and stay Chinese whatever the language.
 */

import type { Severity } from "../core/findings";
import type { HostNote } from "../core/patch/decisions";
import type { Lang } from "../core/settings";

/** Where a check's as-of date came from: given for the run, the workbook's 设置, or today. */
export type AsOfSource = "given" | "workbook" | "today";

export interface SheetWords {
  report: {
    title: string;
    asOf: string;
    generated: string;
    total: string;
    byRule: string;
    none: string;
    noFindings: string;
    headers: [string, string, string, string, string, string, string, string];
    /** The list holds `listed` findings and leaves `omitted` out: where to get them all. */
    omitted: (listed: number, omitted: number) => string;
    /** The line a reviewer signs and dates on the printout. */
    reviewer: string;
    reviewDate: string;
    /** Label of the checked workbook's file name. */
    workbook: string;
    /** Where the as-of date came from, and what it is for. */
    asOfFrom: Record<AsOfSource, string>;
  };
  severity: Record<Severity, string>;
  log: {
    headers: [string, string, string, string, string, string, string];
    apply: string;
    clear: string;
    normalize: string;
    /** A 设置 edit from the task pane, and the words of its note. */
    settings: string;
    today: string;
    empty: string;
    holidayAdded: string;
    holidayRemoved: string;
    mapping: string;
    automatic: string;
    separator: string;
    more: (n: number) => string;
    /** Summary of an apply run. */
    applied: (a: {
      tables: number;
      copies: number;
      marks: number;
      normalized: number;
      /** Absent when the run wrote no notices (`--no-notices`). */
      notices?: { written: number; created: number; deferred: number };
    }) => string;
    cleared: string;
    /** Clear left these protected sheets' marks in place (Excel would refuse to remove them). */
    clearedExcept: (sheets: string[]) => string;
    /** A product sheet that took a free name because a user's sheet holds the one it wanted. */
    renamed: (wanted: string, sheet: string) => string;
    /** A row for what the host could not do as planned (co-authors' edits, an older Excel). */
    hostNotes: string;
    hostNote: (n: HostNote) => string;
  };
  settings: {
    params: string;
    holidays: string;
    notes: Record<string, string>;
    holidayNote: string;
  };
  validation: {
    date: string;
    money: string;
    percentFraction: string;
    percent100: string;
    yesno: string;
  };
  /** Header of the column on a normalised copy that names the original row. */
  sourceRow: string;
  /** Ends a text cut to fit in one cell. */
  truncated: string;
}

const zh: SheetWords = {
  report: {
    title: "校验报告",
    asOf: "校验日期",
    generated: "生成时间",
    total: "合计",
    byRule: "按规则",
    none: "无",
    noFindings: "未发现问题",
    headers: ["序号", "严重程度", "规则", "工作表", "单元格", "字段", "值", "说明"],
    omitted: (listed, omitted) =>
      `下表只列出 ${listed} 条（错误优先），另有 ${omitted} 条未列出。完整清单：运行 ptrack check 文件名 --json，或在任务窗格的“校验”页查看。`,
    reviewer: "审核人（签字）：",
    reviewDate: "审核日期：",
    workbook: "工作簿",
    asOfFrom: {
      given: "运行时指定的日期；逾期天数、即将到期均按此日计算",
      workbook: "取自「设置」表的校验日期；逾期天数、即将到期均按此日计算",
      today: "生成当天（北京时间）；逾期天数、即将到期均按此日计算",
    },
  },
  severity: { error: "错误", warning: "警告", info: "提示" },
  log: {
    headers: ["时间", "用户", "操作", "错误", "警告", "提示", "说明"],
    apply: "应用",
    clear: "清除",
    normalize: "规范化",
    settings: "修改设置",
    today: "今天",
    empty: "（空）",
    holidayAdded: "新增节假日",
    holidayRemoved: "删除节假日",
    mapping: "列映射",
    automatic: "自动识别",
    separator: "；",
    more: (n) => `；另有 ${n} 处`,
    applied: (a) =>
      [
        `新建表格 ${a.tables} 个`,
        a.copies > 0 ? `整理副本 ${a.copies} 个` : "",
        `标记单元格 ${a.marks} 个`,
        a.normalized > 0 ? `规范化 ${a.normalized} 处` : "",
        a.notices ? `通知 ${a.notices.written} 份（新开 ${a.notices.created} 份）` : "",
        a.notices && a.notices.deferred > 0 ? `另有 ${a.notices.deferred} 份待下次生成` : "",
      ]
        .filter(Boolean)
        .join("，"),
    cleared: "已清除全部标记与高亮",
    clearedExcept: (sheets) =>
      `已清除标记与高亮；受保护的工作表${sheets.map((n) => `「${n}」`).join("、")}未改动，撤销保护后再清除`,
    renamed: (wanted, sheet) => `已有用户自己的工作表「${wanted}」，未改动；本产品改用「${sheet}」`,
    hostNotes: "应用说明",
    hostNote: (n) => {
      const at = `${n.sheet}${n.range ? `!${n.range}` : ""}`;
      switch (n.code) {
        case "sheet-missing":
          return `工作表 ${n.sheet} 已不存在，未写入`;
        case "table-missing":
          return `${at} 的表格 ${n.detail ?? ""} 已不存在，行已写在原处`;
        case "table-overlap":
          return `${at} 与表格 ${n.detail ?? ""} 重叠，未建表`;
        case "table-renamed":
          return `${at} 的表格名已被占用，改名为 ${n.detail ?? ""}`;
        case "table-header-filled":
          return `${at} 表头为空或重复，填为 ${n.detail ?? ""}`;
        case "autofilter-removed":
          return `${at} 的筛选与新表格重叠，已移除`;
        case "validation-user-overlap":
          return `${at} 已有用户的数据验证，保留未改`;
        case "feature-unsupported":
          return `${n.sheet}：此版本 Excel 不支持 ${n.detail ?? ""}，已略过`;
        case "cell-changed":
          return `${at} 在读取后被他人修改，未覆盖`;
        case "table-grown":
          return `${at} 的表格在读取后被他人追加了行，新行写在其下`;
      }
    },
  },
  settings: {
    params: "参数",
    holidays: "节假日",
    notes: {
      校验日期: "今天=按当天（北京时间）校验；填写日期则按该日校验",
      临近提醒工作日数: "到期前多少个工作日提示“临近”",
      临近提醒天数: "表格中“临近”黄色高亮提前的日历天数",
      实施通知工作日数: "签订后多少个工作日内发布项目实施通知",
      书面报告天数: "收到催款通知后多少日内提交书面报告",
      计划调整提前天数: "计划调整须提前多少日通知",
      公司名称: "通知单抬头使用",
      财务部名称: "通知单中的部门名称",
      销售部名称: "通知单中的部门名称",
      客服部名称: "通知单中的部门名称",
      总经办名称: "通知单中的部门名称",
      语言: "中文 或 English",
      甘特图: "应用时在单独的工作表上画甘特图：按日、按周或关闭",
    },
    holidayNote: "类型填“休”或“班”；此表优先于内置的国务院节假日安排",
  },
  validation: {
    date: "请输入有效日期，例如 2026-11-23",
    money: "请输入不小于 0 的金额",
    percentFraction: "请输入 0% 到 100% 之间的完成率",
    percent100: "请输入 0 到 100 之间的数字（百分数）",
    yesno: "请选择“是”或“否”",
  },
  sourceRow: "原行号",
  truncated: "…（已截断）",
};

const en: SheetWords = {
  report: {
    title: "Validation report",
    asOf: "As of",
    generated: "Generated",
    total: "Total",
    byRule: "By rule",
    none: "none",
    noFindings: "No findings",
    headers: ["No.", "Severity", "Rule", "Sheet", "Cell", "Field", "Value", "Message"],
    omitted: (listed, omitted) =>
      `The list below shows ${listed} findings (errors first); ${omitted} more are not listed. For all of them run ptrack check FILE --json, or open the 校验 page of the task pane.`,
    reviewer: "Reviewed by (signature):",
    reviewDate: "Date:",
    workbook: "Workbook",
    asOfFrom: {
      given: "The date given for this run; days overdue and due soon are counted to it",
      workbook: "The 校验日期 on the 设置 sheet; days overdue and due soon are counted to it",
      today: "The day of this report (Beijing time); days overdue and due soon are counted to it",
    },
  },
  severity: { error: "Error", warning: "Warning", info: "Info" },
  log: {
    headers: ["Time", "User", "Action", "Errors", "Warnings", "Infos", "Details"],
    apply: "Apply",
    clear: "Clear",
    normalize: "Normalize",
    settings: "Settings",
    today: "today",
    empty: "(empty)",
    holidayAdded: "holiday added",
    holidayRemoved: "holiday removed",
    mapping: "column mapping",
    automatic: "automatic",
    separator: "; ",
    more: (n) => `; ${n} more`,
    applied: (a) =>
      [
        `${a.tables} ${a.tables === 1 ? "table" : "tables"} created`,
        a.copies > 0 ? `${a.copies} normalised ${a.copies === 1 ? "copy" : "copies"}` : "",
        `${a.marks} ${a.marks === 1 ? "cell" : "cells"} marked`,
        a.normalized > 0 ? `${a.normalized} ${a.normalized === 1 ? "value" : "values"} normalised` : "",
        a.notices
          ? `${a.notices.written} ${a.notices.written === 1 ? "notice" : "notices"} (${a.notices.created} new)`
          : "",
        a.notices && a.notices.deferred > 0 ? `${a.notices.deferred} more left for the next run` : "",
      ]
        .filter(Boolean)
        .join(", "),
    cleared: "All marks and highlights removed",
    clearedExcept: (sheets) =>
      `Marks and highlights removed, except on the protected ${sheets.length === 1 ? "sheet" : "sheets"} ${sheets.join(", ")}; unprotect to clear them`,
    renamed: (wanted, sheet) =>
      `A sheet of your own is named "${wanted}" and was left as it is; the product wrote "${sheet}"`,
    hostNotes: "Apply notes",
    hostNote: (n) => {
      const at = `${n.sheet}${n.range ? `!${n.range}` : ""}`;
      switch (n.code) {
        case "sheet-missing":
          return `sheet ${n.sheet} no longer exists; nothing written there`;
        case "table-missing":
          return `table ${n.detail ?? ""} on ${at} no longer exists; rows written where planned`;
        case "table-overlap":
          return `${at} overlaps table ${n.detail ?? ""}; no table made`;
        case "table-renamed":
          return `table name taken at ${at}; named ${n.detail ?? ""}`;
        case "table-header-filled":
          return `empty or repeated header at ${at} filled as ${n.detail ?? ""}`;
        case "autofilter-removed":
          return `filter at ${at} overlapped the new table; removed`;
        case "validation-user-overlap":
          return `${at} has the user's own data validation; left as it is`;
        case "feature-unsupported":
          return `${n.sheet}: this Excel does not support ${n.detail ?? ""}; skipped`;
        case "cell-changed":
          return `${at} was changed by someone else after the read; not overwritten`;
        case "table-grown":
          return `the table at ${at} grew after the read (a co-author's rows); new rows went below them`;
      }
    },
  },
  settings: {
    params: "Parameters",
    holidays: "Holidays",
    notes: {
      校验日期: "今天 = check as of today (Beijing time); a date = check as of that date",
      临近提醒工作日数: "Working days ahead a deadline counts as due soon",
      临近提醒天数: "Calendar days ahead the amber due-soon highlight starts",
      实施通知工作日数: "Working days after signing to issue the 项目实施通知",
      书面报告天数: "Days after a 催款通知单 to hand in the written report",
      计划调整提前天数: "Days ahead a plan change must be notified",
      公司名称: "Shown on notices",
      财务部名称: "Department name on notices",
      销售部名称: "Department name on notices",
      客服部名称: "Department name on notices",
      总经办名称: "Department name on notices",
      语言: "中文 or English",
      甘特图: "Apply draws a Gantt band on a sheet of its own: 按日 (days), 按周 (weeks) or 关闭 (off)",
    },
    holidayNote: "类型 is 休 (day off) or 班 (working day); this table wins over the bundled calendar",
  },
  validation: {
    date: "Enter a valid date, e.g. 2026-11-23",
    money: "Enter an amount of 0 or more",
    percentFraction: "Enter a completion rate between 0% and 100%",
    percent100: "Enter a number between 0 and 100 (percent)",
    yesno: "Choose 是 (yes) or 否 (no)",
  },
  sourceRow: "Source row",
  truncated: "… (truncated)",
};

export function sheetWords(lang: Lang): SheetWords {
  return lang === "en" ? en : zh;
}
