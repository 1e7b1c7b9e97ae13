/**
 * An edit of the 设置 sheet from the task pane: parameter values, the 节假日 list and the 列映射
 * rows of 参数 (SPEC §7).
 *
 * Without a 设置 sheet the whole sheet is written, laid out as planSettingsSheet lays it, with the
 * edited values in. Once it exists, other people may be editing it at the same time
 * (co-authoring), so only the cells that change are written: the 值 cell of a setting's row, a
 * 节假日 row, a 列映射 row. New rows go below the block (extending its table, never with
 * TableRowCollection.add); blank rows inside a table are used first. Planning the same edit
 * again on the result yields no operation.
 */

import { z } from "zod/mini";
import type { HolidayEntry } from "../calendar";
import { isValidYmd, type IsoDate } from "../dates";
import { fitPatchText } from "../cell-text";
import type { CellWrite, PatchOp, WorkbookPatch } from "../patch";
import type { DeclaredTable, MappingOverride } from "../recognise";
import { KIND_NAMES, KINDS, type Kind } from "../kinds";
import { HOURS_PER_DAY, type GanttMode, type Lang, type Settings } from "../settings";
import { a1, cellAt, type Range, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { parseDate, parseText } from "../values";
import {
  findHolidaysBlock,
  findParamsBlock,
  holidayTypeOf,
  mappingFieldText,
  declaredKeyText,
  mappingKeyText,
  parseDeclaredKey,
  PARAM_LABELS,
  paramKeyOf,
  parseMappingField,
  parseMappingKey,
  readParam,
  sameColumn,
  SETTINGS_SHEET,
  settingsSheet,
  type ParamKey,
  type SettingsBlock,
} from "../workbook-settings";
import { sheetWords } from "../../i18n/sheets";
import {
  defaultParamValues,
  holidayWrites,
  paramRows,
  paramWrite,
  settingsSheetOp,
  freeSettingsName,
  type ParamValue,
} from "./settings-sheet";

export interface SettingsEdit {
  /** Parameter values to set; absent keys untouched. asOf null = 今天 (today). */
  params?: {
    dueSoonWorkdays?: number;
    dueSoonDays?: number;
    noticeWorkdays?: number;
    reportDays?: number;
    changeNoticeDays?: number;
    docToOfficeWorkdays?: number;
    docOfficeWorkdays?: number;
    docDeliveryWorkdays?: number;
    docMeetingWorkdays?: number;
    docFilingWorkdays?: number;
    riskReviewDays?: number;
    planWorkdays?: number;
    updateDays?: number;
    runInDays?: number;
    runInRemindDays?: number;
    hoursPerDay?: number;
    changeApprovalWorkdays?: number;
    companyName?: string;
    lang?: Lang;
    asOf?: IsoDate | null;
    gantt?: GanttMode;
    departments?: Partial<Settings["departments"]>;
  };
  /** Replaces the whole 节假日 list when present. */
  holidays?: HolidayEntry[];
  /** Replaces every saved 列映射 row when present. */
  mappings?: MappingOverride[];
  /** Replaces every saved 表声明 row (tables declared by hand) when present. */
  declared?: DeclaredTable[];
}

const dayCount = z
  .number()
  .check(z.int("must be a whole number"), z.gte(0, "must be 0 or more"), z.lte(366, "must be at most 366"));
const hourCount = z
  .number()
  .check(
    z.int("must be a whole number"),
    z.gte(HOURS_PER_DAY.min, `must be ${HOURS_PER_DAY.min} or more`),
    z.lte(HOURS_PER_DAY.max, `must be at most ${HOURS_PER_DAY.max}`),
  );
const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"),
  z.refine((s) => isValidYmd(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), {
    message: "is not a real date",
  }),
);
const text = z.string().check(z.trim());

