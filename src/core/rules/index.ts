/**
 * The rule catalogue (SPEC §5) as one list: adding a rule means writing its
 * function in the file of its area and naming it here.
 */

import type { Finding, RuleId, Severity } from "../findings";
import { fieldHeader, KIND_DEFS } from "../kinds";
import type { TypedTable } from "../rows";
import {
  cellDateAsNumber,
  cellDateInvalid,
  cellNumberInvalid,
  cellPercentRange,
  cellRequired,
} from "./cells";
import {
  contractAcceptanceMissing,
  contractDeliveredLate,
  contractDeliveryDueSoon,
  contractDeliveryOverdue,
  contractNoticeLate,
  contractOverpaid,
  contractPaymentOverdue,
  contractPaymentsMismatch,
  contractQualityMissing,
  contractReportOverdue,
  payableOverdue,
} from "./contracts";
import { hasSeveritySlot, ruleApplies, type Rule, type RuleContext } from "./context";
import {
  scheduleCriticalBeyondContract,
  scheduleCriticalLate,
  scheduleMilestoneDuration,
  scheduleMilestoneMissed,
  scheduleSummaryDates,
  scheduleSummaryProgress,
  scheduleUnlinked,
} from "./critical";
import {
  documentDeliveryLate,
  documentFilingLate,
  documentMeetingLate,
  documentOfficeReviewLate,
  documentSignatureMissing,
  documentStepOverdue,
  documentToOfficeLate,
} from "./documents";
import { issueOverdue, riskHighNoResponse, riskResponseOverdue, riskReviewOverdue } from "./registers";
import { changeOpenOverdue, changeUnreviewed, scheduleChangeUnapproved } from "./changes";
import { PROCESS_RULES, tableStale } from "./process";
import { rowActualInFuture, rowDateOrder, rowDuplicateKey, rowUnknownContract } from "./rows";
import {
  scheduleBeyondContract,
  scheduleChangeNotFiled,
  scheduleChangeUnnotified,
  scheduleDueSoon,
  scheduleFinishedLate,
  scheduleOverdue,
  schedulePredecessorCycle,
  schedulePredecessorMissing,
  schedulePredecessorOrder,
  scheduleProgressMismatch,
  scheduleStartLate,
  scheduleUnsigned,
} from "./schedule";
import { calendarYearMissing, tableBlankRows, tableNotRecognized } from "./workbook";

export const RULES: readonly Rule[] = [
  cellRequired,
  cellDateInvalid,
  cellNumberInvalid,
  cellDateAsNumber,
  cellPercentRange,
  rowDuplicateKey,
  rowDateOrder,
  rowActualInFuture,
  rowUnknownContract,
  scheduleOverdue,
  scheduleDueSoon,
  scheduleStartLate,
  scheduleFinishedLate,
  scheduleProgressMismatch,
  schedulePredecessorMissing,
  schedulePredecessorCycle,
  schedulePredecessorOrder,
  scheduleChangeUnnotified,
  scheduleChangeNotFiled,
  scheduleBeyondContract,
  scheduleUnsigned,
  scheduleCriticalLate,
  scheduleCriticalBeyondContract,
  scheduleUnlinked,
  scheduleSummaryDates,
  scheduleSummaryProgress,
  scheduleMilestoneMissed,
  scheduleMilestoneDuration,
  contractNoticeLate,
  contractDeliveryOverdue,
  contractDeliveryDueSoon,
  contractDeliveredLate,
  contractQualityMissing,
  contractAcceptanceMissing,
  contractPaymentOverdue,
  payableOverdue,
  contractReportOverdue,
  contractOverpaid,
  contractPaymentsMismatch,
  documentToOfficeLate,
  documentOfficeReviewLate,
  documentDeliveryLate,
  documentMeetingLate,
  documentFilingLate,
  documentStepOverdue,
  documentSignatureMissing,
  riskHighNoResponse,
  riskResponseOverdue,
  riskReviewOverdue,
  issueOverdue,
  // Change control (示范 4): the 变更申请 register.
  scheduleChangeUnapproved,
  changeUnreviewed,
  changeOpenOverdue,
  // The process each contract goes through (§2.1–§2.5, 集成 5, 流程 三).
  ...PROCESS_RULES,
  tableStale,
  tableNotRecognized,
  tableBlankRows,
  // Last: it reports the years the rules above needed and the calendar lacked.
  calendarYearMissing,
];

