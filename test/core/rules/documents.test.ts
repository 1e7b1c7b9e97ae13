import { sheet, workbook } from "../../helpers/snapshot-builder";
import { check, hits, rulesAt } from "./harness";

/** 实施文档台账 columns A–L. */
const HEADER = [
  "合同编号", // A
  "文档名称", // B
  "客服经理", // C
  "编写完成日期", // D
  "初审日期", // E
  "传总经办日期", // F
  "总经办返回日期", // G
  "送达客户日期", // H
  "实施会议日期", // I
  "签字日期", // J
  "签收日期", // K
  "备案日期", // L
];

type Row = Array<string | null>;
const register = (...rows: Row[]) => workbook(sheet("实施文档台账", [HEADER, ...rows]));
/** A document whose every step is on time, to be changed one cell at a time. */
const onTime = (): Row => [
  "HT-2026-031",
  "业务流程方案",
  "王五",
  "2026-11-02",
  "2026-11-02",
  "2026-11-03",
  "2026-11-04",
  "2026-11-04",
  "2026-11-10",
  "2026-11-11",
  "2026-11-11",
  "2026-11-13",
];
const withCells = (cells: Record<number, string | null>): Row => {
  const r = onTime();
  for (const [i, v] of Object.entries(cells)) r[Number(i)] = v;
  return r;
};
const AS_OF = "2026-11-23";

test("a register of documents is recognised as a 实施文档台账 and a timely one has no findings", () => {
  const r = check(register(onTime()), AS_OF);
  expect(r.tables.map((t) => [t.kind, t.sheet])).toEqual([["documents", "实施文档台账"]]);
  expect(r.findings.filter((f) => f.rule.startsWith("document."))).toEqual([]);
});

describe("document.to-office-late: 初审后1个工作日内传至总经办", () => {
  test("counted on the 调休 calendar: 初审 09-30, 10-01…10-07 off, due 10-08, sent 10-09", () => {
    const r = check(register(withCells({ 4: "2026-09-30", 5: "2026-10-09" })), AS_OF);
    expect(hits(r, "document.to-office-late")).toEqual([
      "F2: 文档「业务流程方案」（合同 HT-2026-031）初审日期 2026-09-30，传总经办日期应在 1 个工作日内、不晚于 2026-10-08，实际 2026-10-09",
    ]);
  });
  test("sent on the first working day after the holiday is on time", () => {
    const r = check(register(withCells({ 4: "2026-09-30", 5: "2026-10-08" })), AS_OF);
    expect(hits(r, "document.to-office-late")).toEqual([]);
  });
});

describe("document.office-review-late: 总经办在2个工作日内审核后传至客服经理", () => {
  test("returned on the 3rd working day", () => {
    const r = check(register(withCells({ 6: "2026-11-06" })), AS_OF);
    expect(hits(r, "document.office-review-late")).toEqual([
      "G2: 文档「业务流程方案」（合同 HT-2026-031）传总经办日期 2026-11-03，总经办返回日期应在 2 个工作日内、不晚于 2026-11-05，实际 2026-11-06",
    ]);
  });
  test("in English", () => {
    const r = check(register(withCells({ 6: "2026-11-06" })), AS_OF);
    expect(hits(r, "document.office-review-late", "en")).toEqual([
      'G2: Document "业务流程方案" (contract HT-2026-031): 传总经办日期 2026-11-03, so 总经办返回日期 was due within 2 working days, by 2026-11-05; it was 2026-11-06',
    ]);
  });
});

describe("document.delivery-late: 编写完成后2个工作日内送达客户企业", () => {
  test("written before 中秋 (09-25…09-27 off): due 09-29, delivered 09-30", () => {
    const r = check(
      register(withCells({ 3: "2026-09-24", 4: null, 5: null, 6: null, 7: "2026-09-30" })),
      AS_OF,
    );
    expect(hits(r, "document.delivery-late")).toEqual([
      "H2: 文档「业务流程方案」（合同 HT-2026-031）编写完成日期 2026-09-24，送达客户日期应在 2 个工作日内、不晚于 2026-09-29，实际 2026-09-30",
    ]);
  });
  test("delivered on the deadline", () => {
    const r = check(
      register(withCells({ 3: "2026-09-24", 4: null, 5: null, 6: null, 7: "2026-09-29" })),
      AS_OF,
    );
    expect(hits(r, "document.delivery-late")).toEqual([]);
  });
});

