import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { strToU8, unzipSync, zipSync } from "fflate";
import { isoToSerial } from "../../src/core/dates";
import { cellAt, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/snapshot";
import { InputError, readXlsx, readXlsxBytes, type InputErrorCode } from "../../src/host/xlsx/read";
import { inputErrorMessage } from "../../src/i18n/errors";
import { esc, NS_MAIN, rawXlsx, tableXml, worksheetXml, writeXlsx } from "../helpers/workbook";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ptrack-read-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheet = (wb: WorkbookSnapshot, name: string): SheetSnapshot => {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const value = (s: SheetSnapshot, r: number, c: number) => cellAt(s, r, c)?.value;
/** Number of cells present: proves empty and styled-only cells are left out. */
const cellCount = (s: SheetSnapshot) =>
  s.rows.reduce((n, row) => n + (row ? row.filter((c) => c !== undefined).length : 0), 0);

describe("readXlsx on workbooks saved by exceljs", () => {
  test("values, dates, formats, formulas, errors, merges, tables, visibility", async () => {
    const bytes = await writeXlsx(undefined, [
      {
        name: "进度计划表",
        rows: [
          ["某某项目进度计划表"],
          [],
          ["序号", "任务名称", "计划完成", "完成率", "合计", "状态", "里程碑"],
          [
            "1.10",
            "设计",
            { date: "2026-11-23" },
            0.85,
            { formula: "D4*2", result: 1.7 },
            { error: "#N/A" },
            true,
          ],
          ["1.2", "开发", { date: "2026-02-13" }, 1, { formula: "A5&B5", result: "1.2开发" }, null, false],
        ],
        merges: ["A1:G1"],
        numFmts: { D4: "0%", D5: "0.00%" },
        tables: [{ name: "计划", ref: "A3:D5" }],
      },
      { name: "设置", rows: [["项", "值"]], state: "hidden" },
      { name: "内部", rows: [["x"]], state: "veryHidden" },
    ]);
    const wb = await readXlsx(bytes);
    expect(wb.date1904).toBe(false);
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["进度计划表", "visible"],
      ["设置", "hidden"],
      ["内部", "veryHidden"],
    ]);
    const s = sheet(wb, "进度计划表");
    expect(value(s, 1, 1)).toBe("某某项目进度计划表");
    expect(s.rows[1]).toBeUndefined();
    expect(value(s, 4, 1)).toBe("1.10");
    expect(cellAt(s, 4, 3)).toEqual({ value: isoToSerial("2026-11-23"), numFmt: "yyyy-mm-dd" });
    expect(value(s, 4, 3)).toBe(46349);
    expect(cellAt(s, 4, 4)).toEqual({ value: 0.85, numFmt: "0%" });
    expect(cellAt(s, 5, 4)).toEqual({ value: 1, numFmt: "0.00%" });
    expect(cellAt(s, 4, 5)).toEqual({ value: 1.7, formula: "D4*2" });
    expect(cellAt(s, 5, 5)).toEqual({ value: "1.2开发", formula: "A5&B5" });
    expect(value(s, 4, 6)).toEqual({ error: "#N/A" });
    expect(value(s, 4, 7)).toBe(true);
    expect(value(s, 5, 7)).toBe(false);
    expect(cellAt(s, 5, 6)).toBeUndefined();
    expect(cellAt(s, 4, 2)?.numFmt).toBeUndefined(); // General is omitted
    expect(s.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 7 }]);
    expect(s.tables).toEqual([{ name: "计划", range: { r1: 3, c1: 1, r2: 5, c2: 4 }, headerRow: true }]);
    expect(value(s, 5, 3)).toBe(isoToSerial("2026-02-13"));
  });

  test("the 1904 date system", async () => {
    const bytes = await writeXlsx(undefined, [{ name: "S", rows: [[{ date: "2026-11-23" }]] }], {
      date1904: true,
    });
    const wb = await readXlsx(bytes);
    expect(wb.date1904).toBe(true);
    expect(value(wb.sheets[0], 1, 1)).toBe(44887);
  });

  test("shared formulas: the master keeps its text, dependents keep their values", async () => {
    const wb0 = new ExcelJS.Workbook();
    const ws = wb0.addWorksheet("S");
    // exceljs's typings omit shareType/ref, which its writer honours.
    const master = { formula: "ROW()*10", result: 10, shareType: "shared", ref: "A1:A3" };
    ws.getCell("A1").value = master as ExcelJS.CellFormulaValue;
    ws.getCell("A2").value = { sharedFormula: "A1", result: 20 };
    ws.getCell("A3").value = { sharedFormula: "A1", result: 30 };
    const wb = await readXlsx(new Uint8Array(await wb0.xlsx.writeBuffer()));
    const s = wb.sheets[0];
    expect(cellAt(s, 1, 1)).toEqual({ value: 10, formula: "ROW()*10" });
    expect(cellAt(s, 2, 1)).toEqual({ value: 20 });
    expect(cellAt(s, 3, 1)).toEqual({ value: 30 });
  });

  test("reads from a path as well as from bytes", async () => {
    const path = join(dir, "路径.xlsx");
    await writeXlsx(path, [{ name: "S", rows: [["a", 1]] }]);
    const wb = await readXlsx(path);
    expect(value(wb.sheets[0], 1, 2)).toBe(1);
  });

  test("the browser path (JS inflate) reads the same as the Node path (zlib)", async () => {
    const bytes = await writeXlsx(undefined, [
      {
        name: "S",
        rows: [["任务", { date: "2026-11-23" }, 0.5, { formula: "1+1", result: 2 }]],
        merges: ["A3:B3"],
      },
    ]);
    expect(readXlsxBytes(bytes)).toEqual(await readXlsx(bytes));
  });

  test("gives the same values as exceljs (dates as serials)", async () => {
    const rows: Parameters<typeof writeXlsx>[1][0]["rows"] = [
      ["合同执行情况表"],
      ["合同编号", "签订日期", "金额", "备注"],
    ];
    for (let i = 0; i < 200; i++) {
      rows.push([
        `HT-2026-${String(i).padStart(3, "0")}`,
        i % 7 === 0 ? "2026年3月5日" : { date: `2026-${String((i % 12) + 1).padStart(2, "0")}-15` },
        i % 5 === 0 ? `${i},000.00` : i * 1234.5,
        // Results are never 0: exceljs drops a cached 0 when it reads a formula.
        i % 3 === 0
          ? { formula: `C${i + 3}*2+1`, result: i * 2469 + 1 }
          : i % 11 === 0
            ? { error: "#REF!" }
            : null,
        i % 4 === 0 ? '  带空格 & <符号> "引号"  ' : i % 9 === 0 ? "第一行\n第二行" : undefined,
      ]);
    }
    const bytes = await writeXlsx(undefined, [{ name: "合同执行情况表", rows, merges: ["A1:D1"] }]);
    const mine = sheet(await readXlsx(bytes), "合同执行情况表");

    const ref = new ExcelJS.Workbook();
    await ref.xlsx.load(bytes as unknown as ArrayBuffer);
    const theirs: Array<[string, unknown]> = [];
    ref.worksheets[0].eachRow((row, r) =>
      row.eachCell((cell, c) => {
        // exceljs repeats a merge's value in its covered cells; Excel stores it once.
        if (cell.isMerged && cell.master !== cell) return;
        let v: unknown = cell.value;
        if (v && typeof v === "object" && "formula" in v) v = (v as ExcelJS.CellFormulaValue).result;
        if (v instanceof Date) v = 25569 + v.getTime() / 86_400_000;
        theirs.push([`${r},${c}`, v]);
      }),
    );
    const ours: Array<[string, unknown]> = [];
    mine.rows.forEach((row, r) =>
      row?.forEach((cell, c) => cell && ours.push([`${r + 1},${c + 1}`, cell.value])),
    );
    expect(ours).toEqual(theirs);
    expect(ours.length).toBeGreaterThan(700);
  });
});

