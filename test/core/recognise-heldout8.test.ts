/**
 * Two false tables met on an eighth round of real workbooks, rebuilt with invented values: a blank
 * plan template whose numbered rows name no task, and an ERP's purchase-order lines that name the
 * contract each line falls under. Neither is a table of ours; the filled shapes beside them still are.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

const HEADER = [
  "ID",
  "Task",
  "Dependencies",
  "Status",
  "Effort Hours",
  "Start Date",
  "Planned Completion",
  "Resource",
];

describe("a blank plan template", () => {
  test("numbered rows with only a hint in them (`1 | | ID # of task`) name no task: no table yet", () => {
    const { tables } = recognise(
      workbook(sheet("WBS", [HEADER, [1, null, "ID # of task"], [2], [3], [4], [5]])),
    );
    expect(tables).toEqual([]);
  });

  test("the same template with one task typed in is a plan", () => {
    const t = only(
      workbook(
        sheet("WBS", [
          HEADER,
          [1, "Kick-off", null, "Open", 4, d("2026-03-02"), d("2026-03-03"), "Ann"],
          [2],
          [3],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "B", planStart: "F", planEnd: "G", owner: "H" });
  });

  test("a plan whose tasks have no dates yet is still a plan", () => {
    const t = only(
      workbook(
        sheet("进度计划表", [
          ["任务名称", "负责人", "计划开始", "计划完成"],
          ["需求调研", "陈一"],
          ["方案设计", "林二"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D" });
  });
});

describe("an ERP's purchase-order lines", () => {
  const lines = (withLines: boolean) =>
    workbook(
      sheet("采购订单", [
        [
          "采购订单号",
          ...(withLines ? ["行号"] : []),
          "供应商名称",
          ...(withLines ? ["物料名称", "订购数量"] : []),
          "交货日期",
          "合同号",
          "订单总价",
        ],
        [
          "PO-0001",
          ...(withLines ? [1] : []),
          "甲材料公司",
          ...(withLines ? ["下封头", 4] : []),
          d("2026-04-15"),
          "HT-01",
          131.5,
        ],
        [
          "PO-0001",
          ...(withLines ? [2] : []),
          "甲材料公司",
          ...(withLines ? ["上封头", 4] : []),
          d("2026-04-15"),
          "HT-01",
          131.6,
        ],
        [
          "PO-0002",
          ...(withLines ? [1] : []),
          "乙五金公司",
          ...(withLines ? ["铰链", 20] : []),
          d("2026-04-18"),
          "HT-02",
          58,
        ],
      ]),
    );

  test("one row per line item (行号 | 物料名称 | 订购数量) is no contract ledger", () => {
    expect(recognise(lines(true)).tables).toEqual([]);
  });

  test("one row per order with its contract and supplier still reads as contracts", () => {
    const t = only(lines(false));
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "D" });
  });
});