const EditSchema = z.strictObject({
  params: z.optional(
    z.strictObject({
      dueSoonWorkdays: z.optional(dayCount),
      dueSoonDays: z.optional(dayCount),
      noticeWorkdays: z.optional(dayCount),
      reportDays: z.optional(dayCount),
      changeNoticeDays: z.optional(dayCount),
      docToOfficeWorkdays: z.optional(dayCount),
      docOfficeWorkdays: z.optional(dayCount),
      docDeliveryWorkdays: z.optional(dayCount),
      docMeetingWorkdays: z.optional(dayCount),
      docFilingWorkdays: z.optional(dayCount),
      riskReviewDays: z.optional(dayCount),
      planWorkdays: z.optional(dayCount),
      updateDays: z.optional(dayCount),
      runInDays: z.optional(dayCount),
      runInRemindDays: z.optional(dayCount),
      changeApprovalWorkdays: z.optional(dayCount),
      hoursPerDay: z.optional(hourCount),
      companyName: z.optional(text),
      lang: z.optional(z.enum(["zh", "en"])),
      asOf: z.optional(z.nullable(isoDate)),
      gantt: z.optional(z.enum(["off", "day", "week"])),
      departments: z.optional(
        z.strictObject({
          finance: z.optional(text),
          sales: z.optional(text),
          service: z.optional(text),
          office: z.optional(text),
        }),
      ),
    }),
  ),
  holidays: z.optional(
    z.array(
      z.strictObject({
        date: isoDate,
        type: z.enum(["休", "班"], { message: "must be 休 or 班" }),
        name: z.optional(text),
      }),
    ),
  ),
  mappings: z.optional(
    z.array(
      z.strictObject({
        sheet: z.string().check(z.minLength(1, "must name a sheet")),
        column: z.string().check(z.trim(), z.regex(/^[A-Za-z]{1,3}$/, "must be a column letter such as F")),
        field: z
          .nullable(z.string())
          .check(
            z.refine((f) => f === null || parseMappingField(f) !== undefined, { message: "names no field" }),
          ),
        kind: z.optional(z.enum(KINDS)),
      }),
    ),
  ),
  declared: z.optional(
    z.array(
      z.strictObject({
        sheet: z.string().check(z.minLength(1, "must name a sheet")),
        row: z.number().check(z.int("must be a whole number"), z.gte(1, "must be 1 or more")),
        column: z.string().check(z.trim(), z.regex(/^[A-Za-z]{1,3}$/, "must be a column letter such as A")),
        kind: z.enum(KINDS),
      }),
    ),
  ),
});

/**
 * zod/mini loads no locale: an issue the schema does not word (wrong type, unknown key, value
 * not in an enum) would read only "Invalid input". Parsing with zod's English messages keeps
 * the texts full zod gave, e.g. `params.lang Invalid option: expected one of "zh"|"en"`.
 */
const english = z.locales.en().localeError;

/** An edit checked and in canonical form: setting values by key, mappings deduplicated. */
interface Normalised {
  params: Map<ParamKey, ParamValue>;
  holidays?: HolidayEntry[];
  mappings?: MappingOverride[];
  declared?: DeclaredTable[];
}

/**
 * Checks an edit and brings it to the form the sheet reads back: text trimmed, field names as
 * ids, column letters upper-case, one mapping per sheet and column (the last), no `kind` (a
 * 列映射 row does not store one). Throws an Error naming every bad value.
 */