describe("readXlsx on hand-written parts", () => {
  test("shared strings: rich text runs, phonetic guides skipped, entities, _xHHHH_ escapes, spaces", async () => {
    const sst =
      `<sst xmlns="${NS_MAIN}">` +
      `<si><t>plain</t></si>` +
      `<si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve"> 三</t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh><phoneticPr fontId="1"/></si>` +
      `<si><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587; &#x1F600;</t></si>` +
      `<si><t>line_x000D_break _x005F_x000D_ kept</t></si>` +
      `<si><t xml:space="preserve">  padded  </t></si>` +
      `<si><t/></si>` +
      `<si/>` +
      `</sst>`;
    const rows = [0, 1, 2, 3, 4, 5, 6].map(
      (i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`,
    );
    const wb = await readXlsx(
      rawXlsx({ sheets: [{ name: "S", xml: worksheetXml(rows.join("")) }], sharedStrings: { xml: sst } }),
    );
    const s = wb.sheets[0];
    expect(value(s, 1, 1)).toBe("plain");
    expect(value(s, 2, 1)).toBe("张 三");
    expect(value(s, 3, 1)).toBe(`a & b <c> "d" 'e' 中文 😀`);
    expect(value(s, 4, 1)).toBe("line\rbreak _x000D_ kept");
    expect(value(s, 5, 1)).toBe("  padded  ");
    expect(cellAt(s, 6, 1)).toBeUndefined(); // an empty string is no value
    expect(cellAt(s, 7, 1)).toBeUndefined();
  });

  test("inline strings, str results, booleans, errors, ISO date cells", async () => {
    const xml = worksheetXml(
      `<row r="1">` +
        `<c r="A1" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c>` +
        `<c r="B1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r><rPh><t>fu</t></rPh></is></c>` +
        `<c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
        `<c r="D1" t="b"><v>1</v></c>` +
        `<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
        `<c r="F1" t="d"><v>2026-11-23T00:00:00Z</v></c>` +
        `<c r="G1" t="d"><v>2026-11-23T18:00:00</v></c>` +
        `<c r="H1" t="n"><v>-1.5E-3</v></c>` +
        `<c r="I1"><f>NOW()</f></c>` +
        `</row>`,
    );
    const s = (await readXlsx(rawXlsx({ sheets: [{ name: "S", xml }] }))).sheets[0];
    expect(value(s, 1, 1)).toBe("内联 & 文本");
    expect(value(s, 1, 2)).toBe("富文本");
    expect(cellAt(s, 1, 3)).toEqual({ value: "ab", formula: '"a"&"b"' });
    expect(value(s, 1, 4)).toBe(true);
    expect(cellAt(s, 1, 5)).toEqual({ value: { error: "#DIV/0!" }, formula: "1/0" });
    expect(cellAt(s, 1, 6)).toEqual({ value: 46349, numFmt: "yyyy-mm-dd" });
    expect(value(s, 1, 7)).toBe(46349.75);
    expect(value(s, 1, 8)).toBe(-0.0015);
    // A formula never calculated still makes the cell non-empty.
    expect(cellAt(s, 1, 9)).toEqual({ value: "", formula: "NOW()" });
  });

  test("ISO date cells in a 1904 workbook", async () => {
    const xml = worksheetXml(
      `<row r="1"><c r="A1" t="d"><v>2026-11-23</v></c><c r="B1"><v>44887</v></c></row>`,
    );
    const wb = await readXlsx(rawXlsx({ sheets: [{ name: "S", xml }], date1904: true }));
    expect(wb.date1904).toBe(true);
    expect(value(wb.sheets[0], 1, 1)).toBe(44887);
    expect(value(wb.sheets[0], 1, 2)).toBe(44887);
  });

  test("cells and rows without r attributes are placed by position", async () => {
    const xml = worksheetXml(
      `<row><c><v>1</v></c><c><v>2</v></c></row>` +
        `<row><c r="C2"><v>3</v></c><c><v>4</v></c></row>` +
        `<row r="5"><c/><c><v>5</v></c></row>` +
        `<row><c><v>6</v></c></row>`,
    );
    const s = (await readXlsx(rawXlsx({ sheets: [{ name: "S", xml }] }))).sheets[0];
    expect(value(s, 1, 1)).toBe(1);
    expect(value(s, 1, 2)).toBe(2);
    expect(value(s, 2, 3)).toBe(3);
    expect(value(s, 2, 4)).toBe(4);
    expect(value(s, 5, 2)).toBe(5);
    expect(value(s, 6, 1)).toBe(6);
    expect(cellCount(s)).toBe(6);
  });

  test("number formats: custom, built-in date/time/percent ids, zh-CN ids, General omitted", async () => {
    const ids = [0, 9, 10, 14, 15, 16, 17, 18, 19, 20, 21, 22, 31, 45, 46, 47, 57, 58, 164, 49];
    const styles =
      `<styleSheet xmlns="${NS_MAIN}">` +
      `<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
      `<numFmt numFmtId="165" formatCode="General"/></numFmts>` +
      `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
      `<cellXfs count="${ids.length + 1}">${ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join("")}<xf numFmtId="165"/></cellXfs>` +
      `<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.0"/></dxf></dxfs>` +
      `</styleSheet>`;
    const cells = [...ids, 165].map((_, i) => `<c r="A${i + 1}" s="${i}"><v>46349</v></c>`);
    const xml = worksheetXml(cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join(""));
    const s = (await readXlsx(rawXlsx({ sheets: [{ name: "S", xml }], stylesXml: styles }))).sheets[0];
    const fmt = (r: number) => cellAt(s, r, 1)?.numFmt;
    expect(ids.map((_, i) => fmt(i + 1))).toEqual([
      undefined,
      "0%",
      "0.00%",
      "mm-dd-yy",
      "d-mmm-yy",
      "d-mmm",
      "mmm-yy",
      "h:mm AM/PM",
      "h:mm:ss AM/PM",
      "h:mm",
      "h:mm:ss",
      "m/d/yy h:mm",
      'yyyy"年"m"月"d"日"',
      "mm:ss",
      "[h]:mm:ss",
      "mmss.0",
      'yyyy"年"m"月"',
      'm"月"d"日"',
      'yyyy"年"m"月"d"日"',
      "@",
    ]);
    expect(fmt(ids.length + 1)).toBeUndefined();
  });

  test("a sheet blown out to XFD1048576 costs only its real cells", async () => {
    const xml = worksheetXml(
      `<row r="1" spans="1:16384" s="2" customFormat="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c>` +
        `<c r="B1" s="1"/><c r="XFD1" s="1"/></row>` +
        `<row r="2" s="1" customFormat="1"><c r="A2"><v>7</v></c></row>` +
        `<row r="500000" s="1" customFormat="1"/>` +
        `<row r="1048576" s="1" customFormat="1"><c r="XFD1048576" s="1"/></row>`,
      { dimension: "A1:XFD1048576", cols: `<col min="1" max="16384" width="9" style="1"/>` },
    );
    const start = process.hrtime.bigint();
    const s = (await readXlsx(rawXlsx({ sheets: [{ name: "S", xml }] }))).sheets[0];
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(1000);
    expect(s.rows.length).toBe(2);
    expect(cellCount(s)).toBe(2);
    expect(value(s, 1, 1)).toBe("标题");
    expect(value(s, 2, 1)).toBe(7);
  });

  test("a value at XFD1048576 is kept in a sparse row array", async () => {
    const xml = worksheetXml(
      `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>`,
    );
    const s = (await readXlsx(rawXlsx({ sheets: [{ name: "S", xml }] }))).sheets[0];
    expect(value(s, 1048576, 16384)).toBe(2);
    expect(Object.keys(s.rows)).toEqual(["0", "1048575"]);
    expect(Object.keys(s.rows[1048575] ?? [])).toEqual(["16383"]);
  });

  test("namespace prefixes (x:worksheet) as written by the Open XML SDK", async () => {
    const xml =
      `<x:worksheet xmlns:x="${NS_MAIN}"><x:sheetData><x:row r="1">` +
      `<x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c r="C1"><x:f>1+1</x:f><x:v>2</x:v></x:c>` +
      `</x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A3:B4"/></x:mergeCells></x:worksheet>`;
    const sst = `<x:sst xmlns:x="${NS_MAIN}"><x:si><x:r><x:t>前缀</x:t></x:r><x:rPh><x:t>no</x:t></x:rPh></x:si></x:sst>`;
    const s = (await readXlsx(rawXlsx({ sheets: [{ name: "S", xml }], sharedStrings: { xml: sst } })))
      .sheets[0];
    expect(value(s, 1, 1)).toBe("前缀");
    expect(value(s, 1, 2)).toBe("内联");
    expect(cellAt(s, 1, 3)).toEqual({ value: 2, formula: "1+1" });
    expect(s.merges).toEqual([{ r1: 3, c1: 1, r2: 4, c2: 2 }]);
  });

  test("tables via sheet relationships, with and without a header row", async () => {
    const xml = worksheetXml(`<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>`, {
      tableCount: 2,
      mergeCells: ["E1:F1", "E2:E3"],
    });
    const wb = await readXlsx(
      rawXlsx({
        sheets: [
          {
            name: "S",
            xml,
            tables: [
              tableXml(1, "参数", "B2:C9", ["项", "值"]),
              tableXml(2, "无表头", "H1:I4", ["a", "b"], 0),
            ],
          },
        ],
        sharedStrings: ["项", "值"],
      }),
    );
    const s = wb.sheets[0];
    expect(s.tables).toEqual([
      { name: "参数", range: { r1: 2, c1: 2, r2: 9, c2: 3 }, headerRow: true },
      { name: "无表头", range: { r1: 1, c1: 8, r2: 4, c2: 9 }, headerRow: false },
    ]);
    expect(s.merges).toEqual([
      { r1: 1, c1: 5, r2: 1, c2: 6 },
      { r1: 2, c1: 5, r2: 3, c2: 5 },
    ]);
  });

  test("parts stored without compression", async () => {
    const xml = worksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
    const wb = await readXlsx(
      rawXlsx({ sheets: [{ name: "S", xml }], sharedStrings: ["未压缩"], store: true }),
    );
    expect(value(wb.sheets[0], 1, 1)).toBe("未压缩");
  });

  test("a zip64 archive (large workbooks)", async () => {
    const xml = worksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>64</v></c></row>`);
    const parts = unzipSync(rawXlsx({ sheets: [{ name: "S", xml }], sharedStrings: ["zip64"] }));
    const s = (await readXlsx(zip64Stored(parts))).sheets[0];
    expect(value(s, 1, 1)).toBe("zip64");
    expect(value(s, 1, 2)).toBe(64);
  });

  test("an empty sheet beside a full one is kept, in workbook order", async () => {
    const wb = await readXlsx(
      rawXlsx({
        sheets: [
          { name: "空", xml: worksheetXml("") },
          { name: "有", xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`), state: "hidden" },
        ],
      }),
    );
    expect(wb.sheets.map((s) => [s.name, s.visibility, s.rows.length])).toEqual([
      ["空", "visible", 0],
      ["有", "hidden", 1],
    ]);
    const selfClosed = `<worksheet xmlns="${NS_MAIN}"><sheetData/><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>`;
    const wb2 = await readXlsx(
      rawXlsx({
        sheets: [
          { name: "空", xml: selfClosed },
          { name: "有", xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) },
        ],
      }),
    );
    expect(wb2.sheets[0].merges).toEqual([{ r1: 1, c1: 1, r2: 2, c2: 2 }]);
  });
});

