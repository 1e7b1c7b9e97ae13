import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { OWN_TAG, OWN_TITLE, type PatchOp, type WorkbookPatch } from "../../src/core/patch";
import { cellAt, type WorkbookSnapshot } from "../../src/core/snapshot";
import { applyPatchXlsx, applyPatchXlsxWithNotes } from "../../src/host/xlsx/apply";
import { readXlsx } from "../../src/host/xlsx/read";
import { uncarriedPartNames, uncarriedParts } from "../../src/host/xlsx/apply";
import { NS_MAIN, rawXlsx, worksheetXml, writeXlsx } from "../helpers/workbook";

const R = (r1: number, c1: number, r2: number, c2: number) => ({ r1, c1, r2, c2 });

/** A contracts sheet as a user made it: title, header on row 3, three data rows. */
async function contractsBook(): Promise<Uint8Array> {
  return writeXlsx(undefined, [
    {
      name: "合同执行情况表",
      rows: [
        ["合同执行情况表"],
        [],
        ["合同编号", "签订日期", "合同金额", "完成率", "是否验收"],
        ["HT-001", { date: "2026-02-13" }, 120000, 0.5, "是"],
        ["HT-002", "2026年3月1日", "12万元", 1, "否"],
        ["=SUM(1,2)", { date: "2026-04-01" }, 5000, null, null],
      ],
      merges: ["A1:E1"],
      numFmts: { C4: "#,##0.00" },
    },
    { name: "说明", rows: [["备注"], ["保留此页"]] },
  ]);
}

const own = (s: string) => `AND(N("${OWN_TAG}·逾期")=0,$B4<TODAY())${s}`;

function fullPatch(): WorkbookPatch {
  const ops: PatchOp[] = [
    {
      op: "createTable",
      sheet: "合同执行情况表",
      table: { name: "合同执行情况表", range: R(3, 1, 6, 5), style: "TableStyleMedium2" },
    },
    { op: "setNumberFormat", sheet: "合同执行情况表", range: R(4, 2, 6, 2), format: "yyyy-mm-dd" },
    { op: "setNumberFormat", sheet: "合同执行情况表", range: R(4, 3, 6, 3), format: "#,##0.00" },
    { op: "setNumberFormat", sheet: "合同执行情况表", range: R(4, 4, 8, 4), format: "0%" },
    {
      op: "setValidation",
      sheet: "合同执行情况表",
      range: R(4, 2, 6, 2),
      validation: { rule: { type: "date", allowBlank: true }, errorMessage: "请输入日期", prompt: "日期" },
    },
    {
      op: "setValidation",
      sheet: "合同执行情况表",
      range: R(4, 5, 6, 5),
      validation: {
        rule: { type: "list", items: ["是", "否"], allowBlank: true },
        errorMessage: "请选择 是 或 否",
      },
    },
    {
      op: "setValidation",
      sheet: "合同执行情况表",
      range: R(4, 4, 6, 4),
      validation: { rule: { type: "decimal", min: 0, max: 1, allowBlank: true }, errorMessage: "0–100%" },
    },
    { op: "clearOwnFormats", sheet: "合同执行情况表" },
    {
      op: "addConditionalFormats",
      sheet: "合同执行情况表",
      ranges: [R(4, 1, 6, 5)],
      rules: [
        { formula: own(""), fill: "FFC7CE", fontColor: "9C0006", stopIfTrue: true },
        { formula: `AND(N("${OWN_TAG}·完成")=0,$D4>=1)`, fontColor: "808080", strike: true },
      ],
    },
    {
      op: "writeSheet",
      sheet: "校验报告",
      owner: { kind: "report", id: "main" },
      visibility: "visible",
      after: "合同执行情况表",
      content: {
        rows: [
          [{ v: "校验报告", style: { bold: true, size: 16 } }],
          [{ v: "日期" }, { v: 46000, style: { numFmt: "yyyy-mm-dd" } }],
          [
            { v: "规则", style: { bold: true, fill: "DDEBF7", border: "all" } },
            { v: "单元格", style: { bold: true, fill: "DDEBF7", border: "all" } },
          ],
          [{ v: "=1+1 不是公式" }, { v: "合同执行情况表!B5", link: { sheet: "合同执行情况表", cell: "B5" } }],
          [{ v: "合计" }, { v: 1, formula: "COUNTA(A4:A4)" }],
        ],
        merges: [R(1, 1, 1, 2)],
        colWidths: [20, 30],
        rowHeights: [28],
        freeze: { rows: 3, cols: 0 },
        showGridLines: false,
        tables: [{ name: "校验结果", range: R(3, 1, 4, 2), style: "TableStyleLight9" }],
        pageSetup: {
          paper: "A4",
          orientation: "landscape",
          fitToWidth: 1,
          printArea: R(1, 1, 5, 2),
          printTitleRows: { r1: 3, r2: 3 },
          centerHorizontally: true,
        },
      },
    },
    { op: "ensureSheet", sheet: "设置", owner: { kind: "settings", id: "main" }, visibility: "hidden" },
    {
      op: "writeSheet",
      sheet: "操作日志",
      owner: { kind: "log", id: "main" },
      visibility: "visible",
      content: {
        rows: [
          [{ v: "时间" }, { v: "操作" }],
          [{ v: "2026-11-23 10:00" }, { v: "apply" }],
        ],
        tables: [{ name: "操作日志", range: R(1, 1, 2, 2), style: "TableStyleLight1" }],
      },
    },
    {
      op: "appendRows",
      sheet: "操作日志",
      table: "操作日志",
      startRow: 3,
      range: R(1, 1, 3, 2),
      rows: [[{ v: "2026-11-24 09:00" }, { v: "clear" }]],
    },
    {
      op: "setValues",
      sheet: "合同执行情况表",
      cells: [
        { cell: "B5", write: { v: 46082, style: { numFmt: "yyyy-mm-dd" } } },
        { cell: "G10", write: { v: "+新" } },
      ],
    },
  ];
  return { ops };
}