export function normaliseSettingsEdit(edit: SettingsEdit): Normalised {
  const parsed = EditSchema.safeParse(edit, { error: english });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "edit"} ${i.message}`);
    throw new Error(`Invalid settings edit: ${issues.join("; ")}`);
  }
  const e = parsed.data;
  const params = new Map<ParamKey, ParamValue>();
  const p = e.params ?? {};
  for (const [key] of PARAM_LABELS) {
    const v = key.startsWith("departments.")
      ? p.departments?.[key.slice("departments.".length) as keyof Settings["departments"]]
      : (p as Partial<Record<string, ParamValue>>)[key];
    if (v !== undefined) params.set(key, v);
  }
  const out: Normalised = { params };
  if (e.holidays) {
    out.holidays = e.holidays.map((h) => ({
      date: h.date,
      type: h.type,
      ...(h.name ? { name: h.name } : {}),
    }));
  }
  if (e.mappings) {
    const mappings: MappingOverride[] = [];
    for (const m of e.mappings) {
      const canonical: MappingOverride = {
        sheet: m.sheet,
        column: m.column.toUpperCase(),
        field: m.field === null ? null : (parseMappingField(m.field)?.field ?? null),
      };
      const at = mappings.findIndex((x) => sameColumn(x, canonical));
      if (at >= 0) mappings.splice(at, 1);
      mappings.push(canonical);
    }
    out.mappings = mappings;
  }
  if (e.declared) {
    const declared: DeclaredTable[] = [];
    for (const d of e.declared) {
      const at = declared.findIndex((x) => x.sheet === d.sheet && x.row === d.row);
      if (at >= 0) declared.splice(at, 1);
      declared.push({ sheet: d.sheet, row: d.row, column: d.column.toUpperCase(), kind: d.kind });
    }
    out.declared = declared;
  }
  return out;
}

export function planSettingsEdit(wb: WorkbookSnapshot, edit: SettingsEdit, lang: Lang): WorkbookPatch {
  const e = normaliseSettingsEdit(edit);
  const at = settingsSheet(wb);
  if (!at) return fitPatchText({ ops: [newSheet(wb, e, lang)] }, lang);
  return fitPatchText({ ops: new SheetEdit(wb, at.sheet, lang).plan(e) }, lang);
}

/** The whole 设置 sheet, as planSettingsSheet lays it out, with the edit in. */
function newSheet(wb: WorkbookSnapshot, e: Normalised, lang: Lang): PatchOp {
  const values = defaultParamValues(lang);
  for (const [k, v] of e.params) values[k] = v;
  const params = paramRows(values, wb.date1904);
  for (const m of e.mappings ?? []) {
    params.push([mappingKeyText(m.sheet, m.column), { v: mappingFieldText(m.field, lang) }]);
  }
  for (const d of e.declared ?? []) {
    params.push([declaredKeyText(d.sheet, d.column, d.row), { v: declaredKindText(d.kind, lang) }]);
  }
  return settingsSheetOp(lang, params, e.holidays ?? [], wb.date1904, freeSettingsName(wb));
}

/** A row to add to a block: its cells by column. */
type NewRow = Map<number, CellWrite>;

/** Cell-by-cell edit of an existing 设置 sheet. */
class SheetEdit {
  private readonly writes = new Map<string, CellWrite>();
  private readonly appends: PatchOp[] = [];
  /** Last row anything is (or will be) written to, for blocks made from scratch. */
  private bottom: number;

  constructor(
    private readonly wb: WorkbookSnapshot,
    private readonly sheet: SheetSnapshot,
    private readonly lang: Lang,
  ) {
    this.bottom = sheet.rows.length;
  }

  plan(e: Normalised): PatchOp[] {
    this.params(e);
    if (e.holidays) this.holidays(e.holidays);
    const ops: PatchOp[] = [];
    if (this.writes.size > 0) {
      ops.push({
        op: "setValues",
        sheet: this.sheet.name,
        cells: [...this.writes].map(([cell, write]) => ({ cell, write })),
      });
    }
    return [...ops, ...this.appends];
  }

  private cell(r: number, c: number) {
    return cellAt(this.sheet, r, c);
  }

  private set(r: number, c: number, write: CellWrite): void {
    this.writes.set(a1(r, c), write);
  }

  /** Writes text (or nothing, for null) unless the cell already shows it. */
  private setText(r: number, c: number, value: string | null): void {
    const t = parseText(this.cell(r, c)?.value);
    const now = t.status === "ok" ? t.value : t.status === "empty" ? "" : undefined;
    if (now === (value ?? "") && (value === null || typeof this.cell(r, c)?.value === "string")) return;
    this.set(r, c, { v: value });
  }

  private params(e: Normalised): void {
    const mappings = e.mappings;
    const declared = e.declared;
    if (e.params.size === 0 && !mappings && !declared) return;
    const block = findParamsBlock(this.sheet);
    const kc = block?.cols.get("项") ?? 1;
    const vc = block?.cols.get("值") ?? 2;
    const nc = block?.cols.get("说明");
    const keyOf = (r: number) => {
      const t = parseText(this.cell(r, kc)?.value);
      return t.status === "ok" ? t.value.trim() : "";
    };
    const rows = block?.rows ?? [];
    /** Table rows with nothing in 项 or 值, free for new rows. */
    const free = (block?.slots ?? []).filter(
      (r) => !rows.includes(r) && parseText(this.cell(r, vc)?.value).status === "empty",
    );
    const added: NewRow[] = [];
    const add = (key: string, value: CellWrite | null, note?: string) => {
      const row: NewRow = new Map([[kc, { v: key }]]);
      if (value) row.set(vc, value);
      if (note && nc !== undefined) row.set(nc, { v: note, style: { color: "808080" } });
      const r = free.shift();
      if (r === undefined) added.push(row);
      else for (const [c, w] of row) this.set(r, c, w);
    };
    /** Wanted rows take the rows no longer wanted first, then new rows; stale rows left over are emptied. */
    const place = (wanted: Array<{ key: string; value: string }>, stale: number[]) => {
      for (const w of wanted) {
        const r = stale.shift();
        if (r === undefined) add(w.key, { v: w.value });
        else {
          this.set(r, kc, { v: w.key });
          this.set(r, vc, { v: w.value });
        }
      }
      for (const r of stale) {
        // A plain block ends at the first row without 项: there only 值 is emptied (the row then sets nothing).
        if (block?.table) this.setText(r, kc, null);
        this.setText(r, vc, null);
      }
    };

    const notes = sheetWords(this.lang).settings.notes;
    for (const [key, value] of e.params) {
      const label = PARAM_LABELS.find(([k]) => k === key)?.[1] ?? key;
      const at = rows.filter((r) => paramKeyOf(keyOf(r)) === key);
      if (at.length === 0) {
        add(label, paramWrite(key, value, this.wb.date1904), notes[label]);
        continue;
      }
      for (const r of at) {
        const read = readParam(key, this.cell(r, vc), this.wb.date1904);
        const same =
          read.status === "ok"
            ? read.value === value
            : read.status === "empty" && (value === null || value === "");
        // A 校验日期 typed as text is a date all the same; it is rewritten only when it changes.
        if (same) continue;
        this.set(r, vc, paramWrite(key, value, this.wb.date1904) ?? { v: null });
      }
    }

    if (mappings) {
      const pending = [...mappings];
      const stale: number[] = [];
      for (const r of rows) {
        const k = parseMappingKey(keyOf(r));
        if (k === undefined) continue;
        const i = k === "bad" ? -1 : pending.findIndex((m) => sameColumn(m, k));
        if (i < 0) {
          stale.push(r);
          continue;
        }
        const [m] = pending.splice(i, 1);
        const now = parseText(this.cell(r, vc)?.value);
        const field = now.status === "ok" ? parseMappingField(now.value) : undefined;
        if (field === undefined || field.field !== m.field) {
          this.set(r, vc, { v: mappingFieldText(m.field, this.lang) });
        }
      }
      // Rows of mappings no longer wanted take the new ones, then are emptied.
      place(
        pending.map((m) => ({
          key: mappingKeyText(m.sheet, m.column),
          value: mappingFieldText(m.field, this.lang),
        })),
        stale,
      );
    }

    if (declared) {
      const pending = [...declared];
      const stale: number[] = [];
      for (const r of rows) {
        const k = parseDeclaredKey(keyOf(r));
        if (k === undefined) continue;
        const i = k === "bad" ? -1 : pending.findIndex((d) => d.sheet === k.sheet && d.row === k.row);
        if (i < 0) {
          stale.push(r);
          continue;
        }
        const [d] = pending.splice(i, 1);
        this.set(r, kc, { v: declaredKeyText(d.sheet, d.column, d.row) });
        this.set(r, vc, { v: declaredKindText(d.kind, this.lang) });
      }
      place(
        pending.map((d) => ({
          key: declaredKeyText(d.sheet, d.column, d.row),
          value: declaredKindText(d.kind, this.lang),
        })),
        stale,
      );
    }

    if (added.length === 0) return;
    if (!block) {
      this.addBlock(["项", "值"], [kc, vc], added);
      return;
    }
    this.append("参数", block, added);
  }

  private holidays(list: HolidayEntry[]): void {
    const block = findHolidaysBlock(this.sheet);
    const dc = block?.cols.get("日期") ?? 1;
    const tc = block?.cols.get("类型") ?? 2;
    let nc = block ? block.cols.get("名称") : 3;
    if (!block && list.length === 0) return;
    if (block && nc === undefined && !block.table && list.some((h) => h.name)) {
      // A plain block typed without 名称: the header goes next to 类型 when that cell is free.
      const c = Math.max(dc, tc) + 1;
      if (!this.cell(block.headerRow, c)) {
        this.set(block.headerRow, c, { v: "名称" });
        nc = c;
      }
    }
    const rowOf = (h: HolidayEntry): NewRow => {
      const [d, t, n] = holidayWrites(h, this.wb.date1904);
      const row: NewRow = new Map([
        [dc, d],
        [tc, t],
      ]);
      if (nc !== undefined) row.set(nc, n ?? { v: null });
      return row;
    };
    if (!block) {
      this.addBlock(["日期", "类型", "名称"], [1, 2, 3], list.map(rowOf));
      return;
    }
    const slots = block.slots;
    list.forEach((h, i) => {
      const r = slots[i];
      if (r === undefined) return;
      const dateCell = this.cell(r, dc);
      const d = parseDate(dateCell?.value, { date1904: this.wb.date1904, numFmt: dateCell?.numFmt });
      // A real date (any format) of that day stays; text is rewritten as a real date.
      if (!(typeof dateCell?.value === "number" && d.status === "ok" && d.value === h.date)) {
        this.set(r, dc, holidayWrites(h, this.wb.date1904)[0]);
      }
      if (holidayTypeOf(this.cell(r, tc)?.value) !== h.type) this.set(r, tc, { v: h.type });
      if (nc !== undefined) this.setText(r, nc, h.name ?? null);
    });
    for (const r of slots.slice(list.length)) {
      for (const c of [dc, tc, nc]) if (c !== undefined) this.setText(r, c, null);
    }
    const extra = list.slice(slots.length).map(rowOf);
    if (extra.length > 0) this.append("节假日", block, extra);
  }

  /**
   * Rows below a block; a table grows over them. Never writes over anything: the rows must be
   * empty, and below a plain block so must the row after them (else the block would run on into
   * what is below).
   */
  private append(name: string, block: SettingsBlock, rows: NewRow[]): void {
    const last = block.table
      ? block.table.range.r2
      : (block.slots[block.slots.length - 1] ?? block.headerRow);
    const startRow = last + 1;
    const cols = [...block.cols.values(), ...rows.flatMap((r) => [...r.keys()])];
    const c1 = block.table ? block.table.range.c1 : Math.min(...cols);
    const c2 = block.table ? block.table.range.c2 : Math.max(...cols);
    this.ensureFree(name, startRow, startRow + rows.length - (block.table ? 1 : 0), c1, c2);
    const range: Range = block.table
      ? { ...block.table.range, r2: last + rows.length }
      : { r1: startRow, c1, r2: startRow + rows.length - 1, c2 };
    this.appends.push({
      op: "appendRows",
      sheet: this.sheet.name,
      ...(block.table ? { table: block.table.name } : {}),
      startRow,
      range,
      rows: rows.map((row) => {
        const cells: CellWrite[] = [];
        for (let c = c1; c <= c2; c++) cells.push(row.get(c) ?? { v: null });
        return cells;
      }),
    });
    this.bottom = Math.max(this.bottom, startRow + rows.length - 1);
  }

  /** A block the sheet lacks, as plain header rows in A… below everything else. */
  private addBlock(headers: string[], cols: number[], rows: NewRow[]): void {
    const startRow = this.bottom + 2;
    const c2 = Math.max(...cols);
    const header: CellWrite[] = headers.map((h) => ({ v: h, style: { bold: true } }));
    this.appends.push({
      op: "appendRows",
      sheet: this.sheet.name,
      startRow,
      range: { r1: startRow, c1: 1, r2: startRow + rows.length, c2 },
      rows: [
        header,
        ...rows.map((row) => {
          const cells: CellWrite[] = [];
          for (let c = 1; c <= c2; c++) cells.push(row.get(c) ?? { v: null });
          return cells;
        }),
      ],
    });
    this.bottom = startRow + rows.length;
  }

  private ensureFree(name: string, r1: number, r2: number, c1: number, c2: number): void {
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) {
        if (parseText(this.cell(r, c)?.value).status === "empty") continue;
        const at = a1(r, c);
        throw new Error(
          this.lang === "en"
            ? `No room for new rows below the ${name} block on ${SETTINGS_SHEET}: ${at} is not empty. ` +
                `Move what is below the block and try again.`
            : `「${SETTINGS_SHEET}」工作表的「${name}」表下方没有空行可写：${at} 不为空。请把表下方的内容移开后再试。`,
        );
      }
    }
  }
}

/** A declared table's kind as 值: its sheet name in zh (进度计划表), its id in en. */
function declaredKindText(kind: Kind, lang: Lang): string {
  return lang === "en" ? kind : KIND_NAMES[kind];
}
