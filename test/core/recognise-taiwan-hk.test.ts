/**
 * Plans, contract ledgers and payment lists as offices in Taiwan and Hong Kong head them: in
 * traditional characters and in their own words (合約, 契約, 專案, 廠商, 立約商, 請款, 決標, 期程, 負責同事).
 * Invented values throughout.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

describe("contract ledgers in traditional characters", () => {
  const rows = [
    ["TW-2025-001", "資訊系統維護", "台灣資訊股份有限公司", d("2025-03-04"), 1280000],
    ["TW-2025-002", "網路設備採購", "宏達網通有限公司", d("2025-04-11"), 560000],
    ["TW-2025-003", "機房空調更新", "冷通工程行", d("2025-05-20"), 930000],
  ];
  test.each([
    ["a company's 合約", ["合約編號", "合約名稱", "廠商", "簽約日期", "合約金額"]],
    ["a government agency's 契約", ["契約編號", "契約名稱", "立約商", "簽約日", "契約金額"]],
    ["a contract's number written 號碼", ["合約號碼", "合約名稱", "廠商名稱", "簽訂日期", "合約價金"]],
  ])("%s", (_what, header) => {
    const t = only(workbook(sheet("工作表1", [header, ...rows])));
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({
      contractNo: "A",
      contractName: "B",
      customer: "C",
      signDate: "D",
      amount: "E",
    });
  });

  test("tenders awarded (標案名稱 | 得標廠商 | 決標日期 | 決標金額) are the contracts made", () => {
    const t = only(
      workbook(
        sheet("決標清單", [
          ["案號", "標案名稱", "得標廠商", "決標日期", "決標金額"],
          ["A113-01", "辦公大樓清潔勞務", "潔美清潔有限公司", d("2025-01-08"), 2400000],
          ["A113-02", "公務車租賃", "順達租賃股份有限公司", d("2025-02-14"), 1150000],
          ["A113-03", "資訊設備維護", "台灣資訊股份有限公司", d("2025-03-21"), 880000],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractName: "B", customer: "C", signDate: "D", amount: "E" });
  });

  test("a contract's term from 合約起始日 to 合約到期日", () => {
    const t = only(
      workbook(
        sheet("合約", [
          ["合約編號", "客戶名稱", "合約起始日", "合約到期日", "合約金額(含稅)"],
          ["HK-01", "恒生物業", d("2025-01-01"), d("2025-12-31"), 360000],
          ["HK-02", "九龍倉儲", d("2025-03-01"), d("2026-02-28"), 240000],
          ["HK-03", "港島酒店", d("2025-04-01"), d("2026-03-31"), 180000],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ contractNo: "A", customer: "B", termStart: "C", termEnd: "D" });
  });
});

describe("payment lists in traditional characters", () => {
  test("請款 is the payment asked for: its day falls due and its amount is owed", () => {
    const t = only(
      workbook(
        sheet("收款", [
          ["合約編號", "期別", "請款日期", "請款金額", "收款日期", "收款金額"],
          ["TW-2025-001", 1, d("2025-03-10"), 384000, d("2025-03-28"), 384000],
          ["TW-2025-001", 2, d("2025-06-10"), 512000, null, null],
          ["TW-2025-002", 1, d("2025-04-20"), 280000, d("2025-05-15"), 280000],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(t.payable).toBeFalsy();
    expect(letters(t)).toMatchObject({
      contractNo: "A",
      dueDate: "C",
      dueAmount: "D",
      receivedDate: "E",
      receivedAmount: "F",
    });
  });

  test.each([
    ["money owed written 應付", ["合約編號", "應付日期", "應付金額"]],
    ["a vendor named 廠商", ["合約編號", "廠商名稱", "請款日期", "請款金額"]],
  ])("%s is money we pay: payable, never dunned", (_what, header) => {
    const rows = [
      ["P-01", d("2025-03-10"), 120000],
      ["P-02", d("2025-04-10"), 80000],
      ["P-03", d("2025-05-10"), 64000],
    ].map((r) => (header.length === 4 ? [r[0], "冷通工程行", r[1], r[2]] : r));
    const t = only(workbook(sheet("工作表1", [header, ...rows])));
    expect(t.kind).toBe("payments");
    expect(t.payable).toBe(true);
  });
});

describe("plans in traditional characters", () => {
  test.each([
    [
      "工項 with 主辦人 and 預定 dates",
      ["項次", "工項", "主辦人", "預定開工日", "預定完工日"],
      { task: "B", owner: "C", planStart: "D", planEnd: "E" },
    ],
    [
      "工作內容 | 執行人 | 起始日 | 截止日",
      ["工作內容", "執行人", "起始日", "截止日"],
      { task: "A", owner: "B", planStart: "C", planEnd: "D" },
    ],
    [
      "a task list with its 到期日",
      ["任務名稱", "指派給", "開始", "到期日"],
      { task: "A", owner: "B", planStart: "C", planEnd: "D" },
    ],
    [
      "工作事項 | 承辦人 | 預計完成日",
      ["工作事項", "承辦人", "預計完成日"],
      { task: "A", owner: "B", planEnd: "C" },
    ],
  ])("%s", (_what, header, want) => {
    const rows = [0, 1, 2].map((i) =>
      header.map((h, c) =>
        c === 0 && h === "項次"
          ? i + 1
          : /日|開始/.test(h)
            ? d(`2025-0${3 + i}-${/開始|起始|開工/.test(h) ? "03" : "20"}`)
            : /人|給/.test(h)
              ? ["王小明", "陳大文", "林美華"][i]
              : `${h}${i + 1}`,
      ),
    );
    const t = only(workbook(sheet("工作表1", [header, ...rows])));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject(want);
  });

  test("a span written in one 期程 column gives each task both ends", () => {
    const t = only(
      workbook(
        sheet("工作表1", [
          ["工作項目", "權責單位", "期程", "進度說明"],
          ["需求訪談", "資訊室", "2025/3/3~2025/3/14", "進行中"],
          ["系統設計", "資訊室", "2025/3/17~2025/4/11", "未開始"],
          ["教育訓練", "人事室", "2025/4/14~2025/4/18", "未開始"],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "C" });
  });

  test("a colleague in charge (負責同事) is the task's owner", () => {
    const t = only(
      workbook(
        sheet("工作表1", [
          ["工作項目", "負責同事", "開始日期", "結束日期", "狀況"],
          ["場地預訂", "陳大文", d("2025-03-03"), d("2025-03-07"), "已完成"],
          ["嘉賓邀請", "林美華", d("2025-03-10"), d("2025-03-21"), "進行中"],
          ["宣傳物料", "王小明", d("2025-03-17"), d("2025-03-28"), "未開始"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D" });
  });

  test("a staff list with a start date in traditional characters is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("員工", [
          ["員工編號", "姓名", "部門", "到職日期", "聯絡電話"],
          ["E001", "王小明", "資訊室", d("2020-03-01"), "02-2345-6789"],
          ["E002", "陳大文", "人事室", d("2021-07-15"), "02-2345-6790"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});