async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const parts = (bytes: Uint8Array) => unzipSync(bytes);
const partText = (bytes: Uint8Array, name: string) => strFromU8(parts(bytes)[name]);
const sheetOf = (wb: WorkbookSnapshot, name: string) => wb.sheets.find((s) => s.name === name)!;

describe("applyPatchXlsx: every operation, read back by our reader and by exceljs", () => {
  let out: Uint8Array;
  let before: WorkbookSnapshot;
  beforeAll(async () => {
    const input = await contractsBook();
    before = await readXlsx(input);
    out = applyPatchXlsx(input, fullPatch());
  });

  test("sheets: order, visibility, new ones in the workbook", async () => {
    const wb = await readXlsx(out);
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["合同执行情况表", "visible"],
      ["校验报告", "visible"],
      ["说明", "visible"],
      ["设置", "hidden"],
      ["操作日志", "visible"],
    ]);
    const x = await excel(out);
    expect(x.getWorksheet("设置")!.state).toBe("hidden");
  });

  test("tables: ref and columns equal the header cells", async () => {
    const wb = await readXlsx(out);
    expect(sheetOf(wb, "合同执行情况表").tables).toEqual([
      { name: "合同执行情况表", range: R(3, 1, 6, 5), headerRow: true },
    ]);
    expect(sheetOf(wb, "操作日志").tables[0].range).toEqual(R(1, 1, 3, 2));
    const x = await excel(out);
    const t = x.getWorksheet("合同执行情况表")!.getTable("合同执行情况表") as unknown as {
      table: { tableRef: string; columns: Array<{ name: string }> };
    };
    expect(t.table.tableRef).toBe("A3:E6");
    expect(t.table.columns.map((c) => c.name)).toEqual([
      "合同编号",
      "签订日期",
      "合同金额",
      "完成率",
      "是否验收",
    ]);
    const ids = Object.keys(parts(out))
      .filter((n) => n.startsWith("xl/tables/"))
      .map((n) => /id="(\d+)"/.exec(partText(out, n))![1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("number formats on existing and blank cells; values unchanged", async () => {
    const s = sheetOf(await readXlsx(out), "合同执行情况表");
    expect(cellAt(s, 4, 2)).toEqual({ value: 46066, numFmt: "yyyy-mm-dd" });
    expect(cellAt(s, 4, 3)?.numFmt).toBe("#,##0.00");
    expect(cellAt(s, 4, 4)).toEqual({ value: 0.5, numFmt: "0%" });
    const ws = (await excel(out)).getWorksheet("合同执行情况表")!;
    expect(ws.getCell("D8").numFmt).toBe("0%"); // a blank cell below the data got the format
    expect(ws.getCell("D8").value).toBeNull();
    expect(ws.getCell("B6").numFmt).toBe("yyyy-mm-dd");
  });

  test("setValues: numbers as numbers, text as text even when it looks like a formula", async () => {
    const s = sheetOf(await readXlsx(out), "合同执行情况表");
    expect(cellAt(s, 5, 2)).toEqual({ value: 46082, numFmt: "yyyy-mm-dd" });
    expect(cellAt(s, 10, 7)).toEqual({ value: "+新" });
    expect(cellAt(s, 6, 1)).toEqual({ value: "=SUM(1,2)" });
  });

  test("data validations with the product's title", async () => {
    const ws = (await excel(out)).getWorksheet("合同执行情况表")!;
    const dv = (a: string) => ws.getCell(a).dataValidation;
    expect(dv("B4")).toMatchObject({
      type: "date",
      operator: "greaterThanOrEqual",
      errorTitle: OWN_TITLE,
      error: "请输入日期",
      showErrorMessage: true,
    });
    expect(dv("E5")).toMatchObject({ type: "list", formulae: ['"是,否"'], errorTitle: OWN_TITLE });
    expect(dv("D6")).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1] });
  });

  test("conditional formats: formulas, dxfs, unique priorities", async () => {
    const ws = (await excel(out)).getWorksheet("合同执行情况表")! as unknown as {
      conditionalFormattings: Array<{
        ref: string;
        rules: Array<{ type: string; formulae: string[]; priority: number; style?: { fill?: unknown } }>;
      }>;
    };
    const cf = ws.conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe("A4:E6");
    expect(cf[0].rules.map((r) => [r.type, r.formulae[0], r.priority])).toEqual([
      ["expression", own(""), 1],
      ["expression", `AND(N("${OWN_TAG}·完成")=0,$D4>=1)`, 2],
    ]);
    expect(cf[0].rules[0].style?.fill).toBeDefined();
  });

  test("report sheet: text, formula with cached value, hyperlink, merges, freeze, page setup, print names", async () => {
    const s = sheetOf(await readXlsx(out), "校验报告");
    expect(cellAt(s, 4, 1)).toEqual({ value: "=1+1 不是公式" });
    expect(cellAt(s, 5, 2)).toEqual({ value: 1, formula: "COUNTA(A4:A4)" });
    expect(cellAt(s, 2, 2)).toEqual({ value: 46000, numFmt: "yyyy-mm-dd" });
    expect(s.merges).toEqual([R(1, 1, 1, 2)]);
    const x = await excel(out);
    const ws = x.getWorksheet("校验报告")!;
    expect(partText(out, "xl/worksheets/sheet3.xml")).toContain(
      `<hyperlink ref="B4" location="'合同执行情况表'!B5" display="合同执行情况表!B5"/>`,
    );
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, showGridLines: false });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    });
    const book = partText(out, "xl/workbook.xml");
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="1">'校验报告'!$A$1:$B$5</definedName>`,
    );
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'校验报告'!$3:$3</definedName>`,
    );
  });

  test("no loss: every original cell value identical", async () => {
    const after = await readXlsx(out);
    for (const s of before.sheets) {
      const t = sheetOf(after, s.name);
      s.rows.forEach((row, r) =>
        row?.forEach((c, ci) => {
          if (!c || (s.name === "合同执行情况表" && r + 1 === 5 && ci + 1 === 2)) return; // B5 was set on purpose
          expect([s.name, r + 1, ci + 1, cellAt(t, r + 1, ci + 1)?.value]).toEqual([
            s.name,
            r + 1,
            ci + 1,
            c.value,
          ]);
        }),
      );
      expect(t.merges).toEqual(s.merges);
    }
  });

  test("worksheet children stay in schema order", () => {
    const order = [
      "sheetPr",
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "mergeCells",
      "conditionalFormatting",
      "dataValidations",
      "hyperlinks",
      "printOptions",
      "pageMargins",
      "pageSetup",
      "tableParts",
    ];
    for (const [name, data] of Object.entries(parts(out))) {
      if (!name.startsWith("xl/worksheets/sheet")) continue;
      const xml = strFromU8(data);
      const seen = order.map((el) => xml.indexOf(`<${el}`)).filter((i) => i >= 0);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
  });
});

