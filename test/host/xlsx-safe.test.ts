/**
 * Files the .xlsx writer must never break, and inputs that must not crash it. Each bad input is
 * built here by hand. What is asserted is what a user sees: the exit status and the one sentence
 * for a refused file; for a file carried through, an output that LibreOffice and openpyxl open
 * with the user's cells as they were.
 */

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync, constants as Z } from "node:zlib";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { cliRunner } from "../helpers/cli";
import { isoToSerial } from "../../src/core/dates";
import type { WorkbookPatch } from "../../src/core/patch";
import { applyPatchXlsx } from "../../src/host/xlsx/apply";
import { InputError, readXlsxBytes } from "../../src/host/xlsx/read";
import { inputErrorMessage } from "../../src/i18n/errors";
import { rawXlsx, NS_MAIN } from "../helpers/workbook";
import { libreOfficeSheets, openpyxlSheets, type SheetRows } from "../helpers/second-readers";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ptrack-safe-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = cliRunner();

function save(name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

// ---------------------------------------------------------------------------------------
// A schedule as a user typed it: what every reader must still show after `apply`.

const USER_ROWS: string[][] = [
  ["序号", "任务名称", "负责人", "计划开始", "计划完成", "状态"],
  ["1", "现场勘察", "张伟", "2026-10-01", "2026-11-02", "已完成"],
  ["2", "需求确认", "王芳", "2026-10-05", "2026-11-10", "进行中"],
  ["3", "概要设计", "李娜", "2026-10-12", "2026-11-20", "进行中"],
  ["4", "设备采购", "刘洋", "2026-10-20", "2026-12-01", "未开始"],
  ["5", "系统测试", "陈静", "2026-11-01", "2026-12-15", "未开始"],
];

const DATE_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `</styleSheet>`;

const COLS = "ABCDEF";

function cellXml(r: number, c: number, text: string): string {
  const ref = `${COLS[c]}${r}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `<c r="${ref}" s="1"><v>${isoToSerial(text, false)}</v></c>`;
  if (/^\d+$/.test(text)) return `<c r="${ref}"><v>${text}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** The schedule's rows as XML; `shuffled` stores rows and the header's cells out of order. */
function scheduleRows(shuffled = false): string {
  const rows = USER_ROWS.map((row, i) => {
    const cells = row.map((t, c) => cellXml(i + 1, c, t));
    if (shuffled && i === 0) cells.reverse();
    return `<row r="${i + 1}">${cells.join("")}</row>`;
  });
  return shuffled ? [3, 0, 5, 1, 4, 2].map((i) => rows[i]).join("") : rows.join("");
}

function sheetXml(rows: string, rootAttrs = ` xmlns:r="${NS_R}"`): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}"${rootAttrs}><dimension ref="A1:F6"/><sheetData>${rows}</sheetData></worksheet>`
  );
}

function schedule(parts: Record<string, string | Uint8Array | null> = {}, rows = scheduleRows()): Uint8Array {
  return rawXlsx({
    sheets: [{ name: "进度计划表", xml: sheetXml(rows) }],
    stylesXml: DATE_STYLES,
    parts,
  });
}

/** Well-formed XML with every prefix bound once, as xmllint judges every XML part of the output. */
function xmlProblems(file: string): string[] {
  const problems: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(readFileSync(file)))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const r = spawnSync("xmllint", ["--noout", "-"], { input: Buffer.from(data), encoding: "utf8" });
    if (r.status !== 0 || /error/.test(r.stderr)) problems.push(`${name}: ${r.stderr}`);
  }
  return problems;
}

/** Applies through the CLI and expects a written workbook. */
async function applied(name: string, bytes: Uint8Array): Promise<string> {
  const input = save(`${name}.xlsx`, bytes);
  const out = join(dir, `${name}.out.xlsx`);
  const r = await run("apply", input, "-o", out, "--today", "2026-11-23");
  expect(r.err).toBe("");
  expect([0, 1]).toContain(r.code);
  expect(r.out).toContain(`已写入 ${out}`);
  return out;
}

const userSheet = (sheets: SheetRows) => sheets.get("进度计划表")?.slice(0, USER_ROWS.length);

// ---------------------------------------------------------------------------------------

