/** Words of the `ptrack` command line: usage, headings, labels (zh-CN default, en-US). */

import type { Severity } from "../core/findings";
import { KIND_NAMES, KINDS, type Kind } from "../core/kinds";
import type { Lang } from "../core/settings";

export const USAGE: Record<Lang, string> = {
  zh: `用法:
  ptrack check 文件.xlsx [--today YYYY-MM-DD] [--json] [--lang zh|en]
               [--table '工作表!A3=schedule'] [--map '工作表!F=planEnd']
  ptrack apply 文件.xlsx [-o 输出.xlsx | --in-place] [--today …] [--normalize] [--no-notices]
               [--table …] [--map …] [--gantt[=day|week|off]]
               [--company 公司名称]
  ptrack clear 文件.xlsx [-o 输出.xlsx | --in-place]
  ptrack baseline set 文件.xlsx [--name 基线1] [--replace] [-o 输出.xlsx | --in-place]
  ptrack baseline list 文件.xlsx [--json]
  ptrack baseline show 文件.xlsx [--name 基线1] [--today …] [--json]
  ptrack demo [目录]

退出码: 0 无错误；1 有错误级别的问题；2 输入无法使用或用法错误。`,
  en: `Usage:
  ptrack check FILE.xlsx [--today YYYY-MM-DD] [--json] [--lang zh|en]
               [--table 'SHEET!A3=schedule'] [--map 'SHEET!F=planEnd']
  ptrack apply FILE.xlsx [-o OUT.xlsx | --in-place] [--today …] [--normalize] [--no-notices]
               [--table …] [--map …] [--gantt[=day|week|off]]
               [--company NAME]
  ptrack clear FILE.xlsx [-o OUT.xlsx | --in-place]
  ptrack baseline set FILE.xlsx [--name 基线1] [--replace] [-o OUT.xlsx | --in-place]
  ptrack baseline list FILE.xlsx [--json]
  ptrack baseline show FILE.xlsx [--name 基线1] [--today …] [--json]
  ptrack demo [DIR]

Exit status: 0 no error findings; 1 error findings; 2 unusable input or usage.`,
};

