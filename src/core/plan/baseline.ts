/**
 * 设为基线: the patch that saves the schedule's current plan as a named baseline on the product's
 * hidden baseline sheet (see ../baseline.ts), and its 操作日志 row. Rows are only ever appended
 * (below the table as it ends now, so two co-authors saving at once both keep theirs); saving over
 * a name is refused unless the caller says `replace`, and then adds the next 版本.
 */

import type { Analysis } from "../check";
import {
  BASELINE_HEADERS,
  BASELINE_OWNER,
  BASELINE_SHEET,
  BASELINE_TABLE,
  baselineSheet,
  currentPlan,
  MAX_BASELINES,
  MAX_NAME,
  nextBaselineName,
  readBaselines,
  sameName,
} from "../baseline";
import { freeSheetName } from "../owned";
import type { CellWrite, PatchOp, WorkbookPatch } from "../patch";
import type { Lang } from "../settings";
import type { WorkbookSnapshot } from "../snapshot";
import { baselineWords } from "../../i18n/baseline";
import { planLog } from "./log";
import { Protection } from "./protection";
import { TABLE_STYLE, takenTableNames, uniqueName } from "./structure";

export type BaselineRefusal =
  | { reason: "exists"; name: string; savedAt: string }
  | { reason: "full"; names: string[] }
  | { reason: "bad-name"; name: string }
  | { reason: "no-schedule" }
  | { reason: "no-tasks" }
  | { reason: "structure-protected" }
  | { reason: "sheet-protected"; sheet: string };

export type BaselineSave =
  | {
      ok: true;
      patch: WorkbookPatch;
      name: string;
      version: number;
      tasks: number;
      replaced: boolean;
      sheet: string;
    }
  | { ok: false; refusal: BaselineRefusal };

export interface BaselineSaveOptions {
  /** The baseline's name; default the first free of 基线, 基线1 … 基线10. */
  name?: string;
  /** Save over an existing baseline of that name (an explicit choice: CLI --replace, the pane's confirm). */
  replace: boolean;
  now: string;
  user: string;
  lang: Lang;
}

/** A name a user can give a baseline: not blank, at most MAX_NAME characters, no control characters. */
export function validBaselineName(name: string): boolean {
  const n = name.trim();
  // eslint-disable-next-line no-control-regex
  return n.length > 0 && [...n].length <= MAX_NAME && !/[\u0000-\u001f\u007f]/.test(n);
}

/** The refusal, in one sentence of the user's language, naming the choice as the face offers it. */
export function refusalMessage(r: BaselineRefusal, lang: Lang, face: "cli" | "pane" = "cli"): string {
  const w = baselineWords(lang);
  switch (r.reason) {
    case "exists":
      return face === "cli" ? w.exists(r.name, r.savedAt) : w.existsPane(r.name, r.savedAt);
    case "full":
      return face === "cli" ? w.full(MAX_BASELINES, r.names) : w.fullPane(MAX_BASELINES, r.names);
    case "bad-name":
      return w.badName(r.name, MAX_NAME);
    case "no-schedule":
      return w.noSchedule;
    case "no-tasks":
      return w.noTasks;
    case "structure-protected":
      return w.structureProtected;
    case "sheet-protected":
      return w.sheetProtected(r.sheet);
  }
}

export function planBaselineSave(
  wb: WorkbookSnapshot,
  analysis: Analysis,
  opts: BaselineSaveOptions,
): BaselineSave {
  const refuse = (refusal: BaselineRefusal): BaselineSave => ({ ok: false, refusal });
  const saved = readBaselines(wb);
  if (opts.name !== undefined && !validBaselineName(opts.name))
    return refuse({ reason: "bad-name", name: opts.name });
  const wanted = opts.name?.trim() ?? nextBaselineName(saved);
  if (wanted === undefined) return refuse({ reason: "full", names: saved.map((b) => b.name) });
  const existing = saved.find((b) => sameName(b.name, wanted));
  if (existing && !opts.replace)
    return refuse({ reason: "exists", name: existing.name, savedAt: existing.savedAt });
  if (!existing && saved.length >= MAX_BASELINES)
    return refuse({ reason: "full", names: saved.map((b) => b.name) });
  const schedules = analysis.tables.filter((t) => t.kind === "schedule");
  if (schedules.length === 0) return refuse({ reason: "no-schedule" });
  const plan = currentPlan(schedules, analysis.model.calendar);
  if (plan.length === 0) return refuse({ reason: "no-tasks" });

  const name = existing?.name ?? wanted;
  const version = existing ? existing.version + 1 : 1;
  const rows: CellWrite[][] = plan.map((t) => [
    { v: name },
    { v: version },
    { v: opts.now },
    { v: opts.user },
    { v: t.sheet },
    { v: t.key },
    { v: t.task },
    { v: t.start ?? null },
    { v: t.end ?? null },
    { v: t.duration ?? null },
  ]);
  const cols = BASELINE_HEADERS.zh.length;
  const ops: PatchOp[] = [];
  const taken = takenTableNames(wb, () => false);
  const sheet = baselineSheet(wb);
  let sheetName: string;
  if (!sheet) {
    if (wb.structureProtected) return refuse({ reason: "structure-protected" });
    sheetName = freeSheetName(BASELINE_SHEET, new Set(wb.sheets.map((s) => s.name.toLowerCase())));
    const header = BASELINE_HEADERS[opts.lang].map((h): CellWrite => ({ v: h, style: { bold: true } }));
    ops.push({
      op: "writeSheet",
      sheet: sheetName,
      owner: { ...BASELINE_OWNER },
      visibility: "hidden",
      content: {
        rows: [header, ...rows],
        colWidths: [10, 6, 20, 10, 14, 10, 30, 12, 12, 10],
        freeze: { rows: 1, cols: 0 },
        tables: [
          {
            name: uniqueName(BASELINE_TABLE, taken),
            range: { r1: 1, c1: 1, r2: 1 + rows.length, c2: cols },
            style: TABLE_STYLE,
          },
        ],
      },
    });
  } else {
    if (sheet.protected) return refuse({ reason: "sheet-protected", sheet: sheet.name });
    sheetName = sheet.name;
    const table =
      sheet.tables.find((t) => t.name.toLowerCase().startsWith(BASELINE_TABLE.toLowerCase())) ??
      sheet.tables[0];
    let last = 0;
    for (let r = sheet.rows.length; r >= 1 && last === 0; r--)
      if (sheet.rows[r - 1]?.some((c) => c)) last = r;
    const startRow = table ? table.range.r2 + 1 : last + 1;
    ops.push({
      op: "appendRows",
      sheet: sheet.name,
      ...(table ? { table: table.name } : {}),
      startRow,
      range: table
        ? { ...table.range, r2: table.range.r2 + rows.length }
        : { r1: startRow, c1: 1, r2: startRow + rows.length - 1, c2: cols },
      rows,
    });
  }
  const w = baselineWords(opts.lang);
  const note = existing ? w.logReplaced(name, version, plan.length) : w.logSaved(name, plan.length);
  const log = planLog(wb, [{ action: w.logAction, note }], {
    now: opts.now,
    user: opts.user,
    lang: opts.lang,
    taken,
  });
  // A protected log (or structure) keeps the baseline from no one: the save goes on without its row.
  ops.push(...new Protection(wb).filter(log));
  return {
    ok: true,
    patch: { ops },
    name,
    version,
    tasks: plan.length,
    replaced: !!existing,
    sheet: sheetName,
  };
}
