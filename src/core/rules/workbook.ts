/** Rules about the workbook as a whole: recognition and calendar coverage (SPEC §5). */

import type { Finding, MessageArgs } from "../findings";
import { ABROAD_HEADERS, everyKind, fieldDef, fieldHeader, type Kind } from "../kinds";
import { normaliseHeader } from "../recognise";
import { yearRuns } from "../calendar";
import type { TableRule, WorkbookRule } from "./context";

/**
 * The English header an English user would write for a field: the shortest one the product takes
 * as naming it specifically (Plan Start, not the generic Start); the Chinese one where none is.
 */
function englishHeader(kind: Kind, field: string): string {
  const def = fieldDef(kind, field);
  const weak = new Set((def?.weak ?? []).map((h) => normaliseHeader(h).key));
  const en = (def?.headers ?? [])
    .filter(
      (h) =>
        /^[A-Za-z][A-Za-z .#/-]*$/.test(h) && !ABROAD_HEADERS.has(h) && !weak.has(normaliseHeader(h).key),
    )
    .sort((a, b) => a.length - b.length)[0];
  return en ?? fieldHeader(kind, field) ?? field;
}

export const tableNotRecognized: WorkbookRule = {
  id: "table.not-recognized",
  severity: "info",
  scope: "workbook",
  check(ctx) {
    // A hidden sheet holding data is a helper (下拉选项 lists, lookups) the user chose not to see.
    const hidden = new Set(ctx.wb.sheets.filter((s) => s.visibility !== "visible").map((s) => s.name));
    // Sheets of one shape (216 sheets, one per contract, each with the same header) are said once.
    const byShape = new Map<string, Array<(typeof ctx.recognition.unrecognised)[number]>>();
    for (const u of ctx.recognition.unrecognised) {
      if (hidden.has(u.sheet)) continue;
      const n = u.near;
      const shape = n
        ? `${n.kind}|${n.matched.join("|")}|${n.missing.join("|")}|${n.valuesMismatch ?? ""}`
        : (u.shape ?? `#${u.sheet}`);
      const list = byShape.get(shape);
      if (list) list.push(u);
      else byShape.set(shape, [u]);
    }
    for (const list of byShape.values()) {
      const u = list[0];
      const n = u.near;
      const args: MessageArgs = { cells: list.reduce((a, x) => a + x.cells, 0) };
      if (n) {
        args.kind = n.kind;
        args.headerRow = n.headerRow;
        args.matched = n.matched.join("、");
        args.missing = n.missing.map((f) => fieldHeader(n.kind, f) ?? f).join("、");
        args.missingFields = n.missing.join(",");
        if (n.instead) args.instead = n.instead.map((f) => fieldHeader(n.kind, f) ?? f).join("、");
        args.missingEn = n.missing.map((f) => englishHeader(n.kind, f)).join(", ");
        if (n.instead) args.insteadEn = n.instead.map((f) => englishHeader(n.kind, f)).join("、");
        if (n.valuesMismatch) args.values = "mismatch";
      }
      if (list.length > 1) {
        args.count = list.length;
        args.sheets = list
          .slice(0, 5)
          .map((x) => x.sheet)
          .join("、");
      }
      ctx.report({ rule: "table.not-recognized", sheet: u.sheet, row: n?.headerRow, args });
    }
  },
};

export const tableBlankRows: TableRule = {
  id: "table.blank-rows",
  severity: "info",
  scope: "table",
  needs: everyKind(),
  check(ctx, table) {
    const blank = table.source.blankRows;
    if (blank.length === 0) return;
    const shown = blank.slice(0, 10).join(", ") + (blank.length > 10 ? " …" : "");
    ctx.report({
      rule: "table.blank-rows",
      sheet: table.sheet,
      row: blank[0],
      args: { count: blank.length, rows: shown },
    });
  },
};

/** The years a calendar.year-missing finding names (its `years` runs, else its one `year`). */
export function yearsOfFinding(f: Finding): number[] {
  const runs = f.args.years;
  if (typeof runs !== "string") return f.args.year === undefined ? [] : [Number(f.args.year)];
  return runs.split("、").flatMap((run) => {
    const [a, b = a] = run.split("–").map(Number);
    return Array.from({ length: b - a + 1 }, (_, k) => a + k);
  });
}

/**
 * Runs after every other rule: the calendar only knows which years it lacked
 * once the deadlines have been computed. One finding names them all, so a schedule
 * running years ahead gives one line, not one per year.
 */
export const calendarYearMissing: WorkbookRule = {
  id: "calendar.year-missing",
  severity: "warning",
  scope: "workbook",
  check(ctx) {
    const years = [...ctx.calendar.missingYears()].sort((a, b) => a - b);
    if (years.length === 0) return;
    // Reported on 设置, where the 节假日 table that fixes it lives.
    ctx.report({
      rule: "calendar.year-missing",
      sheet: "设置",
      field: "节假日",
      args: { year: years[0], years: yearRuns(years), count: years.length },
    });
  },
};
