import { strFromU8, unzipSync } from "fflate";
import { checkSnapshot } from "../../src/app/check";
import { runSettingsEdit } from "../../src/app/settings";
import { WorkCalendar } from "../../src/core/calendar";
import type { SettingsEdit } from "../../src/core/plan/settings-edit";
import { cellAt, type WorkbookSnapshot } from "../../src/core/snapshot";
import { readWorkbookState } from "../../src/core/workbook-settings";
import { XlsxHost } from "../../src/host/xlsx/host";
import { readXlsxBytes } from "../../src/host/xlsx/read";
import { userSettingsBook } from "../helpers/settings-book";

const book = userSettingsBook;

const NATIONAL_DAY: SettingsEdit["holidays"] = [
  ...["01", "02", "03", "04", "05", "06", "07"].map((d) => ({
    date: `2027-10-${d}`,
    type: "休" as const,
    name: "国庆节",
  })),
  { date: "2027-10-09", type: "班", name: "国庆节调休" },
];

const EDIT: SettingsEdit = {
  params: {
    dueSoonWorkdays: 4,
    companyName: "=SUM(1)",
    asOf: "2027-10-08",
    departments: { sales: "市场部" },
  },
  holidays: NATIONAL_DAY,
  mappings: [
    { sheet: "合同执行情况表", column: "E", field: "noticeDate" },
    { sheet: "合同执行情况表", column: "F", field: null },
  ],
};

const read = (host: XlsxHost): WorkbookSnapshot => readXlsxBytes(host.bytes);
const settingsSheet = (wb: WorkbookSnapshot) => wb.sheets.find((s) => s.name === "设置")!;
const noticeLate = (wb: WorkbookSnapshot, asOf?: string) =>
  checkSnapshot(wb, { asOf, now: new Date("2027-10-08T04:00:00Z") }).findings.filter(
    (f) => f.rule === "contract.notice-late",
  );

describe("runSettingsEdit through the .xlsx host", () => {
  test("what is saved reads back as the edit, and the user's own rows and notes stay", async () => {
    const host = new XlsxHost(await book());
    const { operations, state } = await runSettingsEdit(host, EDIT, "zh");
    expect(operations).toBeGreaterThan(0);

    const after = read(host);
    const reread = readWorkbookState(after);
    expect(state).toEqual(reread);
    expect(reread.settings).toMatchObject({
      dueSoonWorkdays: 4,
      companyName: "=SUM(1)",
      departments: { finance: "财务部", sales: "市场部", service: "客服部", office: "总经办" },
    });
    expect(reread.asOf).toBe("2027-10-08");
    expect(reread.holidays).toEqual(NATIONAL_DAY);
    expect(reread.mappings).toEqual(EDIT.mappings);

    const s = settingsSheet(after);
    // The user's key, its note and the existing key's note are untouched.
    expect([4, 5].map((r) => [1, 2, 3].map((c) => cellAt(s, r, c)?.value))).toEqual([
      ["操作人", "王五", "写日志用"],
      ["公司名称", "=SUM(1)", undefined],
    ]);
    expect(cellAt(s, 3, 3)?.value).toBe("到期前提示");
    // Both tables grew over the new rows; 日期 are real dates.
    expect(s.tables.map((t) => [t.name, t.range])).toEqual([
      ["参数", { r1: 2, c1: 1, r2: 9, c2: 3 }],
      ["节假日", { r1: 2, c1: 5, r2: 10, c2: 7 }],
    ]);
    // Row 10 holds 2027-10-09 (serial 46669).
    expect(cellAt(s, 10, 5)).toEqual({ value: 46669, numFmt: "yyyy-mm-dd" });
    expect([6, 7, 8, 9].map((r) => [1, 2].map((c) => cellAt(s, r, c)?.value))).toEqual([
      ["校验日期", 46668],
      ["销售部名称", "市场部"],
      ["列映射:合同执行情况表!E", "实施通知日期"],
      ["列映射:合同执行情况表!F", "不映射"],
    ]);
  });

  test("a company name like =SUM(1) is text, not a formula", async () => {
    const host = new XlsxHost(await book());
    await runSettingsEdit(host, EDIT, "zh");
    const files = unzipSync(host.bytes);
    const xml = Object.entries(files)
      .filter(([path]) => path.startsWith("xl/worksheets/sheet"))
      .map(([, bytes]) => strFromU8(bytes))
      .find((x) => x.includes("=SUM(1)"));
    expect(xml).toBeDefined();
    expect(xml).not.toMatch(/<f>/);
  });

  test("saving the same edit again changes nothing", async () => {
    const host = new XlsxHost(await book());
    await runSettingsEdit(host, EDIT, "zh");
    const once = host.bytes;
    const again = await runSettingsEdit(host, EDIT, "en");
    expect(again.operations).toBe(0);
    expect(host.bytes).toBe(once);
    expect(again.state).toEqual(readWorkbookState(read(host)));
  });

  test("in English, mappings are written as field ids", async () => {
    const host = new XlsxHost(await book());
    await runSettingsEdit(
      host,
      { mappings: [{ sheet: "合同执行情况表", column: "E", field: "noticeDate" }] },
      "en",
    );
    const s = settingsSheet(read(host));
    expect([1, 2].map((c) => cellAt(s, 6, c)?.value)).toEqual(["列映射:合同执行情况表!E", "noticeDate"]);
  });

  test("a saved mapping makes a rule run; 2027 holidays move its deadline and fill the missing year", async () => {
    const host = new XlsxHost(await book());
    // 通知日 is not a header recognition knows: the notice rule cannot run.
    const before = checkSnapshot(read(host), { asOf: "2027-10-08" });
    expect(before.tables[0].skippedRules).toContain("contract.notice-late");

    await runSettingsEdit(
      host,
      { mappings: [{ sheet: "合同执行情况表", column: "E", field: "noticeDate" }] },
      "zh",
    );
    const mapped = checkSnapshot(read(host), { asOf: "2027-10-08" });
    expect(mapped.tables[0].columns.noticeDate).toBe("E");
    // No 2027 data: Mon–Fri, so two working days after Thu 09-30 is Mon 10-04.
    expect(mapped.state.missingYears).toEqual([2027]);
    expect(noticeLate(read(host), "2027-10-08").map((f) => f.message)).toEqual([
      "合同 HT-2027-001 签订于 2027-09-30，项目实施通知应不晚于 2027-10-04 发布，至今未发布",
    ]);

    const { state } = await runSettingsEdit(
      host,
      { holidays: NATIONAL_DAY, params: { asOf: "2027-10-08" } },
      "zh",
    );
    expect(new WorkCalendar([]).addWorkdays("2027-09-30", 2)).toBe("2027-10-04");
    expect(new WorkCalendar(state.holidays).addWorkdays("2027-09-30", 2)).toBe("2027-10-09");
    // The deadline is now Sat 10-09 (a make-up working day), after the as-of date the workbook fixes.
    const after = checkSnapshot(read(host), { now: new Date("2030-01-01T00:00:00Z") });
    expect(after.asOf).toBe("2027-10-08");
    expect(after.state.missingYears).toEqual([]);
    expect(after.findings.filter((f) => f.rule === "contract.notice-late")).toEqual([]);
    expect(after.findings.filter((f) => f.rule === "calendar.year-missing")).toEqual([]);
  });

  test("a bad edit is refused before anything is written", async () => {
    const host = new XlsxHost(await book());
    const bytes = host.bytes;
    await expect(runSettingsEdit(host, { params: { reportDays: 1.5 } }, "zh")).rejects.toThrow(
      "Invalid settings edit: params.reportDays must be a whole number",
    );
    expect(host.bytes).toBe(bytes);
  });
});

