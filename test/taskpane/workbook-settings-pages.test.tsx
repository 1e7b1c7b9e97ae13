/** @jest-environment jsdom */
/** Editing what the workbook keeps for everyone: parameters, 节假日 and column mappings. */

import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactElement } from "react";
import type { IsoDate } from "../../src/core/dates";
import type { SettingsEdit } from "../../src/core/plan/settings-edit";
import type { DeclaredTable, MappingOverride } from "../../src/core/recognise";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { WorkbookState } from "../../src/core/workbook-settings";
import { SettingsPage } from "../../src/taskpane/pages/SettingsPage";
import { StructurePage } from "../../src/taskpane/pages/StructurePage";
import { PREFS, sampleReport } from "./fixtures";
import "./jsdom-gaps";

const show = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

function state(over: Partial<WorkbookState> = {}): WorkbookState {
  return {
    settings: { ...DEFAULT_SETTINGS, noticeWorkdays: 3, companyName: "华东工程有限公司" },
    holidays: [{ date: "2027-01-01" as IsoDate, type: "休", name: "元旦" }],
    mappings: [],
    missingYears: [2027],
    hasSettingsSheet: true,
    ...over,
  };
}

describe("设置 page: the workbook's parameters", () => {
  it("shows the built-in defaults read-only before a check", () => {
    show(<SettingsPage prefs={PREFS} onChange={() => undefined} />);
    const days = screen.getByLabelText("实施通知期限（工作日）") as HTMLInputElement;
    expect(days.value).toBe(String(DEFAULT_SETTINGS.noticeWorkdays));
    expect(days.disabled).toBe(true);
    expect(screen.getByText(/点击「校验」读取本工作簿的参数后即可修改/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "保存参数" })).toBeNull();
  });

  it("edits the workbook's values and saves only what the form holds", async () => {
    const onSave = jest.fn(async (_e: SettingsEdit) => true);
    show(<SettingsPage prefs={PREFS} onChange={() => undefined} state={state()} onSave={onSave} />);
    const days = screen.getByLabelText("实施通知期限（工作日）") as HTMLInputElement;
    expect(days.value).toBe("3");
    expect((screen.getByLabelText("公司名称") as HTMLInputElement).value).toBe("华东工程有限公司");
    fireEvent.change(days, { target: { value: "5" } });
    fireEvent.change(screen.getByLabelText("财务部名称"), { target: { value: " 计划财务部 " } });
    fireEvent.click(screen.getByRole("button", { name: "保存参数" }));
    expect(onSave).toHaveBeenCalledTimes(1);
    const edit = onSave.mock.calls[0][0];
    expect(edit.params?.noticeWorkdays).toBe(5);
    expect(edit.params?.departments?.finance).toBe("计划财务部");
    expect(edit.holidays).toBeUndefined();
    expect(await screen.findByText("已保存到工作簿，并已重新校验。")).toBeTruthy();
  });

  it("turns the Gantt band on for everyone, by week, through the workbook's 甘特图 parameter", () => {
    const onSave = jest.fn(async (_e: SettingsEdit) => true);
    show(<SettingsPage prefs={PREFS} onChange={() => undefined} state={state()} onSave={onSave} />);
    const gantt = screen.getByLabelText("甘特图") as HTMLSelectElement;
    expect(gantt.value).toBe("off");
    fireEvent.change(gantt, { target: { value: "week" } });
    fireEvent.click(screen.getByRole("button", { name: "保存参数" }));
    expect(onSave.mock.calls[0][0].params?.gantt).toBe("week");
  });

  it("refuses a day count that is not a whole number, saying which", () => {
    const onSave = jest.fn(async () => true);
    show(<SettingsPage prefs={PREFS} onChange={() => undefined} state={state()} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText("催款后书面报告期限（日）"), {
      target: { value: "一天" },
    });
    expect(screen.getByRole("alert").textContent).toBe("「催款后书面报告期限（日）」须为 0–366 的整数。");
    expect((screen.getByRole("button", { name: "保存参数" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("refuses hours in a working day outside 1–24, saying the range", () => {
    const onSave = jest.fn(async (_e: SettingsEdit) => true);
    show(<SettingsPage prefs={PREFS} onChange={() => undefined} state={state()} onSave={onSave} />);
    const hours = screen.getByLabelText("每日工时（小时，工期按小时计时换算为天）");
    fireEvent.change(hours, { target: { value: "0" } });
    expect(screen.getByRole("alert").textContent).toBe(
      "「每日工时（小时，工期按小时计时换算为天）」须为 1–24 的整数。",
    );
    fireEvent.change(hours, { target: { value: "25" } });
    expect(screen.getByRole("alert").textContent).toBe(
      "「每日工时（小时，工期按小时计时换算为天）」须为 1–24 的整数。",
    );
    fireEvent.change(hours, { target: { value: "6" } });
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "保存参数" }));
    expect(onSave.mock.calls[0][0].params?.hoursPerDay).toBe(6);
  });
});

describe("设置 page: the 节假日 editor", () => {
  it("warns about years the bundled calendar lacks and lists the workbook's days", () => {
    show(<SettingsPage prefs={PREFS} onChange={() => undefined} state={state()} onSave={async () => true} />);
    expect(screen.getByText(/工作簿用到的 2027 年不在内置日历中/)).toBeTruthy();
    expect(screen.getByText(/内置节假日数据：2004–2026 年/)).toBeTruthy();
    const table = screen.getByRole("table", { name: "节假日" });
    expect((within(table).getByLabelText("日期 1") as HTMLInputElement).value).toBe("2027-01-01");
    expect((within(table).getByLabelText("名称 1") as HTMLInputElement).value).toBe("元旦");
  });

  it("names a run of missing years as one span, not year by year", () => {
    const missingYears = [2001, 2002, 2003, ...Array.from({ length: 40 }, (_, i) => 2027 + i)];
    show(
      <SettingsPage
        prefs={PREFS}
        onChange={() => undefined}
        state={state({ missingYears })}
        onSave={async () => true}
      />,
    );
    expect(screen.getByText(/工作簿用到的 2001–2003、2027–2066 年不在内置日历中/)).toBeTruthy();
  });

  it("adds, edits and removes rows, then saves them sorted by date", async () => {
    const onSave = jest.fn(async (_e: SettingsEdit) => true);
    show(<SettingsPage prefs={PREFS} onChange={() => undefined} state={state()} onSave={onSave} />);
    fireEvent.click(screen.getByRole("button", { name: "添加一行" }));
    fireEvent.click(screen.getByRole("button", { name: "添加一行" }));
    fireEvent.change(screen.getByLabelText("日期 2"), { target: { value: "2027-02-07" } });
    fireEvent.change(screen.getByLabelText("类型 2"), { target: { value: "班" } });
    fireEvent.change(screen.getByLabelText("名称 2"), { target: { value: "春节调休" } });
    // The third row has no date yet: saving is refused until it has one or is removed.
    expect(screen.getByRole("alert").textContent).toBe("第 3 行的日期无效。");
    expect((screen.getByRole("button", { name: "保存节假日" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "删除 此行" }));
    fireEvent.change(screen.getByLabelText("日期 1"), { target: { value: "2027-02-08" } });
    fireEvent.click(screen.getByRole("button", { name: "保存节假日" }));
    expect(onSave.mock.calls[0][0]).toEqual({
      holidays: [
        { date: "2027-02-07", type: "班", name: "春节调休" },
        { date: "2027-02-08", type: "休", name: "元旦" },
      ],
    });
    expect(await screen.findByText("已保存到工作簿，并已重新校验。")).toBeTruthy();
  });

  it("will not save the same date twice", () => {
    show(<SettingsPage prefs={PREFS} onChange={() => undefined} state={state()} onSave={async () => true} />);
    fireEvent.click(screen.getByRole("button", { name: "添加一行" }));
    fireEvent.change(screen.getByLabelText("日期 2"), { target: { value: "2027-01-01" } });
    expect(screen.getByRole("alert").textContent).toBe("2027-01-01 录入了两次。");
  });
});

describe("结构 page: correcting a column mapping", () => {
  const tables = () => sampleReport().tables;

  it("offers every field of the table's kind for each column, the current one chosen", () => {
    show(<StructurePage tables={tables()} lang="zh" mappings={[]} onSaveMappings={async () => true} />);
    const f = screen.getByLabelText("F 列「计划完成」对应的字段") as HTMLSelectElement;
    expect(f.value).toBe("planEnd");
    const options = Array.from(f.options).map((o) => o.textContent);
    expect(options[0]).toBe("（不对应）");
    expect(options).toContain("计划开始");
    expect(options).toContain("实际完成");
  });

  it("moves a field to the chosen column and saves both columns as manual mappings", () => {
    const onSave = jest.fn(async (_m: MappingOverride[]) => true);
    const kept: MappingOverride = { sheet: "合同执行情况表", column: "Z", field: null };
    show(<StructurePage tables={tables()} lang="zh" mappings={[kept]} onSaveMappings={onSave} />);
    const save = screen.getAllByRole("button", { name: "保存列对应" })[0] as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const e = screen.getByLabelText("E 列「计划开始」对应的字段") as HTMLSelectElement;
    fireEvent.change(e, { target: { value: "planEnd" } });
    // F held planEnd: it is now unmapped, and E holds it.
    expect((screen.getByLabelText("F 列「计划完成」对应的字段") as HTMLSelectElement).value).toBe("");
    fireEvent.click(save);
    expect(onSave.mock.calls[0][0]).toEqual([
      kept,
      { sheet: "进度计划表", column: "E", field: "planEnd", kind: "schedule" },
      { sheet: "进度计划表", column: "F", field: null, kind: "schedule" },
    ]);
  });

  it("marks manual columns and can go back to automatic recognition for the sheet", () => {
    const onSave = jest.fn(async (_m: MappingOverride[]) => true);
    const saved: MappingOverride[] = [
      { sheet: "进度计划表", column: "F", field: "planEnd" },
      { sheet: "合同执行情况表", column: "B", field: "contractNo" },
    ];
    show(<StructurePage tables={tables()} lang="zh" mappings={saved} onSaveMappings={onSave} />);
    const schedule = screen.getByRole("region", { name: "进度计划表 · 进度计划表" });
    expect(
      within(schedule)
        .getByText(/（手动）/)
        .closest("tr")!.firstChild!.textContent,
    ).toBe("F");
    fireEvent.click(within(schedule).getByRole("button", { name: "恢复自动识别" }));
    expect(onSave.mock.calls[0][0]).toEqual([saved[1]]);
  });
});

describe("结构 page: declaring a table the check did not recognise", () => {
  it("after a check that found none, declares a header row a 进度计划表 and saves it with those already declared", async () => {
    const kept: DeclaredTable = { sheet: "合同", row: 2, column: "B", kind: "contracts" };
    const onSave = jest.fn(async (_d: DeclaredTable[]) => true);
    show(<StructurePage tables={[]} checked lang="zh" declared={[kept]} onSaveDeclared={onSave} />);
    expect(screen.getByText(/校验没有在工作簿中识别到表格/)).toBeTruthy();
    const form = screen.getByRole("region", { name: "声明表格" });
    expect(within(form).getByText(/合同!B2 · 合同执行情况表/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText("表头第一个单元格（如 Sheet1!A3）"), {
      target: { value: "工作！a3" },
    });
    fireEvent.change(within(form).getByLabelText("表格类型"), { target: { value: "schedule" } });
    fireEvent.click(within(form).getByRole("button", { name: "声明表格" }));
    expect(onSave.mock.calls[0][0]).toEqual([kept, { sheet: "工作", row: 3, column: "A", kind: "schedule" }]);
    // Saved: the box is emptied for the next one.
    expect(((await within(form).findByDisplayValue("")) as HTMLInputElement).getAttribute("aria-label")).toBe(
      "表头第一个单元格（如 Sheet1!A3）",
    );
  });

  it("says how to write the cell instead of saving a wrong one", () => {
    const onSave = jest.fn(async (_d: DeclaredTable[]) => true);
    show(<StructurePage tables={[]} checked lang="zh" declared={[]} onSaveDeclared={onSave} />);
    fireEvent.change(screen.getByLabelText("表头第一个单元格（如 Sheet1!A3）"), { target: { value: "A3" } });
    fireEvent.click(screen.getByRole("button", { name: "声明表格" }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe("「A3」不是「工作表!单元格」的写法，例如 Sheet1!A3。");
  });

  it("removes one declaration and keeps the others, beside the tables found", () => {
    const declared: DeclaredTable[] = [
      { sheet: "工作", row: 3, column: "A", kind: "schedule" },
      { sheet: "合同", row: 2, column: "B", kind: "contracts" },
    ];
    const onSave = jest.fn(async (_d: DeclaredTable[]) => true);
    show(
      <StructurePage
        tables={sampleReport().tables}
        checked
        lang="zh"
        declared={declared}
        onSaveDeclared={onSave}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "取消声明 工作!A3" }));
    expect(onSave.mock.calls[0][0]).toEqual([declared[1]]);
  });
});
