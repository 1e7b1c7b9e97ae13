/** Shared helpers for the rule tests: run a check and look at what a user would see. */

import { checkWorkbook, type CheckResult } from "../../../src/core/check";
import type { IsoDate } from "../../../src/core/dates";
import type { RuleId } from "../../../src/core/findings";
import type { SettingsOverrides } from "../../../src/core/workbook-settings";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { formatFinding } from "../../../src/i18n/messages";

export function check(wb: WorkbookSnapshot, asOf: IsoDate, settings?: SettingsOverrides): CheckResult {
  return checkWorkbook(wb, { asOf, settings });
}

/** The findings of one rule as `cell: message` (or `sheet: message` when there is no cell). */
export function hits(r: CheckResult, rule: RuleId, lang: "zh" | "en" = "zh"): string[] {
  return r.findings
    .filter((f) => f.rule === rule)
    .map((f) => `${f.cell ?? f.sheet}: ${formatFinding(f, lang)}`);
}

/** Every rule that fired on a given cell. */
export function rulesAt(r: CheckResult, cell: string, sheet?: string): RuleId[] {
  return r.findings
    .filter((f) => f.cell === cell && (sheet === undefined || f.sheet === sheet))
    .map((f) => f.rule);
}

/** 进度计划表 columns A–I used by most schedule tests. */
export const SCHEDULE_HEADER = [
  "WBS编码", // A
  "任务名称", // B
  "负责人", // C
  "计划开始", // D
  "计划完成", // E
  "实际开始", // F
  "实际完成", // G
  "完成率", // H
  "前置任务", // I
];

/** 合同执行情况表 columns A–L used by most contract tests. */
export const CONTRACT_HEADER = [
  "合同编号", // A
  "合同名称", // B
  "客户", // C
  "签订日期", // D
  "合同金额", // E
  "销售经理", // F
  "实施通知日期", // G
  "约定交货期", // H
  "实际完成日期", // I
  "完成质量", // J
  "验收单日期", // K
  "合同状态", // L
];