describe("the workbook runSettingsEdit returns", () => {
  test("checks exactly like a fresh read of the saved file", async () => {
    const host = new XlsxHost(await book());
    const saved = await runSettingsEdit(host, EDIT, "zh", {
      user: "李娜",
      now: new Date("2027-10-08T02:30:00Z"),
    });
    const reread = read(host);
    // Twelve days on: the 项目实施通知 is late under the saved holidays and mapping.
    const at = { asOf: "2027-10-20" as const, now: new Date("2027-10-20T04:00:00Z") };
    const mine = checkSnapshot(saved.workbook, at);
    const theirs = checkSnapshot(reread, at);
    expect(theirs.findings.map((f) => f.rule)).toContain("contract.notice-late");
    expect(mine.findings).toEqual(theirs.findings);
    expect(mine.state).toEqual(theirs.state);
    expect(mine.tables).toEqual(theirs.tables);
    expect(saved.workbook.sheets.map((s) => s.name)).toEqual(reread.sheets.map((s) => s.name));
  });
});

describe("a 设置 edit in 操作日志", () => {
  const logRows = (wb: WorkbookSnapshot) => {
    const log = wb.sheets.find((s) => s.name === "操作日志");
    return (log?.rows ?? []).slice(1).map((r) => (r ?? []).map((c) => c?.value ?? null));
  };
  const NOW = new Date("2027-10-08T02:30:00Z");

  test("says who changed what, old → new, in the same apply", async () => {
    const host = new XlsxHost(await book());
    await runSettingsEdit(host, EDIT, "zh", { user: "李娜", now: NOW });
    const rows = logRows(read(host));
    expect(rows).toHaveLength(1);
    const [time, user, action, , , , note] = rows[0];
    expect([time, user, action]).toEqual(["2027-10-08 10:30:00", "李娜", "修改设置"]);
    const parts = String(note).split("；");
    expect(parts).toEqual(
      expect.arrayContaining([
        "校验日期 今天 → 2027-10-08",
        "临近提醒工作日数 3 → 4",
        "公司名称 旧名称 → =SUM(1)",
        "销售部名称 销售部 → 市场部",
        "新增节假日 2027-10-09 班 国庆节调休",
        "删除节假日 2026-10-01 休 国庆节",
        "列映射 合同执行情况表!E → 实施通知日期",
        "列映射 合同执行情况表!F → 不映射",
      ]),
    );
    // Seven National Day days, each its own phrase: 4 parameters + 8 + 1 removed + 2 mappings.
    expect(parts).toHaveLength(15);
  });

  test("an edit that changes nothing writes no log row; mappings dropped go back to automatic", async () => {
    const host = new XlsxHost(await book());
    await runSettingsEdit(host, EDIT, "zh", { user: "李娜", now: NOW });
    await runSettingsEdit(host, EDIT, "zh", { user: "李娜", now: NOW });
    expect(logRows(read(host))).toHaveLength(1);
    await runSettingsEdit(host, { mappings: [] }, "en", { user: "Li Na", now: NOW });
    const rows = logRows(read(host));
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(1, 3)).toEqual(["Li Na", "Settings"]);
    expect(rows[1][6]).toBe(
      "column mapping 合同执行情况表!E → automatic; column mapping 合同执行情况表!F → automatic",
    );
  });
});