const WORDS = {
  zh: {
    report: "校验报告",
    asOf: "截至",
    tables: "识别的表格",
    noTables: "未识别到进度计划表、合同执行情况表或收款计划表。",
    unmapped: "未映射列",
    skipped: "未运行的规则（缺少字段）",
    sameShape: (n: number, places: string[], rows: number, cols: number) =>
      `${n} 张相同结构的表（${places.join("、")}${n > places.length ? " 等" : ""}），共 ${rows} 行，每张 ${cols} 列已映射`,
    processSkipped: (n: number) => `流程规则 ${n} 条（表中没有它们读取的列）`,
    noChangeRegister: "工作簿中没有变更申请登记",
    summary: "合计",
    notices: "将生成的通知",
    none: "未发现问题。",
    more: (n: number) => `… 另有 ${n} 条（用 --json 查看全部）`,
    unknownCommand: (c: string) => `未知命令「${c}」。`,
    missingFile: "请给出要校验的 .xlsx 文件。",
    oneFile: (files: string[]) => `一次只处理一个工作簿，收到 ${files.length} 个：${files.join("、")}。`,
    unknownOption: (o: string) => `没有「${o}」这个选项。`,
    optionNeedsValue: (o: string) => `选项 ${o} 后面需要一个值。`,
    optionTakesNoValue: (o: string) => `选项 ${o} 不带值。`,
    noSheet: (given: string, sheet: string, sheets: string[]) =>
      `${given}：工作簿中没有名为「${sheet}」的工作表（有：${sheets.join("、")}）。`,
    emptyHeader: (given: string, row: number, column: string) =>
      `${given}：第 ${row} 行从 ${column} 列起是空的；声明的单元格应是表头的第一个单元格。`,
    badToday: (v: string) => `--today 需要 YYYY-MM-DD 格式的有效日期，收到「${v}」。`,
    badLang: (v: string) => `--lang 只能是 zh 或 en，收到「${v}」。`,
    badGantt: (v: string) => `--gantt 只能是 day（按日）、week（按周）或 off（关闭），收到「${v}」。`,
    gantt: (sheet: string, tasks: number, columns: number, rules: number) =>
      `甘特图已画在「${sheet}」：${tasks} 个任务 × ${columns} 列，${rules} 条条件格式。`,
    badTable: (v: string) =>
      `--table 应写成 工作表!单元格=种类（如 'Sheet1!A3=schedule'，种类为 ${KINDS.join("、")}），收到「${v}」。`,
    badMap: (v: string) =>
      `--map 应写成 工作表!列=字段（如 'Sheet1!F=planEnd' 或 'Sheet1!F=计划完成'），收到「${v}」。`,
    badOption: (m: string) => `参数有误：${m}`,
    internal: (m: string) => `内部错误：${m}。请把这个文件和这句话反馈给我们。`,
    demoWrote: (p: string) => `示例工作簿已写入 ${p}`,
    demoApplied: (p: string) => `已应用（表格、数据验证、逾期高亮、错误标记、校验报告）的工作簿已写入 ${p}`,
    wrote: (p: string) => `已写入 ${p}`,
    normalized: (n: number) => `已将 ${n} 个文本日期或金额转换为真正的日期或数字（见“操作日志”）。`,
    outputOrInPlace: "-o 与 --in-place 只能选一个。",
    noCompany: (n: number) =>
      `${n} 份新通知未生成，因为「设置」中没有作通知抬头的公司名称：在「设置」的参数中填写公司名称，或加 --company 公司名称，再运行 apply。`,
    badCompany: "--company 需要公司名称，不能为空。",
    deferredNotices: (n: number) => `另有 ${n} 份新通知超过单次上限，未生成；再次运行 apply 会继续生成。`,
    clearProtected: (names: string[]) =>
      `工作表${names.map((n) => `“${n}”`).join("、")}受保护，其上的标记与高亮未清除；撤销工作表保护后再运行 clear。`,
    protectedSheets: (names: string[]) =>
      `工作表${names.map((n) => `“${n}”`).join("、")}受保护，未作任何改动（表格、数字格式、数据验证、高亮和错误标记都没有加）；撤销工作表保护后再运行 apply。`,
    structureProtected: (names: string[]) =>
      `工作簿结构受保护，未新建工作表${names.map((n) => `“${n}”`).join("、")}，其余改动已写入；要生成它们，请先撤销工作簿保护（审阅 → 保护工作簿）。`,
    noticesProtected: (n: number) =>
      `${n} 份通知因工作簿保护未生成（通知工作表与“通知台账”要么一起写入，要么都不写）。`,
    reportOmitted: (listed: number, omitted: number, f: string) =>
      `“校验报告”只列出 ${listed} 条发现（错误优先），另有 ${omitted} 条未列出；完整清单：ptrack check ${shellArg(f)} --json`,
    renamed: (wanted: string, sheet: string) =>
      `工作簿中已有用户自己的工作表「${wanted}」，未作任何改动；本产品的内容写在「${sheet}」。`,
    inPlaceRefused: (f: string, parts: string[]) =>
      `不能就地修改 ${f}：文件含有${parts.join("、")}，写回时不保证完整保留；请用 -o 另存为新文件。`,
    kindName: KIND_NAMES,
    payables: "付款计划表（应付）",
  },
  en: {
    report: "Validation report",
    asOf: "as of",
    tables: "Recognised tables",
    noTables: "No schedule, contract or payment table was recognised.",
    unmapped: "unmapped columns",
    skipped: "rules not run (fields absent)",
    sameShape: (n: number, places: string[], rows: number, cols: number) =>
      `${n} tables of one shape (${places.join(", ")}${n > places.length ? " …" : ""}), ${rows} rows, ${cols} columns mapped in each`,
    processSkipped: (n: number) => `${n} process rules (the sheet lacks the columns they read)`,
    noChangeRegister: "the workbook keeps no change register",
    summary: "Total",
    notices: "Notices apply would generate",
    none: "No findings.",
    more: (n: number) => `… ${n} more (use --json to see all)`,
    unknownCommand: (c: string) => `Unknown command "${c}".`,
    missingFile: "Give the .xlsx file to check.",
    oneFile: (files: string[]) => `One workbook at a time; got ${files.length}: ${files.join(", ")}.`,
    unknownOption: (o: string) => `There is no option "${o}".`,
    optionNeedsValue: (o: string) => `Option ${o} needs a value.`,
    optionTakesNoValue: (o: string) => `Option ${o} takes no value.`,
    noSheet: (given: string, sheet: string, sheets: string[]) =>
      `${given}: the workbook has no sheet named "${sheet}" (it has: ${sheets.join(", ")}).`,
    emptyHeader: (given: string, row: number, column: string) =>
      `${given}: row ${row} is empty from column ${column} on; the declared cell must be the header's first cell.`,
    badToday: (v: string) => `--today needs a valid date as YYYY-MM-DD, got "${v}".`,
    badLang: (v: string) => `--lang must be zh or en, got "${v}".`,
    badGantt: (v: string) => `--gantt must be day, week or off, got "${v}".`,
    gantt: (sheet: string, tasks: number, columns: number, rules: number) =>
      `Gantt band drawn on "${sheet}": ${tasks} tasks × ${columns} columns, ${rules} conditional formats.`,
    badTable: (v: string) =>
      `--table needs SHEET!CELL=KIND (e.g. 'Sheet1!A3=schedule'; KIND is ${KINDS.join(", ")}), got "${v}".`,
    badMap: (v: string) =>
      `--map needs SHEET!COLUMN=FIELD (e.g. 'Sheet1!F=planEnd' or 'Sheet1!F=计划完成'), got "${v}".`,
    badOption: (m: string) => `Bad arguments: ${m}`,
    internal: (m: string) => `Internal error: ${m}. Please send us this file and this sentence.`,
    demoWrote: (p: string) => `Sample workbook written to ${p}`,
    demoApplied: (p: string) =>
      `The applied workbook (tables, validation, overdue highlights, error marks, report) is at ${p}`,
    wrote: (p: string) => `Written to ${p}`,
    normalized: (n: number) =>
      `Turned ${n} text dates or amounts into real dates or numbers (see the 操作日志 sheet).`,
    outputOrInPlace: "Give either -o or --in-place, not both.",
    renamed: (wanted: string, sheet: string) =>
      `The workbook already has a sheet of your own named "${wanted}"; it was left as it is, and the product wrote "${sheet}" instead.`,
    noCompany: (n: number) =>
      `${n === 1 ? "1 new notice was" : `${n} new notices were`} not written because 设置 has no company name for the letterhead: fill in 公司名称 in 设置, or add --company NAME, and run apply again.`,
    badCompany: "--company needs a company name, not an empty one.",
    deferredNotices: (n: number) =>
      `${n} more new notices are over the per-run limit and were not written; run apply again to continue.`,
    clearProtected: (names: string[]) =>
      `Marks and highlights stay on the protected ${names.length === 1 ? "sheet" : "sheets"} ${names.join(", ")}; unprotect and run clear again.`,
    protectedSheets: (names: string[]) =>
      `Left unchanged because protected: ${names.join(", ")} (no table, number format, validation, highlight or mark added); unprotect to apply them.`,
    structureProtected: (names: string[]) =>
      `The workbook's structure is protected, so ${names.join(", ")} ${names.length === 1 ? "was" : "were"} not added; everything else was written. Unprotect the workbook (Review → Protect Workbook) to have them.`,
    noticesProtected: (n: number) =>
      `${n} notices were not written because of the workbook's protection (notice sheets and the 通知台账 are written together or not at all).`,
    reportOmitted: (listed: number, omitted: number, f: string) =>
      `The 校验报告 sheet lists ${listed} findings (errors first) and leaves ${omitted} out; for all of them: ptrack check ${shellArg(f)} --json`,
    inPlaceRefused: (f: string, parts: string[]) =>
      `Will not modify ${f} in place: it holds ${parts.join(", ")}, which the writer does not promise to carry through; write a new file with -o instead.`,
    kindName: Object.fromEntries(KINDS.map((k) => [k, k])) as Record<Kind, string>,
    payables: "payables",
  },
} as const;

/** A file name as it can be pasted into a shell. */
function shellArg(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function cliWords(lang: Lang) {
  return WORDS[lang];
}

const SEVERITY_WORDS: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

export function severityWord(s: Severity, lang: Lang): string {
  return SEVERITY_WORDS[lang][s];
}

export function countsLine(c: { errors: number; warnings: number; infos: number }, lang: Lang): string {
  return lang === "zh"
    ? `错误 ${c.errors} · 警告 ${c.warnings} · 提示 ${c.infos}`
    : `${c.errors} errors · ${c.warnings} warnings · ${c.infos} infos`;
}