export const RULES_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r]));

/**
 * Every rule id a finding can carry: the catalogue's, and table.missing-columns, which runRules
 * reports itself. 设置 accepts a severity for exactly these, so a new rule needs no edit there.
 */
export const RULE_IDS: ReadonlySet<RuleId> = new Set<RuleId>([
  ...RULES_BY_ID.keys(),
  "table.missing-columns",
]);

/**
 * Run the catalogue. `ctx.report` is wrapped here so every finding gets its
 * severity from the settings (or the rule's default). Returns per-table lists
 * of rules that could not run because their fields are not mapped.
 */
export function runRules(
  ctx: Omit<RuleContext, "report">,
  sink: (f: Finding) => void,
): Map<TypedTable, RuleId[]> {
  const skipped = new Map<TypedTable, RuleId[]>(ctx.tables.map((t) => [t, []]));
  for (const rule of RULES) {
    const severity = ctx.settings.severities[rule.id] ?? rule.severity;
    const report = (f: Omit<Finding, "severity">) => {
      if (!hasSeveritySlot(f)) return sink(finding(f, severity));
      f.severity = severity;
      sink(f);
    };
    const full: RuleContext = { ...ctx, report };
    if (rule.scope === "workbook") {
      rule.check(full);
      continue;
    }
    for (const table of ctx.tables) {
      const applies = ruleApplies(rule, table, full);
      if (applies === undefined) continue;
      if (applies) rule.check(full, table);
      else skipped.get(table)?.push(rule.id);
    }
  }
  for (const table of ctx.tables) {
    const f = missingColumns(table, RULES);
    if (!f) continue;
    sink(finding(f, ctx.settings.severities["table.missing-columns"] ?? "warning"));
  }
  return skipped;
}

/**
 * A recognised table lacking columns the standard needs (负责人, 约定交货期 …): one finding naming
 * them and the rules they block, on the header row.
 */
function missingColumns(table: TypedTable, rules: readonly Rule[]): Omit<Finding, "severity"> | undefined {
  const missing = KIND_DEFS[table.kind].fields.filter((f) => f.required && !table.fields.has(f.field));
  if (missing.length === 0) return undefined;
  const lacking = new Set(missing.map((f) => f.field));
  const blocked: RuleId[] = [];
  for (const rule of rules) {
    if (rule.scope !== "table") continue;
    const sets = rule.needs[table.kind];
    if (!sets || sets.some((set) => set.every((f) => table.fields.has(f)))) continue;
    if (sets.some((set) => set.every((f) => table.fields.has(f) || lacking.has(f)))) blocked.push(rule.id);
  }
  return {
    rule: "table.missing-columns",
    sheet: table.sheet,
    row: table.source.headerRow,
    args: {
      fields: missing.map((f) => fieldHeader(table.kind, f.field) ?? f.field).join("、"),
      rules: blocked.join(","),
    },
  };
}

/**
 * Every finding with the same keys in the same order (absent ones undefined): the
 * passes after the rules (sort, notices, messages, JSON) each read all of them, and
 * objects of one shape keep those reads monomorphic instead of one shape per rule.
 */
export function finding(f: Omit<Finding, "severity">, severity: Severity): Finding {
  return {
    rule: f.rule,
    severity,
    sheet: f.sheet,
    row: f.row,
    field: f.field,
    cell: f.cell,
    value: f.value,
    args: f.args,
  };
}
