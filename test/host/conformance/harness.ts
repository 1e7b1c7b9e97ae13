/**
 * One patch, three interpreters, one view: the .xlsx host (bytes in, bytes out, read back), the
 * Office.js host on the strict fake (read, apply, read back through the host), and snapshotAfter.
 * Each result is reduced to the same normalised view: values, formulas, number formats, merges,
 * tables, sheet order and visibility for all three; data validations, conditional formats in
 * priority order and defined names (ownership markers) for the two hosts, since a snapshot holds
 * none of them. The product's ownership markers are in all three views: each sheet's owner (kind,
 * id and region) as the readers find it, and the defined names themselves for the two hosts.
 */

import type { WorkbookPatch } from "../../../src/core/patch";
import { markerName, markerRef } from "../../../src/core/owned";
import { snapshotAfterWithNotes } from "../../../src/core/patch-snapshot";
import { a1, rangeRef, type Range, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { applyPatchXlsxWithNotes } from "../../../src/host/xlsx/apply";
import { Package } from "../../../src/host/xlsx/parts";
import { readXlsxBytes } from "../../../src/host/xlsx/read";
import { SheetDoc } from "../../../src/host/xlsx/sheet-xml";
import { esc, rawXlsx, tableXml, worksheetXml } from "../../helpers/workbook";
import { fakeFromSnapshot, type FakeWorkbookModel } from "../excel/fake-excel";
import { host } from "../excel/measure";

/** A user's own validation or conditional format on the input workbook. */
export interface UserRules {
  validations?: Array<{ sheet: string; range: Range; items: string[] }>;
  formats?: Array<{ sheet: string; range: Range; formula: string; fill: string }>;
}

export interface Book {
  snapshot: WorkbookSnapshot;
  user?: UserRules;
}

export interface SheetView {
  name: string;
  visibility: string;
  /** A1 → value (`=formula` for a formula cell) and its number format when not General. */
  cells: Record<string, string>;
  merges: string[];
  tables: string[];
  /** The product's marker on the sheet: `kind.id region`; absent on the user's sheets. */
  owner?: string;
}

export interface HostExtras {
  /** Per sheet: its validations as `ref type operator formula1 formula2 title`, sorted. */
  validations: Record<string, string[]>;
  /** Per sheet: its conditional-format rules as `ranges formula`, in priority order. */
  formats: Record<string, string[]>;
  /** Workbook-level defined names other than print settings, as `name=value`, sorted. */
  names: string[];
}

export interface View {
  sheets: SheetView[];
  extras?: HostExtras;
}

// ---------------------------------------------------------------------------------------------
// The input workbook as a real .xlsx file, written part by part (no code under test involved).

export function bookBytes(book: Book): Uint8Array {
  const fmts = new Map<string, number>();
  for (const s of book.snapshot.sheets)
    for (const row of s.rows)
      for (const c of row ?? []) if (c?.numFmt && !fmts.has(c.numFmt)) fmts.set(c.numFmt, fmts.size + 1);
  const numFmts = [...fmts].map(([code, i]) => `<numFmt numFmtId="${163 + i}" formatCode="${esc(code)}"/>`);
  const xfs = [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`].concat(
    [...fmts].map(
      ([, i]) => `<xf numFmtId="${163 + i}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`,
    ),
  );
  const cfFills = (book.user?.formats ?? []).map(
    (f) => `<dxf><fill><patternFill><bgColor rgb="FF${f.fill}"/></patternFill></fill></dxf>`,
  );
  const stylesXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    (cfFills.length ? `<dxfs count="${cfFills.length}">${cfFills.join("")}</dxfs>` : "") +
    `</styleSheet>`;
  let tableId = 0;
  let dxf = 0;
  const sheets = book.snapshot.sheets.map((s) => {
    const rows = s.rows
      .map((row, i) => {
        if (!row) return "";
        const cells = row
          .map((c, j) => {
            if (!c) return "";
            const ref = a1(i + 1, j + 1);
            const st = c.numFmt ? ` s="${fmts.get(c.numFmt)}"` : "";
            const f = c.formula !== undefined ? `<f>${esc(c.formula)}</f>` : "";
            const v = c.value;
            if (typeof v === "string")
              return `<c r="${ref}"${st} t="${f ? "str" : "inlineStr"}">${f}${f ? `<v>${esc(v)}</v>` : `<is><t xml:space="preserve">${esc(v)}</t></is>`}</c>`;
            if (typeof v === "boolean") return `<c r="${ref}"${st} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
            if (typeof v === "number") return `<c r="${ref}"${st}>${f}<v>${v}</v></c>`;
            return `<c r="${ref}"${st} t="e">${f}<v>${esc(v.error)}</v></c>`;
          })
          .join("");
        return `<row r="${i + 1}">${cells}</row>`;
      })
      .join("");
    let xml = worksheetXml(rows, { mergeCells: s.merges.map(rangeRef), tableCount: s.tables.length });
    const cfs = (book.user?.formats ?? [])
      .filter((f) => f.sheet === s.name)
      .map(
        (f) =>
          `<conditionalFormatting sqref="${rangeRef(f.range)}"><cfRule type="expression" dxfId="${dxf++}" priority="${dxf}"><formula>${esc(f.formula)}</formula></cfRule></conditionalFormatting>`,
      )
      .join("");
    const dvs = (book.user?.validations ?? [])
      .filter((v) => v.sheet === s.name)
      .map(
        (v) =>
          `<dataValidation type="list" allowBlank="1" sqref="${rangeRef(v.range)}"><formula1>"${esc(v.items.join(","))}"</formula1></dataValidation>`,
      );
    // CT_Worksheet: … mergeCells, phoneticPr?, conditionalFormatting*, dataValidations?, … tableParts.
    const tail =
      cfs + (dvs.length ? `<dataValidations count="${dvs.length}">${dvs.join("")}</dataValidations>` : "");
    if (tail) {
      const at = xml.indexOf("<tableParts") >= 0 ? xml.indexOf("<tableParts") : xml.indexOf("</worksheet>");
      xml = xml.slice(0, at) + tail + xml.slice(at);
    }
    return {
      name: s.name,
      xml,
      ...(s.visibility !== "visible" ? { state: s.visibility } : {}),
      tables: s.tables.map((t) => {
        const cols: string[] = [];
        for (let c = t.range.c1; c <= t.range.c2; c++)
          cols.push(String(s.rows[t.range.r1 - 1]?.[c - 1]?.value ?? ""));
        return tableXml(++tableId, t.name, rangeRef(t.range), cols);
      }),
    };
  });
  const definedNames = book.snapshot.sheets.flatMap((s) =>
    s.owner
      ? [
          `<definedName name="${esc(markerName(s.owner.kind, s.owner.id))}" hidden="1">${esc(markerRef(s.name, s.owner.range))}</definedName>`,
        ]
      : [],
  );
  return rawXlsx({ sheets, stylesXml, date1904: book.snapshot.date1904, definedNames });
}

/** The same workbook as a user would have it open in Excel. */
export function bookModel(book: Book, snapshot: WorkbookSnapshot): FakeWorkbookModel {
  const model = fakeFromSnapshot(snapshot);
  let n = 0;
  for (const f of book.user?.formats ?? []) {
    const s = model.sheet(f.sheet)!;
    s.cfs.push({
      id: `user-${n++}`,
      type: "Custom",
      ranges: [f.range],
      formula: `=${f.formula}`,
      format: { fill: f.fill },
      stopIfTrue: false,
      priority: s.cfs.length,
    });
  }
  for (const v of book.user?.validations ?? [])
    model.sheet(v.sheet)!.dvs.push({
      range: v.range,
      rule: { list: { inCellDropDown: true, source: v.items.join(",") } },
      ignoreBlanks: true,
    });
  return model;
}

// ---------------------------------------------------------------------------------------------
// Views.

function fmtValue(v: unknown): string {
  if (typeof v === "object" && v !== null && "error" in v) return String((v as { error: string }).error);
  if (typeof v === "number") return String(Math.round(v * 1e9) / 1e9);
  return JSON.stringify(v);
}

export function snapshotView(wb: WorkbookSnapshot): SheetView[] {
  return wb.sheets.map((s) => {
    const cells: Record<string, string> = {};
    s.rows.forEach((row, i) =>
      row?.forEach((c, j) => {
        if (!c) return;
        const shown = c.formula !== undefined ? `=${c.formula}` : fmtValue(c.value);
        cells[a1(i + 1, j + 1)] = c.numFmt && c.numFmt !== "General" ? `${shown} [${c.numFmt}]` : shown;
      }),
    );
    return {
      name: s.name,
      visibility: s.visibility,
      cells,
      merges: s.merges.map(rangeRef).sort(),
      tables: s.tables.map((t) => `${t.name} ${rangeRef(t.range)}`).sort(),
      ...(s.owner ? { owner: `${s.owner.kind}.${s.owner.id} ${rangeRef(s.owner.range)}` } : {}),
    };
  });
}

const OPERATORS: Record<string, string> = {
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
  Between: "between",
};

/** Data validations, conditional formats and defined names of an .xlsx file, read from its XML. */
export function xlsxExtras(bytes: Uint8Array): HostExtras {
  const pkg = new Package(bytes);
  const bookPath = pkg.rels("").find((r) => r.type.endsWith("/officeDocument"))!.part!;
  const book = pkg.text(bookPath)!;
  const rels = pkg.rels(bookPath);
  const out: HostExtras = { validations: {}, formats: {}, names: [] };
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const unesc = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  for (const m of book.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = unesc(attr(m[0], "name")!);
    const rid = /\s(?:\w+:)?id="([^"]*)"/.exec(m[0])![1];
    const doc = new SheetDoc(pkg.text(rels.find((r) => r.id === rid)!.part!)!);
    out.validations[name] = [
      ...(doc.get("dataValidations") ?? "").matchAll(
        /<(?:\w+:)?dataValidation\s[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?dataValidation>)/g,
      ),
    ]
      .map((v) => {
        const tag = v[0].slice(0, v[0].indexOf(">"));
        const f1 = /<(?:\w+:)?formula1>([\s\S]*?)<\//.exec(v[0])?.[1];
        const f2 = /<(?:\w+:)?formula2>([\s\S]*?)<\//.exec(v[0])?.[1];
        const type = attr(tag, "type") ?? "none";
        const formula1 =
          f1 === undefined ? "" : type === "list" ? unesc(f1).replace(/^"|"$/g, "") : unesc(f1);
        return [
          attr(tag, "sqref"),
          type,
          type === "list" ? "" : (attr(tag, "operator") ?? "between"),
          formula1,
          f2 ?? "",
          unesc(attr(tag, "errorTitle") ?? ""),
        ].join(" ");
      })
      .sort();
    const rules: Array<{ p: number; text: string }> = [];
    for (const cf of doc.getAll("conditionalFormatting")) {
      const sqref = attr(cf.slice(0, cf.indexOf(">")), "sqref")!
        .split(/\s+/)
        .sort()
        .join(",");
      for (const r of cf.matchAll(/<(?:\w+:)?cfRule\b[^>]*>[\s\S]*?<\/(?:\w+:)?cfRule>/g))
        rules.push({
          p: Number(attr(r[0].slice(0, r[0].indexOf(">")), "priority")),
          text: `${sqref} ${unesc(/<(?:\w+:)?formula>([\s\S]*?)<\//.exec(r[0])?.[1] ?? "")}`,
        });
    }
    out.formats[name] = rules.sort((a, b) => a.p - b.p).map((r) => r.text);
  }
  for (const d of book.matchAll(/<(?:\w+:)?definedName\s([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const name = unesc(attr(` ${d[1]}`, "name")!);
    if (name.startsWith("_xlnm.")) continue;
    out.names.push(`${name}=${unesc(d[2])}`);
  }
  out.names.sort();
  return out;
}

/** The same, from the fake's model (what Excel holds). */
export function fakeExtras(model: FakeWorkbookModel): HostExtras {
  const out: HostExtras = { validations: {}, formats: {}, names: [] };
  for (const s of model.sheets) {
    out.validations[s.name] = s.dvs
      .map((d) => {
        const [type, rule] = Object.entries(d.rule)[0] ?? ["none", {}];
        const r = rule as { operator?: string; formula1?: unknown; formula2?: unknown; source?: string };
        const f1 = type === "list" ? String(r.source ?? "") : String(r.formula1 ?? "");
        return [
          rangeRef(d.range),
          type,
          type === "list" ? "" : OPERATORS[r.operator ?? ""],
          f1,
          r.formula2 === undefined ? "" : String(r.formula2),
          d.errorAlert?.title ?? "",
        ].join(" ");
      })
      .sort();
    out.formats[s.name] = s.cfs.map(
      (c) => `${c.ranges.map(rangeRef).sort().join(",")} ${(c.formula ?? "").replace(/^=/, "")}`,
    );
  }
  // Defined names, when the fake models them: `names` as a list of { name, formula | value }.
  const names = (model as unknown as { names?: Array<{ name: string; formula?: string; value?: string }> })
    .names;
  if (Array.isArray(names))
    out.names = names
      .filter((n) => !n.name.startsWith("_xlnm."))
      .map((n) => `${n.name}=${String(n.formula ?? n.value ?? "").replace(/^=/, "")}`)
      .sort();
  return out;
}

// ---------------------------------------------------------------------------------------------
// The three interpreters.

export interface Results {
  xlsx: View;
  excel: View;
  memory: View;
  /** The Office.js host's notes and the .xlsx host's, by code. */
  notes: { xlsx: string[]; excel: string[]; memory: string[] };
  /** The workbook as the .xlsx host left it, read back. */
  xlsxAfter: WorkbookSnapshot;
  /** The input as read back from its bytes: what every interpreter started from. */
  before: WorkbookSnapshot;
}

export async function runAll(book: Book, patch: WorkbookPatch): Promise<Results> {
  const bytes = bookBytes(book);
  const before = readXlsxBytes(bytes);

  const applied = applyPatchXlsxWithNotes(bytes, patch);
  const xlsxAfter = readXlsxBytes(applied.bytes);

  const model = bookModel(book, before);
  const { host: excel } = host(model);
  await excel.read();
  await excel.apply(patch);
  const excelAfter = await excel.read();

  const memory = snapshotAfterWithNotes(before, patch);
  return {
    xlsx: { sheets: snapshotView(xlsxAfter), extras: xlsxExtras(applied.bytes) },
    excel: { sheets: snapshotView(excelAfter), extras: fakeExtras(model) },
    memory: { sheets: snapshotView(memory.workbook) },
    notes: {
      xlsx: applied.notes.map((n) => n.code),
      excel: excel.notes.map((n) => n.code),
      memory: memory.notes.map((n) => n.code),
    },
    xlsxAfter,
    before,
  };
}
