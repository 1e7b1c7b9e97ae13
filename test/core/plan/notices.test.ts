import { sampleWorkbook } from "../../../src/app/sample";
import type { CellWrite, PatchOp, SheetContent } from "../../../src/core/patch";
import { planApply } from "../../../src/core/plan";
import { REGISTER_HEADERS, REGISTER_SHEET } from "../../../src/core/plan/notices";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { applyPatchXlsx } from "../../../src/host/xlsx/apply";
import { readXlsx } from "../../../src/host/xlsx/read";
import { sheet, workbook } from "../../helpers/snapshot-builder";
import { writeXlsx } from "../../helpers/workbook";
import { applyInMemory } from "./apply-in-memory";
import { NOTICE_NUMBER as NUMBER, OPTS } from "./options";

type WriteSheet = Extract<PatchOp, { op: "writeSheet" }>;
const writes = (ops: PatchOp[]) => ops.filter((o): o is WriteSheet => o.op === "writeSheet");
const noticeSheets = (ops: PatchOp[]) => writes(ops).filter((o) => NUMBER.test(o.sheet));
const texts = (c: SheetContent) =>
  c.rows.flatMap((r) => r.filter((w): w is CellWrite => w !== null).map((w) => String(w.v ?? "")));
/** The register's table, header row first (the title row above it left out). */
function register(wb: WorkbookSnapshot): string[][] {
  const s = wb.sheets.find((x) => x.name === REGISTER_SHEET);
  if (!s) throw new Error("no register");
  expect(String(s.rows[0]?.[0]?.value)).toBe("通知台账");
  return s.rows.slice(1).map((r) => (r ?? []).map((c) => String(c?.value ?? "")));
}
const at = (h: string) => (REGISTER_HEADERS as readonly string[]).indexOf(h);

/** One contract whose second node is overdue and undunned, and whose notice was never issued. */
function contracts(extra: { customer?: string; name?: string; report?: string; dunning?: string } = {}) {
  return workbook(
    sheet("合同执行情况表", [
      [
        "合同编号",
        "合同名称",
        "客户名称",
        "签订日期",
        "合同金额",
        "销售经理",
        "客服经理",
        "实施通知日期",
        "约定交货期",
        "约定收款日期1",
        "约定收款金额1",
        "财务实收金额1",
        "催款通知日期",
        "书面报告日期",
      ],
      [
        "HT-1",
        extra.name ?? "仓储管理系统",
        extra.customer ?? "苏州恒远物流有限公司",
        "2026-11-10",
        1000010.07,
        "刘芳",
        "赵强",
        null,
        "2027-03-31",
        "2026-11-16",
        1000010.07,
        null,
        extra.dunning ?? null,
        extra.report ?? null,
      ],
    ]),
  );
}