describe("idempotence and the user's own formats", () => {
  const userCf = `<conditionalFormatting sqref="A1:A9"><cfRule type="expression" dxfId="0" priority="1"><formula>$A1&gt;5</formula></cfRule></conditionalFormatting>`;
  const userDv = `<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="C2:C9"><formula1>0</formula1></dataValidation></dataValidations>`;
  const input = () =>
    rawXlsx({
      sheets: [
        {
          name: "表",
          xml: worksheetXml(
            `<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c><c r="B1" t="inlineStr"><is><t>日期</t></is></c><c r="C1" t="inlineStr"><is><t>数量</t></is></c></row>` +
              `<row r="2"><c r="A2"><v>7</v></c><c r="B2"><v>46000</v></c><c r="C2"><v>3</v></c></row>`,
          ).replace("</sheetData>", `</sheetData>${userCf}${userDv}`),
        },
      ],
      stylesXml:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>` +
        `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`,
    });
  const patch: WorkbookPatch = {
    ops: [
      { op: "clearOwnFormats", sheet: "表" },
      {
        op: "addConditionalFormats",
        sheet: "表",
        ranges: [R(2, 1, 9, 3)],
        rules: [{ formula: own(""), fill: "FFC7CE" }],
      },
      {
        op: "addConditionalFormats",
        sheet: "表",
        ranges: [R(2, 2, 2, 2)],
        rules: [{ formula: `N("${OWN_TAG}·标记")=0`, border: "FF0000" }],
      },
      {
        op: "setValidation",
        sheet: "表",
        range: R(2, 2, 9, 2),
        validation: { rule: { type: "date", allowBlank: true }, errorMessage: "日期" },
      },
      {
        op: "setValidation",
        sheet: "表",
        range: R(2, 3, 9, 3),
        validation: { rule: { type: "decimal", min: 0, allowBlank: true }, errorMessage: "数" },
      },
    ],
  };

  test("twice leaves one set of our rules, the user's rule and validation survive, dxfs do not grow", () => {
    const once = applyPatchXlsxWithNotes(input(), patch);
    expect(once.notes).toEqual([{ code: "validation-user-overlap", sheet: "表", range: "C2:C9" }]);
    const twice = applyPatchXlsx(once.bytes, patch);
    const sheet = partText(twice, "xl/worksheets/sheet1.xml");
    expect(sheet.match(/项目跟踪·逾期/g)).toHaveLength(1);
    expect(sheet.match(/项目跟踪·标记/g)).toHaveLength(1);
    expect(sheet).toContain("$A1&gt;5");
    expect(sheet).toContain(`type="whole"`);
    expect(sheet.match(/errorTitle="项目跟踪"/g)).toHaveLength(1);
    const priorities = [...sheet.matchAll(/priority="(\d+)"/g)].map((m) => Number(m[1]));
    expect(priorities).toEqual([1, 2, 3]);
    expect(partText(twice, "xl/styles.xml")).toBe(partText(once.bytes, "xl/styles.xml"));
    expect(partText(twice, "xl/styles.xml").match(/<dxf>/g)).toHaveLength(3);
  });

  test("clear removes only ours", () => {
    const applied = applyPatchXlsx(input(), patch);
    const cleared = applyPatchXlsx(applied, { ops: [{ op: "clearOwnFormats", sheet: "表" }] });
    const sheet = partText(cleared, "xl/worksheets/sheet1.xml");
    expect(sheet).not.toContain(OWN_TAG + "·");
    expect(sheet.match(/<conditionalFormatting/g)).toHaveLength(1);
    expect(sheet).toContain("$A1&gt;5");
  });
});

describe("untouched parts are carried byte for byte", () => {
  const chart = `<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
  const input = () =>
    rawXlsx({
      sheets: [
        {
          name: "数据",
          xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`).replace(
            "</worksheet>",
            `<drawing r:id="rIdD"/><legacyDrawing r:id="rIdC"/></worksheet>`,
          ),
        },
        { name: "其他", xml: worksheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`) },
      ],
      parts: {
        "xl/charts/chart1.xml": chart,
        "xl/charts/chart2.xml": chart,
        "xl/media/image1.png": png,
        "xl/drawings/drawing1.xml": `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
        "xl/comments1.xml": `<comments xmlns="${NS_MAIN}"><authors><author>张三</author></authors><commentList><comment ref="A1" authorId="0"><text><t>看这里</t></text></comment></commentList></comments>`,
        "xl/worksheets/_rels/sheet1.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdD" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>`,
        "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
        "xl/vbaProject.bin": new Uint8Array([1, 2, 3]),
        "xl/externalLinks/externalLink1.xml": "<externalLink/>",
        "xl/slicers/slicer1.xml": "<slicers/>",
      },
    });

  test("a patch on one sheet leaves charts, images, comments and the other sheet identical", () => {
    const src = input();
    const out = applyPatchXlsx(src, {
      ops: [
        { op: "setNumberFormat", sheet: "数据", range: R(1, 1, 3, 1), format: "0.00" },
        {
          op: "addConditionalFormats",
          sheet: "数据",
          ranges: [R(1, 1, 3, 1)],
          rules: [{ formula: own(""), fill: "FF0000" }],
        },
        {
          op: "writeSheet",
          sheet: "报告",
          owner: { kind: "report", id: "main" },
          visibility: "visible",
          content: { rows: [[{ v: "x" }]] },
        },
      ],
    });
    const a = parts(src);
    const b = parts(out);
    for (const name of Object.keys(a)) {
      if (
        [
          "xl/worksheets/sheet1.xml",
          "xl/workbook.xml",
          "xl/_rels/workbook.xml.rels",
          "[Content_Types].xml",
          "xl/styles.xml",
        ].includes(name)
      )
        continue;
      expect([name, b[name]]).toEqual([name, a[name]]);
    }
    const sheet = strFromU8(b["xl/worksheets/sheet1.xml"]);
    expect(sheet.indexOf("<conditionalFormatting")).toBeLessThan(sheet.indexOf("<drawing"));
    expect(sheet).toContain(`<legacyDrawing r:id="rIdC"/>`);
  });

  test("uncarriedParts names charts, pivots, images, macros, external links and slicers", () => {
    expect(uncarriedParts(input()).map((p) => p.code)).toEqual([
      "chart",
      "pivot",
      "image",
      "macro",
      "externalLink",
      "slicer",
    ]);
    expect(uncarriedPartNames(input())).toEqual([
      "图表 (2)",
      "数据透视表",
      "图片",
      "宏 (vbaProject.bin)",
      "外部链接",
      "切片器",
    ]);
    expect(uncarriedPartNames(input(), "en")[0]).toBe("charts (2)");
    expect(uncarriedPartNames(rawXlsx({ sheets: [{ name: "a", xml: worksheetXml("") }] }))).toEqual([]);
  });
});

describe("sheet edits in odd places", () => {
  test("rows without r, cells without r, a prefixed worksheet: blanks created in order", async () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="${NS_MAIN}"><x:sheetData>` +
      `<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>` +
      `<x:row r="5"><x:c r="C5"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const src = rawXlsx({ sheets: [{ name: "S", xml }] });
    const out = applyPatchXlsx(src, {
      ops: [
        { op: "setNumberFormat", sheet: "S", range: R(1, 2, 6, 3), format: "0.0" },
        { op: "setValues", sheet: "S", cells: [{ cell: "A3", write: { v: "新" } }] },
      ],
    });
    const s = (await readXlsx(out)).sheets[0];
    expect(cellAt(s, 1, 1)?.value).toBe("a");
    expect(cellAt(s, 1, 2)).toEqual({ value: 1, numFmt: "0.0" });
    expect(cellAt(s, 5, 3)).toEqual({ value: 3, numFmt: "0.0" });
    expect(cellAt(s, 3, 1)).toEqual({ value: "新" });
    const sheet = partText(out, "xl/worksheets/sheet1.xml");
    const rows = [...sheet.matchAll(/<x:row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sheet).not.toMatch(/<(c|v|is|t|row)[\s>]/);
    // exceljs cannot load prefixed worksheets at all; our reader is the check here.
    expect(cellAt(s, 2, 3)).toBeUndefined();
    expect(sheet).toMatch(/<x:c r="C2" s="\d+"\/>/);
  });

  test("writeSheet again replaces the sheet and its tables, never duplicates", async () => {
    const src = await writeXlsx(undefined, [{ name: "数据", rows: [["a"]] }]);
    const op: PatchOp = {
      op: "writeSheet",
      sheet: "校验报告",
      owner: { kind: "report", id: "main" },
      visibility: "visible",
      content: {
        rows: [
          [{ v: "列A" }, { v: "列B" }],
          [{ v: 1 }, { v: 2 }],
        ],
        tables: [{ name: "结果", range: R(1, 1, 2, 2), style: "TableStyleLight9" }],
        pageSetup: { paper: "A4", orientation: "portrait", printArea: R(1, 1, 2, 2) },
      },
    };
    const twice = applyPatchXlsx(applyPatchXlsx(src, { ops: [op] }), { ops: [op] });
    const wb = await readXlsx(twice);
    expect(wb.sheets.map((s) => s.name)).toEqual(["数据", "校验报告"]);
    expect(wb.sheets[1].tables).toHaveLength(1);
    expect(Object.keys(parts(twice)).filter((n) => n.startsWith("xl/tables/"))).toHaveLength(1);
    expect(partText(twice, "xl/workbook.xml").match(/_xlnm.Print_Area/g)).toHaveLength(1);
    expect(partText(twice, "[Content_Types].xml").match(/table\+xml/g)).toHaveLength(1);
  });

  test("a sheet inserted before others moves sheet-scoped names with their sheets", () => {
    const src = rawXlsx({
      sheets: [
        { name: "A", xml: worksheetXml("") },
        { name: "B", xml: worksheetXml("") },
      ],
      parts: {
        "xl/workbook.xml":
          `<?xml version="1.0"?><workbook xmlns="${NS_MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="1"/></bookViews>` +
          `<sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/></sheets>` +
          `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">B!$A$1:$B$2</definedName></definedNames></workbook>`,
      },
    });
    const out = applyPatchXlsx(src, {
      ops: [
        {
          op: "ensureSheet",
          sheet: "新",
          owner: { kind: "copy", id: "main" },
          visibility: "visible",
          after: "A",
        },
      ],
    });
    const book = partText(out, "xl/workbook.xml");
    expect(book).toContain(`localSheetId="2"`);
    expect(book).toContain(`activeTab="2"`);
    expect(book.indexOf(`name="新"`)).toBeLessThan(book.indexOf(`name="B"`));
  });

  test("table column names: blanks and duplicates get a name written into the header", async () => {
    const src = await writeXlsx(undefined, [
      {
        name: "S",
        rows: [
          ["名称", null, "名称", "a&<b>"],
          [1, 2, 3, 4],
        ],
      },
    ]);
    const res = applyPatchXlsxWithNotes(src, {
      ops: [
        {
          op: "createTable",
          sheet: "S",
          table: { name: "表1", range: R(1, 1, 2, 4), style: "TableStyleMedium2" },
        },
      ],
    });
    const s = (await readXlsx(res.bytes)).sheets[0];
    expect([1, 2, 3, 4].map((c) => cellAt(s, 1, c)?.value)).toEqual(["名称", "列2", "名称2", "a&<b>"]);
    const table = partText(res.bytes, "xl/tables/table1.xml");
    expect(table).toContain(`name="a&amp;&lt;b&gt;"`);
    expect(res.notes.map((n) => n.code)).toEqual(["table-header-filled", "table-header-filled"]);
  });

  test("an output opens again as a zip with the same entries plus the new ones", () => {
    const src = rawXlsx({
      sheets: [{ name: "A", xml: worksheetXml("") }],
      parts: { "x.bin": strToU8("keep") },
    });
    const out = applyPatchXlsx(src, { ops: [] });
    expect(Object.keys(parts(out)).sort()).toEqual(Object.keys(parts(src)).sort());
  });
});
