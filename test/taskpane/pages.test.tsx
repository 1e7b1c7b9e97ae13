/** @jest-environment jsdom */
/** Each page on its own: what a user reads on it for the sample workbook. */

import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactElement } from "react";
import { CheckPage } from "../../src/taskpane/pages/CheckPage";
import { NoticesPage } from "../../src/taskpane/pages/NoticesPage";
import { OverduePage } from "../../src/taskpane/pages/OverduePage";
import { SettingsPage } from "../../src/taskpane/pages/SettingsPage";
import { StructurePage } from "../../src/taskpane/pages/StructurePage";
import { PREFS, sampleReport } from "./fixtures";

const show = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("结构 page", () => {
  it("lists each recognised table with its kind, header row, data rows and column mapping", () => {
    show(<StructurePage tables={sampleReport().tables} lang="zh" />);
    const schedule = screen.getByRole("region", { name: "进度计划表 · 进度计划表" });
    expect(within(schedule).getByText("表头行").nextSibling).toHaveProperty("textContent", "3");
    expect(within(schedule).getByText("4–15（12 行）")).toBeTruthy();
    const mapping = within(schedule).getByRole("table", { name: "进度计划表 列对应" });
    // Column, its header, the field it holds.
    const row = within(mapping).getAllByRole("row")[6];
    expect(Array.from(row.children, (c) => c.textContent)).toEqual(["F", "计划完成", "计划完成"]);
    const contracts = screen.getByRole("region", { name: "合同执行情况表 · 合同执行情况表" });
    expect(within(contracts).getByText("应收日期1")).toBeTruthy();
    expect(within(contracts).getByText("未对应的列").nextSibling).toHaveProperty("textContent", "无");
  });

  it("says there is nothing yet before a check", () => {
    show(<StructurePage tables={undefined} lang="zh" />);
    expect(screen.getByText(/尚未识别到表格/)).toBeTruthy();
  });

  it("speaks English with field ids", () => {
    show(<StructurePage tables={sampleReport().tables} lang="en" />);
    expect(screen.getAllByText("Header row")).toHaveLength(2);
    expect(screen.getByText("planEnd")).toBeTruthy();
  });
});

describe("校验 page", () => {
  it("groups findings by severity, then rule, each with its sheet!cell and message", () => {
    show(<CheckPage report={sampleReport()} lang="zh" onSelect={() => undefined} />);
    expect(screen.getByText("错误 12 · 警告 5 · 提示 2")).toBeTruthy();
    const errors = screen.getByRole("region", { name: "错误" });
    const warnings = screen.getByRole("region", { name: "警告" });
    expect(within(errors).getByText("进度计划表!F9")).toBeTruthy();
    expect(
      within(errors).getByText(/任务「6 系统安装调试」计划于 2026-10-30 完成，已逾期 24 天/),
    ).toBeTruthy();
    expect(within(warnings).queryByText("进度计划表!F9")).toBeNull();
    expect(within(warnings).getByText("进度计划表!F12")).toBeTruthy();
    // One heading per rule, with its count; the rule's findings sit under it.
    const overdue = within(errors).getByRole("heading", { name: "任务逾期（2）", level: 4 });
    const list = overdue.nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.firstChild!.textContent),
    ).toEqual(["进度计划表!F9", "进度计划表!F11"]);
  });

  it("hands the finding's sheet and cell to onSelect and marks it current", () => {
    const onSelect = jest.fn();
    const { rerender } = show(<CheckPage report={sampleReport()} lang="zh" onSelect={onSelect} />);
    fireEvent.click(screen.getByText("合同执行情况表!P4"));
    expect(onSelect).toHaveBeenCalledWith("合同执行情况表", "P4");
    rerender(
      <FluentProvider theme={webLightTheme}>
        <CheckPage report={sampleReport()} lang="zh" selected="合同执行情况表!P4" onSelect={onSelect} />
      </FluentProvider>,
    );
    expect(screen.getByText("合同执行情况表!P4").closest("button")!.getAttribute("aria-current")).toBe(
      "true",
    );
  });

  it("asks for a check before there is a report", () => {
    show(<CheckPage report={undefined} lang="zh" onSelect={() => undefined} />);
    expect(screen.getByText("点击「校验」检查工作簿。")).toBeTruthy();
  });
});

describe("逾期 page", () => {
  it("counts overdue tasks, deliveries, payments and due-soon as of the report's date", () => {
    show(<OverduePage report={sampleReport()} lang="zh" />);
    expect(screen.getByText("截至 2026-11-23")).toBeTruthy();
    for (const name of ["逾期任务 2", "逾期交货 1", "逾期收款 3", "即将到期 2"]) {
      expect(screen.getByRole("group", { name })).toBeTruthy();
    }
  });
});

describe("通知 page", () => {
  it("lists the planned notices and generates them on request", () => {
    const onGenerate = jest.fn();
    show(<NoticesPage report={sampleReport()} lang="zh" busy={false} onGenerate={onGenerate} />);
    const items = screen.getAllByRole("listitem");
    expect(items.map((li) => li.textContent!.split(" ")[0])).toEqual([
      "催款通知单",
      "项目实施通知",
      "计划调整通知",
      "计划调整通知",
      "备忘录",
    ]);
    expect(items[0].textContent).toContain("HT-2026-012");
    expect(screen.getByRole("checkbox", { name: "催款通知单 HT-2026-012" })).toHaveProperty("checked", true);
    fireEvent.click(screen.getByRole("button", { name: "生成所选通知（5）" }));
    expect(onGenerate).toHaveBeenCalledTimes(1);
    expect(onGenerate.mock.calls[0][0]).toHaveLength(5);
  });

  it("cannot generate while busy", () => {
    show(<NoticesPage report={sampleReport()} lang="zh" busy onGenerate={() => undefined} />);
    expect(screen.getByRole("button", { name: "生成所选通知（5）" })).toHaveProperty("disabled", true);
  });
});

describe("设置 page", () => {
  it("edits the as-of date, language and display name, and shows the parameters", () => {
    const onChange = jest.fn();
    show(<SettingsPage prefs={PREFS} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("显示名称"), { target: { value: "王芳" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...PREFS, user: "王芳" });
    fireEvent.click(screen.getByLabelText("English"));
    expect(onChange).toHaveBeenLastCalledWith({ ...PREFS, lang: "en" });
    fireEvent.change(screen.getByLabelText("校验日期"), { target: { value: "2026-12-01" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...PREFS, asOf: "2026-12-01" });
    expect(screen.getByLabelText("实施通知期限（工作日）")).toHaveProperty("value", "2");
  });
});
