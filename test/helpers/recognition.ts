/**
 * What the recognition tests ask of a workbook built in test code: the one table found, its
 * columns by letter, a check as of a fixed day, and a rule's findings as the user reads them.
 */
import { checkWorkbook, type CheckResult } from "../../src/core/check";
import type { RuleId } from "../../src/core/findings";
import { recognise, type RecognisedTable } from "../../src/core/recognise";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { formatFinding } from "../../src/i18n/messages";

/** field → column letter of each mapped field. */
export function letters(t: RecognisedTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, r] of Object.entries(t.columns)) if (r) out[f] = r.letter;
  return out;
}

/** The workbook's one recognised table (the test fails when there is not exactly one). */
export function only(wb: WorkbookSnapshot): RecognisedTable {
  const { tables } = recognise(wb);
  expect(tables).toHaveLength(1);
  return tables[0];
}

export function check(wb: WorkbookSnapshot, asOf = "2026-11-23"): CheckResult {
  return checkWorkbook(wb, { asOf });
}

/** A rule's findings as `CELL: message` (or row, or sheet, where there is no cell), in Chinese. */
export function messages(r: CheckResult, rule: RuleId): string[] {
  return r.findings
    .filter((f) => f.rule === rule)
    .map((f) => `${f.cell ?? f.row ?? f.sheet}: ${formatFinding(f, "zh")}`);
}