describe("notice sheets", () => {
  const { patch, result } = planApply(sampleWorkbook(), OPTS);

  test("the sample: one sheet per planned notice, numbered per type and issue date", () => {
    const stamp = result.asOf.replace(/-/g, "");
    expect(noticeSheets(patch.ops).map((o) => o.sheet)).toEqual([
      `CK-${stamp}-001`,
      `SS-${stamp}-001`,
      `TZ-${stamp}-001`,
      `TZ-${stamp}-002`,
      `BW-${stamp}-001`,
      `CB-${stamp}-001`,
    ]);
  });

  test("a 催款通知单: title, number, addressee, amounts in figures and capitals, 抄送, signature, A4 setup", () => {
    const { patch } = planApply(contracts(), OPTS);
    const ck = noticeSheets(patch.ops).find((o) => o.sheet.startsWith("CK-"));
    expect(ck?.sheet).toBe("CK-20261123-001");
    const t = texts(ck!.content);
    expect(t).toContain("催款通知单");
    expect(t).toContain("编号：CK-20261123-001");
    expect(t).toContain("致：销售经理 刘芳");
    expect(t).toContain("¥1,000,010.07（人民币壹佰万零壹拾元零柒分）");
    expect(t).toContain("¥0.00（人民币零元整）");
    expect(t).toContain("7 天");
    expect(t.join("\n")).toContain("请于收到本通知后1日内就未按时收款情况填写书面报告并提交财务部");
    // 「财务部转交客服部、销售部及总办各一份」
    expect(t).toContain("抄送：客服部、销售部、总经办各一份（由财务部转交）");
    expect(t).toContain("财务部（盖章）");
    expect(t).toContain("2026年11月23日");
    expect(ck!.content.pageSetup).toMatchObject({
      paper: "A4",
      orientation: "portrait",
      fitToWidth: 1,
      centerHorizontally: true,
      printArea: { r1: 1, c1: 1, r2: ck!.content.rows.length, c2: 4 },
    });
    expect(ck!.content.showGridLines).toBe(false);
  });

  test("company and department names come from 参数", () => {
    const wb = contracts();
    wb.sheets.push(
      sheet("设置", [
        ["项", "值"],
        ["公司名称", "三才软件有限公司"],
        ["财务部名称", "计划财务部"],
        ["总经办名称", "总经理办公室"],
      ]),
    );
    const { patch } = planApply(wb, OPTS);
    const all = noticeSheets(patch.ops).map((o) => texts(o.content));
    const ck = all.find((t) => t.includes("催款通知单"))!;
    expect(ck[0]).toBe("三才软件有限公司");
    expect(ck).toContain("计划财务部（盖章）");
    expect(ck).toContain("抄送：客服部、销售部、总经理办公室各一份（由计划财务部转交）");
    const ss = all.find((t) => t.includes("项目实施通知"))!;
    expect(ss).toContain("致：销售部、计划财务部、客服部（总经理办公室留存）");
    expect(ss).toContain("总经理办公室（盖章）");
  });

  test("--no-notices: no notice sheet, no register", () => {
    const { patch } = planApply(sampleWorkbook(), { ...OPTS, notices: false });
    expect(noticeSheets(patch.ops)).toEqual([]);
    expect(writes(patch.ops).map((o) => o.sheet)).not.toContain(REGISTER_SHEET);
  });
});