describe("properties", () => {
  /** Text XML can carry as it is: no control characters, no CR (XML turns it into LF), no _xHHHH_. */
  const xmlText = fc.string({ unit: "binary", minLength: 1, maxLength: 20 }).filter(
    (t) =>
      ![...t].some((ch) => {
        const c = ch.codePointAt(0) ?? 0;
        return (c < 32 && c !== 9 && c !== 10) || c === 0xfffe || c === 0xffff;
      }) && !/_x[0-9A-Fa-f]{4}_/.test(t),
  );

  test("any text survives shared and inline strings", () => {
    fc.assert(
      fc.property(fc.array(xmlText, { minLength: 1, maxLength: 5 }), (texts) => {
        const rows = texts.map(
          (t, i) =>
            `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c>` +
            `<c r="B${i + 1}" t="inlineStr"><is><t xml:space="preserve">${esc(t)}</t></is></c></row>`,
        );
        const wb = readXlsxBytes(
          rawXlsx({ sheets: [{ name: "S", xml: worksheetXml(rows.join("")) }], sharedStrings: texts }),
        );
        texts.forEach((t, i) => {
          expect(value(wb.sheets[0], i + 1, 1)).toBe(t);
          expect(value(wb.sheets[0], i + 1, 2)).toBe(t);
        });
      }),
    );
  });

  /** Either a snapshot or an InputError: never another exception, never a hang. */
  const readsOrRefuses = (bytes: Uint8Array) => {
    try {
      readXlsxBytes(bytes);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  };

  test("mangled worksheet XML never throws anything but InputError", () => {
    const good = worksheetXml(
      `<row r="1" spans="1:3"><c r="A1" t="s" s="0"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>x</t></r></is></c>` +
        `<c r="C1"><f t="shared" ref="C1:C2" si="0">A1</f><v>1</v></c></row><row><c><v>2</v></c><c t="e"><v>#N/A</v></c></row>`,
      { mergeCells: ["A5:B5"] },
    );
    const pieces = [
      "<",
      ">",
      "/",
      '"',
      "'",
      "=",
      " ",
      "<c",
      "<v>",
      "</c>",
      "<row",
      "<is>",
      "</sheetData>",
      "&",
      "_x",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length), fc.nat(8), fc.constantFrom(...pieces)), {
          minLength: 1,
          maxLength: 6,
        }),
        (edits) => {
          let xml = good;
          for (const [at, del, ins] of edits) xml = xml.slice(0, at) + ins + xml.slice(at + del);
          readsOrRefuses(
            rawXlsx({
              sheets: [{ name: "S", xml }],
              sharedStrings: { xml: xml.replace(/worksheet/g, "sst") },
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test("flipped or cut bytes never throw anything but InputError", async () => {
    const good = await writeXlsx(undefined, [
      { name: "S", rows: [["标题"], ["a", 1, { date: "2026-11-23" }]], merges: ["A1:C1"] },
    ]);
    fc.assert(
      fc.property(
        fc.nat(good.length - 1),
        fc.integer({ min: 0, max: 255 }),
        fc.boolean(),
        (at, byte, cut) => {
          const b = cut ? good.subarray(0, at) : Uint8Array.from(good);
          if (!cut) b[at] = byte;
          readsOrRefuses(b);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/**
 * A stored (uncompressed) zip written the zip64 way: 32-bit fields saturated, the real
 * sizes and offsets in extra field 0x0001, and a zip64 end record, as big workbooks have.
 */
function zip64Stored(files: Record<string, Uint8Array>): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const n = Buffer.from(name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(45, 4);
    lh.writeUInt32LE(crc32(data), 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(n.length, 26);
    local.push(lh, n, Buffer.from(data));
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(data.length), 4);
    extra.writeBigUInt64LE(BigInt(data.length), 12);
    extra.writeBigUInt64LE(BigInt(offset), 20);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(45, 6);
    ch.writeUInt32LE(crc32(data), 16);
    ch.writeUInt32LE(0xffffffff, 20);
    ch.writeUInt32LE(0xffffffff, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt16LE(extra.length, 30);
    ch.writeUInt32LE(0xffffffff, 42);
    central.push(ch, n, extra);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const count = BigInt(Object.keys(files).length);
  const z = Buffer.alloc(56);
  z.writeUInt32LE(0x06064b50, 0);
  z.writeBigUInt64LE(44n, 4);
  z.writeBigUInt64LE(count, 24);
  z.writeBigUInt64LE(count, 32);
  z.writeBigUInt64LE(BigInt(cd.length), 40);
  z.writeBigUInt64LE(BigInt(offset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  loc.writeUInt32LE(1, 16);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...local, cd, z, loc, eocd]);
}

// ---------------------------------------------------------------------------
// Bad input

/** A minimal OLE2 compound file: the magic, then directory entries with these stream names. */
function cfb(streams: string[]): Uint8Array {
  const b = new Uint8Array(512 + 128 * (streams.length + 1));
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ["Root Entry", ...streams].forEach((name, i) => {
    const at = 512 + 128 * i;
    for (let k = 0; k < name.length; k++) b[at + 2 * k] = name.charCodeAt(k);
    b[at + 64] = (name.length + 1) * 2;
  });
  return b;
}

async function codeOf(input: string | Uint8Array): Promise<[InputErrorCode, string | undefined]> {
  try {
    await readXlsx(input);
  } catch (e) {
    if (e instanceof InputError) return [e.code, e.detail];
    throw e;
  }
  throw new Error("no error");
}

describe("bad input becomes an InputError", () => {
  const file = (name: string, data: string | Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  test("missing file, directory", async () => {
    expect(await codeOf(join(dir, "没有这个文件.xlsx"))).toEqual(["not-found", undefined]);
    expect(await codeOf(join(dir, "nope", "a.xlsx"))).toEqual(["not-found", undefined]);
    const sub = join(dir, "文件夹.xlsx");
    mkdirSync(sub);
    expect(await codeOf(sub)).toEqual(["directory", undefined]);
  });

  test("unsupported formats by extension: .xls, .csv, .xlsm, .ods", async () => {
    const xlsx = await writeXlsx(undefined, [{ name: "S", rows: [[1]] }]);
    expect(await codeOf(file("旧.xls", cfb(["Workbook"])))).toEqual(["unsupported-format", ".xls"]);
    expect(await codeOf(file("a.csv", "序号,任务名称\n1,设计\n"))).toEqual(["unsupported-format", ".csv"]);
    expect(await codeOf(file("宏.xlsm", xlsx))).toEqual(["unsupported-format", ".xlsm"]);
    expect(await codeOf(file("a.ods", "x"))).toEqual(["unsupported-format", ".ods"]);
  });

  test("unsupported formats by content, whatever the name", async () => {
    expect(await codeOf(file("csv.xlsx", "序号,任务名称\r\n1,设计\r\n"))).toEqual([
      "unsupported-format",
      "text",
    ]);
    // GBK-encoded CSV, as Chinese Excel saves it: still text.
    expect(await codeOf(new Uint8Array([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0x31, 0x0d, 0x0a]))).toEqual([
      "unsupported-format",
      "text",
    ]);
    expect(
      await codeOf(file("web.xlsx", "<html><body><table><tr><td>1</td></tr></table></body></html>")),
    ).toEqual(["unsupported-format", "html"]);
    expect(await codeOf(file("renamed.xlsx", cfb(["Workbook", "SummaryInformation"])))).toEqual([
      "unsupported-format",
      ".xls",
    ]);
    const macro = rawXlsx({
      sheets: [{ name: "S", xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
      parts: {
        "[Content_Types].xml": `<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`,
      },
    });
    expect(await codeOf(macro)).toEqual(["unsupported-format", ".xlsm"]);
    // An .xlsx carrying an embedded macro workbook as an object is still an .xlsx.
    const embedded = rawXlsx({
      sheets: [{ name: "S", xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
      parts: {
        "[Content_Types].xml": `<Types><Default Extension="xlsm" ContentType="application/vnd.ms-excel.sheet.macroEnabled.12"/></Types>`,
      },
    });
    expect((await readXlsx(embedded)).sheets[0].rows.length).toBe(1);
    const ods = zipSync({
      mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
      "content.xml": strToU8("<x/>"),
    });
    expect(await codeOf(ods)).toEqual(["unsupported-format", ".ods"]);
    expect(await codeOf(zipSync({ "xl/workbook.bin": new Uint8Array(8) }))).toEqual([
      "unsupported-format",
      ".xlsb",
    ]);
  });

  test("password-protected workbooks", async () => {
    const enc = cfb(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]);
    expect(await codeOf(file("密码.xlsx", enc))).toEqual(["encrypted", undefined]);
  });

  test("corrupt: not a zip, truncated, no workbook part, missing sheet, zero bytes", async () => {
    const good = await writeXlsx(undefined, [{ name: "S", rows: [["a"]] }]);
    expect(await codeOf(file("truncated.xlsx", good.subarray(0, Math.floor(good.length / 2))))).toEqual([
      "corrupt",
      "damaged",
    ]);
    expect(await codeOf(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xff, 0x00]))).toEqual([
      "corrupt",
      "not-zip",
    ]);
    expect(await codeOf(zipSync({ "hello.txt": strToU8("hi") }))).toEqual(["corrupt", "no-workbook"]);
    const noSheet = rawXlsx({
      sheets: [{ name: "S", xml: worksheetXml("") }],
      parts: { "xl/worksheets/sheet1.xml": null },
    });
    expect((await codeOf(noSheet))[0]).toBe("corrupt");
    expect(await codeOf(file("zero.xlsx", ""))).toEqual(["corrupt", "zero-length"]);
    // A workbook part cut short inside its sheet list: damaged, not an empty workbook.
    const cutShort = rawXlsx({
      sheets: [{ name: "S", xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
      parts: {
        "xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" r:id="rId1"`,
      },
    });
    expect(await codeOf(cutShort)).toEqual(["corrupt", "damaged"]);
    // A damaged deflate stream inside an intact zip directory.
    const broken = Uint8Array.from(good);
    const at = Buffer.from(broken).indexOf("xl/worksheets/sheet1.xml") + 40;
    broken.fill(0xff, at, at + 64);
    expect((await codeOf(broken))[0]).toBe("corrupt");
  });

  test("a workbook without any value is empty", async () => {
    const bytes = await writeXlsx(undefined, [
      { name: "S1", rows: [] },
      { name: "S2", rows: [[null, ""]], numFmts: { A1: "0%" } },
    ]);
    expect(await codeOf(bytes)).toEqual(["empty", undefined]);
    const styledOnly = rawXlsx({
      sheets: [{ name: "S", xml: worksheetXml(`<row r="1" s="1"><c r="A1" s="1"/><c r="B1" t="s"/></row>`) }],
    });
    expect(await codeOf(styledOnly)).toEqual(["empty", undefined]);
  });

  test("a device is not a workbook", async () => {
    expect(await codeOf("/dev/null")).toEqual(["unreadable", "not-a-file"]);
  });

  test("a file that cannot be read for permissions", async () => {
    jest.resetModules();
    jest.doMock("node:fs/promises", () => ({
      ...jest.requireActual("node:fs/promises"),
      stat: async () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
    }));
    const mod = await import("../../src/host/xlsx/read");
    await expect(mod.readXlsx("/root/secret.xlsx")).rejects.toMatchObject({
      code: "unreadable",
      detail: "EACCES",
    });
    jest.dontMock("node:fs/promises");
  });
});

describe("inputErrorMessage", () => {
  const all: Array<[InputErrorCode, string | undefined, string]> = [
    ["not-found", undefined, "a.xlsx"],
    ["directory", undefined, "docs"],
    ["unreadable", "EACCES", "a.xlsx"],
    ["unreadable", "too-large", "a.xlsx"],
    ["unreadable", "not-a-file", "/dev/null"],
    ["encrypted", undefined, "a.xlsx"],
    ["unsupported-format", ".xls", "a.xls"],
    ["unsupported-format", ".xls", "a.xlsx"],
    ["unsupported-format", ".xlsm", "a.xlsm"],
    ["unsupported-format", ".csv", "a.csv"],
    ["unsupported-format", "text", "a.xlsx"],
    ["unsupported-format", "html", "a.xls"],
    ["unsupported-format", "unknown", "a.xlsx"],
    ["corrupt", "damaged", "a.xlsx"],
    ["corrupt", "zero-length", "a.xlsx"],
    ["empty", undefined, "a.xlsx"],
  ];

  test.each(all)("%s (%s) reads as one sentence naming the file, in both languages", (code, detail, f) => {
    for (const lang of ["zh", "en"] as const) {
      const m = inputErrorMessage(new InputError(code, detail), lang, f);
      expect(m).toContain(f);
      expect(m).not.toMatch(/\n|Error|at .*:\d+|undefined/);
      expect(m).toMatch(lang === "zh" ? /。$/ : /\.$/);
      if (lang === "zh") expect(m).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("the words users will see", () => {
    expect(inputErrorMessage(new InputError("unsupported-format", ".xls"), "zh", "a.xls")).toBe(
      "无法读取 a.xls：这是旧版 .xls 工作簿（Excel 97-2003），只支持 .xlsx 工作簿（Excel 2007 及以后），请在 Excel 中另存为 .xlsx 后再试。",
    );
    expect(inputErrorMessage(new InputError("unsupported-format", ".xls"), "zh", "b.xlsx")).toContain(
      "这个文件实际上是旧版 .xls 工作簿",
    );
    expect(inputErrorMessage(new InputError("unsupported-format", ".xlsm"), "en", "m.xlsm")).toContain(
      "only .xlsx",
    );
    expect(inputErrorMessage(new InputError("encrypted"), "zh", "p.xlsx")).toContain("密码");
    expect(inputErrorMessage(new InputError("unsupported-format", ".csv"), "zh", "t.csv")).toContain(
      "这是 .csv 文本文件",
    );
  });
});