describe("inputs the writer must carry through", () => {
  const outputs: Record<string, string> = {};

  test("xmlns:r declared on each <sheet> (as openpyxl writes it): the new sheets' r:id are bound", async () => {
    const book =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}"><workbookPr/>` +
      `<sheets><sheet xmlns:r="${NS_R}" name="进度计划表" sheetId="1" state="visible" r:id="rId1"/></sheets></workbook>`;
    const bytes = rawXlsx({
      sheets: [{ name: "进度计划表", xml: sheetXml(scheduleRows(), "") }],
      stylesXml: DATE_STYLES,
      parts: { "xl/workbook.xml": book },
    });
    outputs.openpyxl = await applied("openpyxl", bytes);
    expect(xmlProblems(outputs.openpyxl)).toEqual([]);
    const names = readXlsxBytes(readFileSync(outputs.openpyxl)).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["进度计划表", "校验报告", "操作日志"]));
  });

  test("r:id is found by its namespace, not its prefix, when reading and when writing", () => {
    // `r` is bound to another namespace here; the relationship id is `rel:id`.
    const book =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="urn:example:other">` +
      `<sheets><sheet r:id="rId9" xmlns:rel="${NS_R}" name="进度计划表" sheetId="1" rel:id="rId1"/></sheets></workbook>`;
    const bytes = schedule({ "xl/workbook.xml": book });
    expect(readXlsxBytes(bytes).sheets[0].rows[1]?.[1]?.value).toBe("现场勘察");
    const patch: WorkbookPatch = {
      ops: [
        {
          op: "writeSheet",
          sheet: "新表",
          owner: { kind: "report", id: "main" },
          visibility: "visible",
          content: { rows: [[{ v: "x" }]] },
        },
      ],
    };
    const out = save("by-uri.out.xlsx", applyPatchXlsx(bytes, patch));
    expect(xmlProblems(out)).toEqual([]);
    expect(readXlsxBytes(readFileSync(out)).sheets.map((s) => s.name)).toEqual(["进度计划表", "新表"]);
  });

  test("rows and cells stored out of order: one row per number, table columns named from the headers", async () => {
    outputs.shuffled = await applied("shuffled", schedule({}, scheduleRows(true)));
    const zip = unzipSync(readFileSync(outputs.shuffled));
    const sheet = strFromU8(zip["xl/worksheets/sheet1.xml"]);
    const rowNumbers = [...sheet.matchAll(/<row [^>]*?\br="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rowNumbers).toEqual([...rowNumbers].sort((a, b) => a - b));
    expect(new Set(rowNumbers).size).toBe(rowNumbers.length);
    const table = Object.entries(zip).find(
      ([n, d]) => n.startsWith("xl/tables/") && strFromU8(d).includes('ref="A1:'),
    );
    expect(table).toBeDefined();
    const columns = [...strFromU8(table![1]).matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(columns).toEqual(USER_ROWS[0]);
    expect(xmlProblems(outputs.shuffled)).toEqual([]);
  });

  test("Strict OOXML: one xmlns:r, and every part the writer adds speaks Strict too", async () => {
    const strict = (s: string) =>
      s
        .split(NS_MAIN)
        .join("http://purl.oclc.org/ooxml/spreadsheetml/main")
        .split(NS_R)
        .join("http://purl.oclc.org/ooxml/officeDocument/relationships");
    const plain = unzipSync(schedule());
    const parts: Record<string, string> = {};
    for (const [n, d] of Object.entries(plain)) parts[n] = strict(strFromU8(d));
    const bytes = rawXlsx({
      sheets: [{ name: "进度计划表", xml: parts["xl/worksheets/sheet1.xml"] }],
      stylesXml: parts["xl/styles.xml"],
      parts,
    });
    outputs.strict = await applied("strict", bytes);
    const zip = unzipSync(readFileSync(outputs.strict));
    expect(xmlProblems(outputs.strict)).toEqual([]);
    for (const [name, data] of Object.entries(zip)) {
      const xml = strFromU8(data);
      expect([name, xml.includes(NS_MAIN) || xml.includes(NS_R)]).toEqual([name, false]);
    }
    const names = readXlsxBytes(readFileSync(outputs.strict)).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["进度计划表", "校验报告", "操作日志"]));
  });

  test("UTF-16 parts: apply reads them as check does, and writes what it edits as UTF-8", async () => {
    const utf16 = (xml: string) =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le"),
      ]);
    const plain = unzipSync(schedule());
    const bytes = schedule({
      "xl/workbook.xml": utf16(strFromU8(plain["xl/workbook.xml"])),
      "xl/worksheets/sheet1.xml": utf16(strFromU8(plain["xl/worksheets/sheet1.xml"])),
    });
    outputs.utf16 = await applied("utf16", bytes);
    expect(xmlProblems(outputs.utf16)).toEqual([]);
  });

  test("each output opens in LibreOffice and in openpyxl with the user's cells unchanged", () => {
    const files = Object.values(outputs);
    expect(Object.keys(outputs).sort()).toEqual(["openpyxl", "shuffled", "strict", "utf16"]);
    const lo = libreOfficeSheets(files);
    files.forEach((f, i) => {
      expect([f, userSheet(lo[i])]).toEqual([f, USER_ROWS]);
      expect(lo[i].has("校验报告")).toBe(true);
    });
    // openpyxl reads no Strict OOXML at all, the user's own file included.
    for (const f of files.filter((x) => x !== outputs.strict)) {
      const sheets = openpyxlSheets(f);
      expect([f, userSheet(sheets)]).toEqual([f, USER_ROWS]);
      expect(sheets.has("校验报告")).toBe(true);
    }
  }, 300_000);
});

test("a row stored twice becomes one row holding the cells of both; a write lands in it once", () => {
  const rows =
    `<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row>` +
    `<row r="2"><c r="B2" t="inlineStr"><is><t>乙</t></is></c></row>` +
    `<row r="2"><c r="A2" t="inlineStr"><is><t>丙</t></is></c><c t="inlineStr"><is><t>丁</t></is></c></row>`;
  const bytes = rawXlsx({ sheets: [{ name: "S", xml: sheetXml(rows) }] });
  const patch: WorkbookPatch = {
    ops: [{ op: "setValues", sheet: "S", cells: [{ cell: "C2", write: { v: "新" } }] }],
  };
  const out = applyPatchXlsx(bytes, patch);
  const xml = strFromU8(unzipSync(out)["xl/worksheets/sheet1.xml"]);
  expect([...xml.matchAll(/<row [^>]*?\br="(\d+)"/g)].map((m) => m[1])).toEqual(["1", "2"]);
  expect([...xml.matchAll(/<c [^>]*?\br="([A-Z]+2)"/g)].map((m) => m[1])).toEqual(["A2", "B2", "C2"]);
  // The later of two cells at one address wins, as it does when the sheet is read.
  const read = readXlsxBytes(out).sheets[0].rows[1]?.map((c) => c?.value);
  expect(read).toEqual(["丙", "丁", "新"]);
});

test("any storage order of rows and cells: writes land once, every other cell reads as before (fast-check)", () => {
  const grid = fc.uniqueArray(
    fc.record({
      r: fc.integer({ min: 1, max: 8 }),
      c: fc.integer({ min: 1, max: 5 }),
      v: fc.integer({ min: 0, max: 999 }),
    }),
    { selector: (x) => `${x.r},${x.c}`, minLength: 1, maxLength: 25 },
  );
  const writes = fc.uniqueArray(
    fc.record({
      r: fc.integer({ min: 1, max: 10 }),
      c: fc.integer({ min: 1, max: 6 }),
      v: fc.integer({ min: 1000, max: 9999 }),
    }),
    { selector: (x) => `${x.r},${x.c}`, minLength: 1, maxLength: 6 },
  );
  fc.assert(
    fc.property(grid, writes, fc.integer(), (cells, ws, seed) => {
      // Rows in a shuffled order, each row's cells shuffled too (a deterministic shuffle by seed).
      const shuffle = <T>(xs: T[], salt: number): T[] =>
        xs
          .map((x, i) => ({ x, k: Math.imul(i + 1, 2654435761) ^ (seed + salt) }))
          .sort((a, b) => a.k - b.k)
          .map((e) => e.x);
      const byRow = new Map<number, typeof cells>();
      for (const cell of cells) byRow.set(cell.r, [...(byRow.get(cell.r) ?? []), cell]);
      const rows = shuffle([...byRow.keys()], 0).map(
        (r) =>
          `<row r="${r}">` +
          shuffle(byRow.get(r)!, r)
            .map((x) => `<c r="${"ABCDE"[x.c - 1]}${r}"><v>${x.v}</v></c>`)
            .join("") +
          `</row>`,
      );
      const bytes = rawXlsx({ sheets: [{ name: "S", xml: sheetXml(rows.join("")) }] });
      const patch: WorkbookPatch = {
        ops: [
          {
            op: "setValues",
            sheet: "S",
            cells: ws.map((w) => ({ cell: `${"ABCDEF"[w.c - 1]}${w.r}`, write: { v: w.v } })),
          },
        ],
      };
      const out = applyPatchXlsx(bytes, patch);
      const expected = new Map(cells.map((x) => [`${x.r},${x.c}`, x.v]));
      for (const w of ws) expected.set(`${w.r},${w.c}`, w.v);
      const got = new Map<string, unknown>();
      readXlsxBytes(out).sheets[0].rows.forEach((row, r) =>
        row?.forEach((cell, c) => cell && got.set(`${r + 1},${c + 1}`, cell.value)),
      );
      expect(got).toEqual(expected);
      const xml = strFromU8(unzipSync(out)["xl/worksheets/sheet1.xml"]);
      const rowNumbers = [...xml.matchAll(/<row [^>]*?\br="(\d+)"/g)].map((m) => Number(m[1]));
      expect(rowNumbers).toEqual([...new Set(rowNumbers)].sort((a, b) => a - b));
    }),
    { numRuns: 60 },
  );
});

test("a sheet part cut short is refused by apply as damaged, not written out broken", async () => {
  const xml = sheetXml(scheduleRows());
  const r = await refused(
    "cut-short.xlsx",
    schedule({ "xl/worksheets/sheet1.xml": xml.slice(0, xml.indexOf("</sheetData>")) }),
    "apply",
  );
  expect(r.code).toBe(2);
  expect(r.err.trim()).toBe(CORRUPT.replace("%F", r.file));
});

test("a report message longer than a cell holds is cut with a mark; the user's long cell is kept", async () => {
  const huge = "下周" + "很".repeat(32_758);
  const rows = scheduleRows().replace(/<c r="E3" s="1"><v>\d+<\/v><\/c>/, cellXml(3, 4, huge));
  const out = await applied("long-text", schedule({}, rows));
  const sheets = openpyxlSheets(out);
  expect(sheets.get("进度计划表")?.[2]?.[4]).toBe(huge);
  const cells = [...sheets.values()].flat(2);
  expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(32_767);
  const cut = (sheets.get("校验报告") ?? []).flat().filter((c) => c.endsWith("…（已截断）"));
  expect(cut).toHaveLength(1);
  expect(cut[0]).toHaveLength(32_767);
}, 120_000);

// ---------------------------------------------------------------------------------------
// Hand-made zips: stored entries, each CRC right unless a test says otherwise.

interface RawEntry {
  name: string;
  data: Uint8Array;
  /** Compressed bytes when not stored as they are. */
  deflated?: Uint8Array;
  /** What the directory declares, when a test wants it to lie. */
  crc?: number;
  usize?: number;
}

function zipOf(entries: RawEntry[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = Buffer.from(e.deflated ?? e.data);
    const crc = e.crc ?? crc32(e.data);
    const usize = e.usize ?? e.data.length;
    const method = e.deflated ? 8 : 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc >>> 0, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(usize, 22);
    lh.writeUInt16LE(name.length, 26);
    local.push(lh, name, body);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(usize, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, eocd]);
}

/** The schedule's parts as stored entries, `change` applied to the list. */
function scheduleZip(change: (entries: RawEntry[]) => RawEntry[] = (e) => e): Uint8Array {
  const parts = unzipSync(schedule());
  return zipOf(change(Object.entries(parts).map(([name, data]) => ({ name, data }))));
}

const SHEET = "xl/worksheets/sheet1.xml";

const CORRUPT =
  "无法读取 %F：文件已损坏或不完整，不是有效的 .xlsx 工作簿；请确认它能在 Excel 中打开，必要时重新下载或另存一份。";

async function refused(name: string, bytes: Uint8Array, command: "check" | "apply" = "check") {
  const file = save(name, bytes);
  const args = command === "apply" ? ["apply", file, "-o", join(dir, `${name}.out.xlsx`)] : ["check", file];
  const r = await run(...args);
  return { ...r, file };
}

describe("corrupt packages are refused, never read as garbage", () => {
  test("a sheet whose bytes do not match its CRC-32: check and apply say the file is damaged", async () => {
    const bytes = scheduleZip((es) =>
      es.map((e) => {
        if (e.name !== SHEET) return e;
        const crc = crc32(e.data);
        const data = Buffer.from(strFromU8(e.data).replace("现场勘察", "现场勘查"));
        return { ...e, data, crc };
      }),
    );
    for (const command of ["check", "apply"] as const) {
      const r = await refused(`crc-${command}.xlsx`, bytes, command);
      expect(r.code).toBe(2);
      expect(r.err.trim()).toBe(CORRUPT.replace("%F", r.file));
    }
  });

  test("a part apply only copies (a picture), damaged, is refused rather than passed on", async () => {
    const picture = new Uint8Array(256).map((_, i) => i);
    const bytes = scheduleZip((es) => [...es, { name: "xl/media/image1.png", data: picture, crc: 12345 }]);
    const r = await refused("crc-media.xlsx", bytes, "apply");
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(CORRUPT.replace("%F", r.file));
  });

  test("a part named twice in the zip is refused, not read as its last copy", async () => {
    const bytes = scheduleZip((es) => {
      const sheet = es.find((e) => e.name === SHEET)!;
      const other = Buffer.from(strFromU8(sheet.data).replace("现场勘察", "别的内容"));
      return [...es, { name: "xl/worksheets/Sheet1.xml", data: other }];
    });
    for (const command of ["check", "apply"] as const) {
      const r = await refused(`twice-${command}.xlsx`, bytes, command);
      expect(r.code).toBe(2);
      expect(r.err.trim()).toBe(CORRUPT.replace("%F", r.file));
    }
  });
});

// ---------------------------------------------------------------------------------------
// Zip bombs. A deflate stream of `mib` MiB of spaces, made of one 1 MiB block flushed and
// repeated (each full flush starts afresh), so a bomb costs its compressed size to build.

function spacesStream(mib: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(2 ** 20, 0x20), {
    flush: Z.Z_FULL_FLUSH,
    finishFlush: Z.Z_FULL_FLUSH,
  });
  const end = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mib }, () => block), end]);
}

/** A sheet whose XML goes on with `mib` MiB of spaces before its root closes; declared as `declared` bytes. */
function bombZip(mib: number, declared: number): Uint8Array {
  return scheduleZip((es) =>
    es.map((e) => (e.name === SHEET ? { ...e, deflated: spacesStream(mib), usize: declared, crc: 0 } : e)),
  );
}

const TOO_LARGE = /^无法读取 .*：文件解压后过大（单个部分超过 500 MB 或合计超过 2 GB），.*。$/;

describe("zip bombs are refused before they cost memory", () => {
  const small = { part: 2 ** 20, package: 4 * 2 ** 20 };

  test("a part declaring more than the part cap is refused before it is inflated", () => {
    const bytes = bombZip(2, 2 * 2 ** 20);
    for (const read of [() => readXlsxBytes(bytes, small), () => applyPatchXlsx(bytes, { ops: [] }, small)]) {
      let error: unknown;
      try {
        read();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect(inputErrorMessage(error as InputError, "zh", "a.xlsx")).toMatch(TOO_LARGE);
    }
  });

  test("parts that together declare more than the package cap are refused", () => {
    const filler = (i: number): RawEntry => ({
      name: `xl/media/f${i}.bin`,
      data: new Uint8Array(900 * 1024),
    });
    const bytes = scheduleZip((es) => [...es, ...[1, 2, 3, 4, 5].map(filler)]);
    expect(() => readXlsxBytes(bytes, small)).toThrow(
      expect.objectContaining({ detail: "unpacked-too-large" }),
    );
    expect(() => applyPatchXlsx(bytes, { ops: [] }, small)).toThrow(
      expect.objectContaining({ detail: "unpacked-too-large" }),
    );
  });

  test("a part lying about its size stops inflating at the size it declared, and is damaged", () => {
    const bytes = bombZip(3, 4096);
    for (const read of [() => readXlsxBytes(bytes, small), () => applyPatchXlsx(bytes, { ops: [] }, small)])
      expect(read).toThrow(expect.objectContaining({ code: "corrupt", detail: "damaged" }));
  });

  /** `ptrack check` in its own process, as a user runs it, with its peak memory. */
  function ptrack(file: string): { code: number | null; err: string; peakMb: number } {
    const r = spawnSync(
      "/usr/bin/time",
      ["-v", process.execPath, join(__dirname, "../../bin/ptrack.js"), "check", file],
      {
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
    const err = r.stderr
      .split("\n\tCommand being timed")[0]
      .replace(/Command exited with non-zero status \d+\n?/, "");
    return { code: r.status, err: err.trim(), peakMb: peakKb / 1024 };
  }

  test("a real 4 MB bomb (one sheet of 3.75 GB) is refused by the CLI in under 1 GB of memory", () => {
    const honest = save("bomb-honest.xlsx", bombZip(3840, 3840 * 2 ** 20));
    const lying = save("bomb-lying.xlsx", bombZip(3840, 100 * 2 ** 20));
    expect(readFileSync(honest).length).toBeLessThan(5 * 2 ** 20);
    const a = ptrack(honest);
    expect([a.code, a.err]).toEqual([2, expect.stringMatching(TOO_LARGE)]);
    expect(a.peakMb).toBeLessThan(1024);
    const b = ptrack(lying);
    expect([b.code, b.err]).toEqual([2, CORRUPT.replace("%F", lying)]);
    expect(b.peakMb).toBeLessThan(1024);
  }, 300_000);
});