describe("document.meeting-late: 送达后5个工作日召开实施会议", () => {
  const late = withCells({ 7: "2026-10-09", 8: "2026-10-16" });
  test("the make-up Saturday 10-10 counts: due 10-15, met 10-16", () => {
    expect(hits(check(register(late), AS_OF), "document.meeting-late")).toEqual([
      "I2: 文档「业务流程方案」（合同 HT-2026-031）送达客户日期 2026-10-09，实施会议日期应在 5 个工作日内、不晚于 2026-10-15，实际 2026-10-16",
    ]);
  });
  test("the number of days is a 设置 parameter", () => {
    expect(hits(check(register(late), AS_OF, { docMeetingWorkdays: 6 }), "document.meeting-late")).toEqual(
      [],
    );
  });
});

describe("document.filing-late: 签收后的2个工作日内送总经办备案", () => {
  test("filed on the 3rd working day", () => {
    const r = check(register(withCells({ 11: "2026-11-16" })), AS_OF);
    expect(hits(r, "document.filing-late")).toEqual([
      "L2: 文档「业务流程方案」（合同 HT-2026-031）签收日期 2026-11-11，备案日期应在 2 个工作日内、不晚于 2026-11-13，实际 2026-11-16",
    ]);
  });
});

describe("document.step-overdue", () => {
  const waiting = withCells({ 8: null, 9: null, 10: null, 11: null });
  test("delivered 11-04, no meeting by 11-11: overdue, counted to the as-of date", () => {
    expect(hits(check(register(waiting), AS_OF), "document.step-overdue")).toEqual([
      "I2: 文档「业务流程方案」（合同 HT-2026-031）送达客户日期 2026-11-04，实施会议日期应在 5 个工作日内、不晚于 2026-11-11 完成，截至 2026-11-23 仍未完成，已逾期 12 天",
    ]);
  });
  test("not yet due, or a later step already done", () => {
    expect(hits(check(register(waiting), "2026-11-11"), "document.step-overdue")).toEqual([]);
    expect(hits(check(register(withCells({ 8: null })), AS_OF), "document.step-overdue")).toEqual([]);
  });
  test("in English", () => {
    expect(hits(check(register(waiting), AS_OF), "document.step-overdue", "en")).toEqual([
      'I2: Document "业务流程方案" (contract HT-2026-031): 送达客户日期 2026-11-04, so 实施会议日期 was due within 5 working days, by 2026-11-11; as of 2026-11-23 it is not done, 12 days overdue',
    ]);
  });
});

describe("document.signature-missing", () => {
  test("received and filed without 签字; filed without 签收", () => {
    const r = check(register(withCells({ 9: null }), withCells({ 0: "HT-2026-032", 10: null })), AS_OF);
    expect(hits(r, "document.signature-missing")).toEqual([
      "J2: 文档「业务流程方案」（合同 HT-2026-031）已有签收日期（2026-11-11），但签字日期为空：文档须经双方客服经理签字，并在《项目实施验收表》上签收",
      "K3: 文档「业务流程方案」（合同 HT-2026-032）已有备案日期（2026-11-13），但签收日期为空：文档须经双方客服经理签字，并在《项目实施验收表》上签收",
    ]);
  });
  test("nothing later done yet: no finding", () => {
    const r = check(register(withCells({ 9: null, 10: null, 11: null })), AS_OF);
    expect(hits(r, "document.signature-missing")).toEqual([]);
  });
});

test("validated as typed: a chain date that is no date, and one in the future", () => {
  const r = check(register(withCells({ 7: "下周", 11: "2026-12-01" })), AS_OF);
  expect(rulesAt(r, "H2")).toContain("cell.date-invalid");
  expect(rulesAt(r, "L2")).toContain("row.actual-in-future");
});

test("recognised by its headers wherever it sits, under a title and with other wordings", () => {
  const wb = workbook(
    sheet("Sheet1", [
      [],
      [null, null, "2026年要素文档交接记录"],
      [
        null,
        null,
        "合同号",
        "要素文档",
        "项目经理",
        "编写日期",
        "送达日期",
        "实施会议",
        "签字",
        "签收",
        "备案",
      ],
      [null, null, "HT-9", "组织机构方案", "李娜", "2026-11-02", "2026-11-06", null, null, null, null],
    ]),
  );
  const r = check(wb, AS_OF);
  expect(r.tables.map((t) => [t.kind, t.headerRow])).toEqual([["documents", 3]]);
  expect(hits(r, "document.delivery-late")).toEqual([
    "G4: 文档「组织机构方案」（合同 HT-9）编写日期 2026-11-02，送达日期应在 2 个工作日内、不晚于 2026-11-04，实际 2026-11-06",
  ]);
});
