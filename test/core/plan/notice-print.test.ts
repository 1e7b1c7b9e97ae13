/**
 * What a printed notice says: Chinese sentences without stray spaces, and an issued notice that
 * stays the document it was when only the wording or the letterhead of the product changed.
 */

import type { CellWrite, PatchOp, SheetContent } from "../../../src/core/patch";
import { planApply } from "../../../src/core/plan";
import { tidy } from "../../../src/core/plan/notice-sheet";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { sheet, workbook } from "../../helpers/snapshot-builder";
import { applyInMemory } from "./apply-in-memory";
import { NOTICE_NUMBER, OPTS } from "./options";

type WriteSheet = Extract<PatchOp, { op: "writeSheet" }>;
const docs = (ops: PatchOp[]) =>
  ops.filter((o): o is WriteSheet => o.op === "writeSheet" && NOTICE_NUMBER.test(o.sheet));
const texts = (c: SheetContent) =>
  c.rows.flatMap((r) => r.filter((w): w is CellWrite => w !== null).map((w) => String(w.v ?? "")));

const overdue = (customer = "苏州恒远物流有限公司", settings?: string[][]) => {
  const wb = workbook(
    sheet("合同执行情况表", [
      [
        "合同编号",
        "合同名称",
        "客户名称",
        "签订日期",
        "销售经理",
        "客服经理",
        "实施通知日期",
        "约定交货期",
        "约定收款日期1",
        "约定收款金额1",
        "财务实收金额1",
      ],
      [
        "HT-1",
        "仓储管理系统",
        customer,
        "2026-11-10",
        "刘芳",
        "赵强",
        "2026-11-11",
        "2027-03-31",
        "2026-11-16",
        5000,
        null,
      ],
    ]),
  );
  if (settings) wb.sheets.push(sheet("设置", [["项", "值"], ...settings]));
  return wb;
};

describe("sentences without stray spaces", () => {
  test("the 催款通知单's body reads as Chinese is printed", () => {
    const [ck] = docs(planApply(overdue(), OPTS).patch.ops);
    expect(texts(ck.content)).toContain(
      "根据合同HT-1《仓储管理系统》的约定，客户苏州恒远物流有限公司应于2026年11月16日支付第1期¥5,000.00；" +
        "截至目前实收¥0.00，尚欠¥5,000.00（人民币伍仟元整），已逾期7天。请立即与客户联系，催收欠款。",
    );
  });

  test("a space stays between Latin words and digits", () => {
    const [ck] = docs(planApply(overdue("Acme Logistics Co. Ltd"), OPTS).patch.ops);
    expect(texts(ck.content).join("\n")).toContain("客户Acme Logistics Co. Ltd应于2026年11月16日支付");
    expect(tidy("合同 HT 1 《系统》 的 约定 A B")).toBe("合同HT 1《系统》的约定A B");
  });

  test("every type's sentences: no space next to a Chinese character", () => {
    const wb = overdue();
    delete wb.sheets[0].rows[1]![6];
    wb.sheets.push(
      sheet("进度计划表", [
        ["WBS", "任务名称", "合同编号", "计划开始", "计划完成", "基线完成", "负责人"],
        ["1.1", "需求调研", "HT-1", "2026-11-01", "2027-04-10", "2026-11-20", "李明"],
      ]),
    );
    const all = docs(planApply(wb, OPTS).patch.ops);
    expect(new Set(all.map((d) => d.sheet.slice(0, 2)))).toEqual(new Set(["CK", "SS", "TZ", "BW"]));
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    for (const d of all)
      for (const row of d.content.rows) {
        const w = row[0];
        // Sentences span the page (merged A:D); fact cells are labels and values.
        if (!w || typeof w.v !== "string" || w.v.length < 20) continue;
        expect({
          sheet: d.sheet,
          stray: [...w.v.matchAll(/(.) +(.)/g)].filter((m) => cjk.test(m[1] + m[2])).map((m) => m[0]),
        }).toEqual({ sheet: d.sheet, stray: [] });
      }
  });
});

describe("an issued notice stays the document it was", () => {
  /** The workbook after a first run, with the notice's body as an earlier version wrote it. */
  const issued = (wb: WorkbookSnapshot) => {
    const after = applyInMemory(wb, planApply(wb, OPTS).patch);
    const ck = after.sheets.find((s) => s.name === "CK-20261123-001")!;
    for (const row of ck.rows)
      for (const c of row ?? [])
        if (c && typeof c.value === "string" && c.value.startsWith("根据合同"))
          c.value =
            "根据合同 HT-1《仓储管理系统》 的约定，客户 苏州恒远物流有限公司 应于 2026年11月16日 支付第1期";
    return after;
  };

  test("a body worded by an earlier version is no change of the cause: no 更正", () => {
    const again = planApply(issued(overdue()), { ...OPTS, today: "2026-11-24" }).patch;
    expect(docs(again.ops)).toEqual([]);
  });

  test("a 公司名称 filled in after the notice was issued is no change of the cause: no 更正", () => {
    const first = issued(overdue());
    first.sheets.push(
      sheet("设置", [
        ["项", "值"],
        ["公司名称", "三才软件有限公司"],
      ]),
    );
    const again = planApply(first, { ...OPTS, today: "2026-11-24" }).patch;
    expect(docs(again.ops)).toEqual([]);
  });

  test("a changed amount still is: a 更正 under the letterhead of today", () => {
    const first = issued(overdue(undefined, [["公司名称", "三才软件有限公司"]]));
    first.sheets[0].rows[1]![9] = { value: 8000 };
    const [fix] = docs(planApply(first, { ...OPTS, today: "2026-11-24" }).patch.ops);
    expect(fix.sheet).toBe("CK-20261124-001");
    expect(texts(fix.content)[0]).toBe("三才软件有限公司");
  });
});
