/**
 * A workbook of one sheet per contract at the terminal: `check` lists the contracts' payment
 * plans once for all sheets of one shape and each overdue month under its own sheet, and `apply`
 * leaves every sheet of the user's as it was (read back by openpyxl, a second reader).
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";
import { cliRunner } from "../helpers/cli";
import { d, sheet } from "../helpers/snapshot";

const dir = mkdtempSync(join(tmpdir(), "ptrack-contract-sheets-"));
const PY = "/usr/bin/python3";
const run = cliRunner(new Date("2026-11-23T02:00:00Z"));

const HEADER = [
  "月份",
  "当月生产方量(m3)",
  "当月生产价值(元)",
  "累计生产方量(m3)",
  "累计生产价值(元)",
  "余存方量(m3)",
  "投资部份",
  "合同规定当月应收货款（元）",
  "当月实收货款（元）",
  "累计实收货款（元）",
  "合同规定未收货款累计（元）",
  "所欠货款总计（元）",
  "备注",
];

/** Contract n: header on row 6 or 7, the sign date as text or a serial, 签定 or 签订. */
function contractSheet(n: number): SheetSnapshot {
  const no = `HT16-${String(n).padStart(4, "0")}`;
  const top: unknown[][] =
    n % 2 === 0
      ? [[`签定日期：2016年${(n % 12) + 1}月${n}日`, null, `合同编号:${no}\n（东站合同）`]]
      : [["签订日期：", 42430 + n, "合同编号:", no]];
  const block = [
    ...top,
    ["施工单位", `客户${n}建设有限公司`],
    ["工程名称", `工程${n}`],
    ["质检单位"],
    ["付款方式", "当月货款次月20天内付清"],
    ...(n % 3 === 0 ? [["付款承诺", "年底前付清"]] : []),
  ];
  // Every contract bills 10,000 in June and July 2016; the odd ones paid only June's.
  const rows = [
    [d("2016-05-01"), 40, 10000],
    [d("2016-06-01"), 40, 10000, null, null, null, null, 10000, 10000],
    [d("2016-07-01"), 0, 0, null, null, null, null, 10000, n % 2 === 0 ? 10000 : 0],
  ];
  return sheet(`项目${n}`, [...block, HEADER, ...rows]);
}

function book(): WorkbookSnapshot {
  const sheets = [
    sheet("总 ", [
      ["业务员", "项目名称"],
      ["周一", "项目1"],
    ]),
  ];
  for (let n = 1; n <= 6; n++) sheets.push(contractSheet(n));
  return { sheets, date1904: false } as WorkbookSnapshot;
}

async function file(name: string, wb: WorkbookSnapshot): Promise<string> {
  const p = join(dir, name);
  writeFileSync(p, await writeSnapshotXlsx(wb));
  return p;
}

/** openpyxl's view: every sheet's non-empty values by address. */
function openpyxl(path: string): Record<string, Record<string, unknown>> {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None} for ws in wb.worksheets}, default=str, ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PY, ["-c", script, path], { encoding: "utf8" }));
}

describe("a workbook of one sheet per contract", () => {
  test("check: one line for the six plans, each overdue month under its sheet with its number", async () => {
    const input = await file("contracts.xlsx", book());
    const r = await run("check", input);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "收款计划表 ×6  6 张相同结构的表（项目1!6:9、项目2!6:9、项目3!7:10、项目4!6:9、项目5!6:9 等），共 18 行，每张 4 列已映射",
    );
    // Said once, not once per sheet.
    expect(r.out.split("未映射列").length - 1).toBe(1);
    // Only the index sheet is unrecognised; no contract sheet is.
    expect(r.out.split("未识别的数据").length - 1).toBe(1);
    expect(r.out).toContain("总 \n  ℹ 提示  未识别的数据");
    for (const n of [1, 3, 5]) {
      const row = n === 3 ? 10 : 9;
      expect(r.out).toContain(
        `项目${n}\n  ✖ 错误  收款逾期 contract.payment-overdue ×1\n      ${`A${row}`.padEnd(8)} 合同 HT16-000${n} 2016年7月应收货款应于 2016-07-31 收款 10,000.00 元，已收 0.00 元，未收 10,000.00 元，已逾期 3767 天`,
      );
    }
    for (const n of [2, 4, 6]) expect(r.out).not.toContain(`\n项目${n}\n`);
  });

  test("check --json names each table's contract and the cell its number is read from", async () => {
    const input = await file("contracts-json.xlsx", book());
    const r = await run("check", input, "--json");
    const tables = JSON.parse(r.out).tables as Array<{ sheet: string; contract?: unknown }>;
    expect(tables.slice(0, 2).map((t) => [t.sheet, t.contract])).toEqual([
      ["项目1", { key: "HT16-0001", cell: "D1" }],
      ["项目2", { key: "HT16-0002", cell: "C1" }],
    ]);
  });

  test("apply --normalize keeps a month written as text: a month, a span of months and a month's first day name no due day", async () => {
    const months = ["2016年5月", "2016年6月至7月", "2016-08-01"];
    const text = contractSheet(1);
    const header = text.rows.findIndex((r) => r?.some((c) => c?.value === "月份"));
    months.forEach((m, i) => {
      const row = text.rows[header + 1 + i];
      if (row?.[0]) row[0] = { value: m };
    });
    const input = await file("contracts-months.xlsx", {
      sheets: [text],
      date1904: false,
    } as WorkbookSnapshot);
    const output = join(dir, "contracts-months-out.xlsx");
    const r = await run("apply", input, "-o", output, "--normalize");
    expect(r.err).toBe("");
    const after = openpyxl(output)["项目1"];
    months.forEach((m, i) => expect(after[`A${header + 2 + i}`]).toBe(m));
    // Still read as due at the month's end: the third month's 10,000 was not received.
    const c = await run("check", output);
    expect(c.out).toContain("2016年8月应收货款应于 2016-08-31 收款 10,000.00 元，已收 0.00 元");
  }, 60_000);

  test("apply writes only the product's own sheets; the contract sheets read back unchanged", async () => {
    const input = await file("contracts-apply.xlsx", book());
    const output = join(dir, "contracts-out.xlsx");
    const before = openpyxl(input);
    const r = await run("apply", input, "-o", output, "--company", "三才软件有限公司");
    expect(r.err).toBe("");
    const after = openpyxl(output);
    for (const [name, cells] of Object.entries(before)) expect(after[name]).toEqual(cells);
  }, 60_000);
});