describe("通知台账", () => {
  test("a register table with one row per notice", () => {
    const { patch } = planApply(contracts(), OPTS);
    const applied = applyInMemory(contracts(), patch);
    const rows = register(applied);
    expect(rows[0]).toEqual([
      "编号",
      "类型",
      "合同/任务",
      "收件人",
      "抄送",
      "签发日期",
      "回复截止日期",
      "状态",
      "更正自",
      "原因键",
    ]);
    expect(rows.slice(1)).toEqual([
      [
        "CK-20261123-001",
        "催款通知单",
        "HT-1",
        "销售经理 刘芳",
        "客服部、销售部、总经办",
        "2026-11-23",
        "2026-11-24",
        "待回复",
        "",
        "HT-1#1",
      ],
      [
        "SS-20261123-001",
        "项目实施通知",
        "HT-1",
        "销售部、财务部、客服部（总经办留存）",
        "销售部、财务部、客服部、总经办（留存）",
        "2026-11-23",
        "2026-11-25",
        "待登记",
        "",
        "HT-1",
      ],
    ]);
    const reg = applied.sheets.find((s) => s.name === REGISTER_SHEET)!;
    expect(reg.tables.map((t) => t.name)).toEqual(["通知台账"]);
    // Printed: the title and the columns up to 更正自, every row appended later included; the
    // header repeats on each page; 原因键 (what the product reads back) prints nowhere.
    const op = writes(patch.ops).find((o) => o.sheet === REGISTER_SHEET)!;
    expect(op.content.pageSetup).toMatchObject({
      printArea: { r1: 1, c1: 1, r2: 1048576, c2: 9 },
      printTitleRows: { r1: 2, r2: 2 },
    });
  });

  test("again on a later day: same numbers and issue dates, no new row, statuses move on, issued sheets untouched", () => {
    const plan = planApply(contracts(), OPTS).patch;
    const first = applyInMemory(contracts(), plan);
    const later = { ...OPTS, today: "2026-11-26" };
    const second = planApply(first, later).patch;
    // An issued notice is a document: its sheet is never written again.
    expect(noticeSheets(second.ops)).toEqual([]);
    expect(second.ops.filter((o) => o.op === "appendRows" && o.sheet === REGISTER_SHEET)).toEqual([]);
    const again = applyInMemory(first, second);
    expect(register(again).map((r) => [r[0], r[at("签发日期")], r[at("状态")]])).toEqual([
      ["编号", "签发日期", "状态"],
      ["CK-20261123-001", "2026-11-23", "逾期未回复"],
      ["SS-20261123-001", "2026-11-23", "逾期未登记"],
    ]);
    const ck = noticeSheets(plan.ops)[0];
    expect(texts(ck.content)).toContain("2026年11月23日");
    // A third run the same day changes nothing in the register.
    const third = planApply(again, later).patch;
    const edits = ["writeSheet", "setValues", "appendRows"];
    expect(third.ops.filter((o) => edits.includes(o.op) && o.sheet === REGISTER_SHEET)).toEqual([]);
    expect(noticeSheets(third.ops)).toEqual([]);
  });

  test("a dunned node drops out of the plan; its register row stays and shows the written report", () => {
    const first = applyInMemory(contracts(), planApply(contracts(), OPTS).patch);
    // The user records the dunning and the report in the contract row.
    const user = structuredClone(first);
    const row = user.sheets[0].rows[1]!;
    row[12] = { value: "2026-11-23" };
    row[13] = { value: "2026-11-24" };
    const second = planApply(user, { ...OPTS, today: "2026-11-25" }).patch;
    expect(noticeSheets(second.ops)).toEqual([]);
    const rows = register(applyInMemory(user, second));
    expect(rows.map((r) => [r[0], r[at("状态")]])).toEqual([
      ["编号", "状态"],
      ["CK-20261123-001", "已回复"],
      ["SS-20261123-001", "待登记"],
    ]);
  });

  test("a new cause on another day gets the next number for its own date; the same day continues the sequence", () => {
    const first = applyInMemory(contracts(), planApply(contracts(), OPTS).patch);
    const more = structuredClone(first);
    more.sheets[0].rows[2] = [...more.sheets[0].rows[1]!].map((c, i) => (i === 0 ? { value: "HT-2" } : c));
    const sameDay = planApply(more, OPTS).patch;
    expect(noticeSheets(sameDay.ops).map((o) => o.sheet)).toEqual(["CK-20261123-002", "SS-20261123-002"]);
    const nextDay = planApply(more, { ...OPTS, today: "2026-11-24" }).patch;
    expect(noticeSheets(nextDay.ops).map((o) => o.sheet)).toEqual(["CK-20261124-001", "SS-20261124-001"]);
    const append = nextDay.ops.find((o) => o.op === "appendRows" && o.sheet === REGISTER_SHEET);
    expect(append).toMatchObject({ table: "通知台账", startRow: 5 });
  });
});

describe("an issued notice is a document", () => {
  test("a changed cause issues a corrected notice (更正) linked to the first; the first sheet stays", () => {
    const first = applyInMemory(contracts(), planApply(contracts(), OPTS).patch);
    const ck = first.sheets.find((s) => s.name === "CK-20261123-001")!;
    const before = structuredClone(ck.rows);
    // The amount due on the overdue node was entered wrong, and is corrected in the contract row.
    const changed = structuredClone(first);
    changed.sheets[0].rows[1]![10] = { value: 800000 };
    const plan = planApply(changed, { ...OPTS, today: "2026-11-24" });
    expect(noticeSheets(plan.patch.ops).map((o) => o.sheet)).toEqual(["CK-20261124-001"]);
    const text = texts(noticeSheets(plan.patch.ops)[0].content).join("\n");
    expect(text).toContain("800,000.00");
    expect(text).toContain("催款通知单（更正）");
    expect(text).toContain("本通知更正并取代编号为CK-20261123-001的催款通知单，以本通知为准。");
    const after = applyInMemory(changed, plan.patch);
    expect(after.sheets.find((s) => s.name === "CK-20261123-001")!.rows).toEqual(before);
    const rows = register(after);
    const col = (h: string) => rows[0].indexOf(h);
    expect(rows.slice(1).map((r) => [r[0], r[col("状态")], r[col("更正自")]])).toEqual([
      ["CK-20261123-001", "已更正", ""],
      ["SS-20261123-001", "待登记", ""],
      ["CK-20261124-001", "待回复", "CK-20261123-001"],
    ]);
    // The same cause again: nothing new.
    const again = planApply(after, { ...OPTS, today: "2026-11-25" });
    expect(noticeSheets(again.patch.ops)).toEqual([]);
    expect(again.patch.ops.filter((o) => o.op === "appendRows" && o.sheet === REGISTER_SHEET)).toEqual([]);
  });

  test("days overdue moving on with the date is no change of the cause", () => {
    const first = applyInMemory(contracts(), planApply(contracts(), OPTS).patch);
    const later = planApply(first, { ...OPTS, today: "2026-12-20" });
    expect(noticeSheets(later.patch.ops)).toEqual([]);
  });
});

