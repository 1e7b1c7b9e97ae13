/**
 * The validate use-case shared by every face (CLI, task pane, web mode):
 * snapshot in, a localised report out. The clock is read here, at the edge,
 * never inside core.
 */

import { checkWorkbook, type CheckResult } from "../core/check";
import { todayInShanghai, type IsoDate } from "../core/dates";
import type { Finding } from "../core/findings";
import type { DeclaredTable, MappingOverride } from "../core/recognise";
import type { Lang } from "../core/settings";
import type { WorkbookSnapshot } from "../core/snapshot";
import { formatFinding } from "../i18n/messages";

export interface LocalisedFinding extends Omit<Finding, "args"> {
  message: string;
}

export interface CheckReport extends Omit<CheckResult, "findings"> {
  findings: LocalisedFinding[];
}

export interface CheckRequest {
  /** As-of date; else the workbook's 校验日期; else today in Asia/Shanghai. */
  asOf?: IsoDate;
  lang?: Lang;
  overrides?: MappingOverride[];
  /** Tables declared by hand (`--table`). */
  declared?: DeclaredTable[];
  /** The instant "today" is taken from; tests pass a fixed one. */
  now?: Date;
}

export function checkSnapshot(wb: WorkbookSnapshot, req: CheckRequest = {}): CheckReport {
  const today = todayInShanghai(req.now ?? new Date());
  return localise(
    checkWorkbook(wb, { asOf: req.asOf, today, overrides: req.overrides, declared: req.declared }),
    req.lang ?? "zh",
  );
}

/** Findings with their messages in the user's language. */
export function localise(result: CheckResult, lang: Lang): CheckReport {
  return {
    ...result,
    // Built field by field: rest-spreading 100k findings costs more than formatting their messages.
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      row: f.row,
      field: f.field,
      cell: f.cell,
      value: f.value,
      message: formatFinding(f, lang),
    })),
  };
}