describe("values from cells stay text", () => {
  const evil = { customer: "=1+1", name: "@SUM(A1)" };

  test("in the plan: strings, never formulas", () => {
    const { patch } = planApply(contracts(evil), OPTS);
    const cells = [...noticeSheets(patch.ops), ...writes(patch.ops).filter((o) => o.sheet === REGISTER_SHEET)]
      .flatMap((o) => o.content.rows.flat())
      .filter((w): w is CellWrite => w !== null);
    expect(cells.some((w) => w.v === "=1+1")).toBe(true);
    expect(cells.some((w) => w.v === "@SUM(A1)")).toBe(true);
    expect(cells.filter((w) => w.formula !== undefined)).toEqual([]);
  });

  test("in the .xlsx: the cell reads back as the text, with no formula", async () => {
    const input = await writeXlsx(undefined, [
      {
        name: "合同执行情况表",
        rows: [
          [
            "合同编号",
            "合同名称",
            "客户名称",
            "签订日期",
            "合同金额",
            "约定交货期",
            "约定收款日期1",
            "约定收款金额1",
            "销售经理",
          ],
          [
            "HT-1",
            "@SUM(A1)",
            "=1+1",
            { date: "2026-01-05" },
            100000,
            { date: "2026-12-31" },
            { date: "2026-11-16" },
            100000,
            "+cmd|' /C calc'!A0",
          ],
        ],
      },
    ]);
    const snap = await readXlsx(input);
    expect(snap.sheets[0].rows[1]!.slice(1, 3).map((c) => [c?.value, c?.formula])).toEqual([
      ["@SUM(A1)", undefined],
      ["=1+1", undefined],
    ]);
    const { patch } = planApply(snap, OPTS);
    const out = await readXlsx(applyPatchXlsx(input, patch));
    const ck = out.sheets.find((s) => s.name.startsWith("CK-"))!;
    const cells = ck.rows.flatMap((r) => r ?? []).filter((c) => c !== undefined);
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    const values = cells.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(["=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0"]));
    const reg = out.sheets.find((s) => s.name === REGISTER_SHEET)!;
    expect(reg.rows.flatMap((r) => r ?? []).filter((c) => c?.formula !== undefined)).toEqual([]);
  });
});

describe("the per-run limit on new notices", () => {
  const noticeSheets = (ops: PatchOp[]) =>
    ops.filter((o) => o.op === "writeSheet" && /^[A-Z]{2}-\d{8}-\d{3}$/.test(o.sheet)).map((o) => o.sheet);

  test("writes at most the limit of new notices, says how many wait, and continues on the next run", () => {
    const first = planApply(sampleWorkbook(), { ...OPTS, noticeLimit: 2 });
    expect(noticeSheets(first.patch.ops)).toHaveLength(2);
    expect(first.deferredNotices).toBe(4);

    const applied = applyInMemory(sampleWorkbook(), first.patch);
    const second = planApply(applied, { ...OPTS, noticeLimit: 2 });
    const written = noticeSheets(second.patch.ops);
    // The two already issued stay as they are (documents); two more are new.
    expect(written.filter((w) => noticeSheets(first.patch.ops).includes(w))).toEqual([]);
    expect(written).toHaveLength(2);
    expect(second.deferredNotices).toBe(2);
  });

  test("the demo's six notices are all written under the default limit", () => {
    const plan = planApply(sampleWorkbook(), OPTS);
    expect(noticeSheets(plan.patch.ops)).toHaveLength(6);
    expect(plan.deferredNotices).toBe(0);
  });
});
