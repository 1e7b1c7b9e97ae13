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
import { checkWorkbook } from "../../src/core/check";
import { PREFS, sampleCounts, sampleReport, sampleSummary } from "./fixtures";
import { phasePlanSnapshot } from "../helpers/phase-plan";

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

  it("speaks English and names fields by their headers, never their ids", () => {
    show(<StructurePage tables={sampleReport().tables} lang="en" />);
    expect(screen.getAllByText("Header row")).toHaveLength(5);
    expect(screen.queryByText("planEnd")).toBeNull();
    expect(screen.queryByText("receivedAmount1")).toBeNull();
    expect(screen.getAllByText("计划完成").length).toBeGreaterThan(0);
  });

  it("names a plan's phases across columns, with their columns and the tasks they make", () => {
    const tables = checkWorkbook(phasePlanSnapshot(), { asOf: "2026-11-23" }).tables;
    show(<StructurePage tables={tables} lang="zh" />);
    // The two-row header: phase names over their 开始时间 | 结束时间 pairs.
    expect(screen.getByText("表头行").nextSibling).toHaveProperty("textContent", "3–4");
    expect(screen.getByText("阶段", { selector: "dt" }).nextSibling).toHaveProperty(
      "textContent",
      "需求（C–D 列）、设计（E–F 列）、开发（G–H 列）、测试（I–J 列），共 11 项任务（每行每阶段一项）",
    );
  });

  it("in English, names the phases without full-width brackets", () => {
    const tables = checkWorkbook(phasePlanSnapshot(), { asOf: "2026-11-23" }).tables;
    show(<StructurePage tables={tables} lang="en" />);
    expect(screen.getByText("Phases").nextSibling).toHaveProperty(
      "textContent",
      "需求 (columns C–D), 设计 (columns E–F), 开发 (columns G–H), 测试 (columns I–J); 11 tasks (one per row and phase)",
    );
  });

  it("says a payables table is money we pay, and shows no phases where there are none", () => {
    const [t] = sampleReport().tables;
    show(<StructurePage tables={[{ ...t, kind: "payments", payable: true }]} lang="zh" />);
    expect(screen.getByText("收付方向").nextSibling).toHaveProperty(
      "textContent",
      "应付（我方付款，不生成催款通知单）",
    );
    expect(screen.queryByText("阶段", { selector: "dt" })).toBeNull();
  });

  it("names the contract a one-contract sheet is about, and the cell it was read from", () => {
    const t = sampleReport().tables.find((x) => x.kind === "contracts")!;
    show(<StructurePage tables={[{ ...t, contract: { key: "HT-2013-06", cell: "B2" } }]} lang="zh" />);
    expect(screen.getByText("合同", { selector: "dt" }).nextSibling).toHaveProperty(
      "textContent",
      "HT-2013-06（读自 B2）",
    );
  });

  it("after a check that found no table, says so instead of asking for a check", () => {
    show(<StructurePage tables={[]} lang="zh" checked />);
    expect(screen.getByText(/校验没有在工作簿中识别到表格/)).toBeTruthy();
    expect(screen.queryByText(/点击「校验」/)).toBeNull();
  });
});

/** The list's rows as a screen reader meets them: `group` headers and their findings' first line. */
const treeRows = () =>
  screen
    .getAllByRole("treeitem")
    .map((r) =>
      r.getAttribute("aria-expanded") !== null
        ? `# ${r.textContent!.slice(1)}`
        : r.firstChild!.firstChild!.textContent,
    );

describe("校验 page", () => {
  it("shows counts, then one group per rule with its count, each finding with its sheet!cell and message", () => {
    show(<CheckPage report={sampleReport()} lang="zh" onSelect={() => undefined} />);
    expect(screen.getByText(sampleCounts())).toBeTruthy();
    const rows = treeRows();
    const at = rows.indexOf("# 错误 · 任务逾期（2）");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(rows.slice(at + 1, at + 3)).toEqual(["进度计划表!F9", "进度计划表!F11"]);
    // Errors first, then warnings, then notes.
    const firstWarning = rows.findIndex((r) => r?.startsWith("# 警告"));
    expect(rows.findIndex((r) => r?.startsWith("# 错误"))).toBeLessThan(firstWarning);
    expect(rows.indexOf("进度计划表!F12")).toBeGreaterThan(firstWarning);
    expect(screen.getByText(/任务「6 系统安装调试」计划于 2026-10-30 完成，已逾期 24 天/)).toBeTruthy();
    // One keyboard stop for the whole list.
    expect(screen.getByRole("tree", { name: "问题列表" }).getAttribute("tabindex")).toBe("0");
    expect(screen.getAllByRole("treeitem").every((r) => !r.hasAttribute("tabindex"))).toBe(true);
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
    expect(
      screen.getByText("合同执行情况表!P4").closest("[role=treeitem]")!.getAttribute("aria-selected"),
    ).toBe("true");
  });

  it("moves with the arrow keys, goes to the cell with Enter and closes a group with Left", () => {
    const onSelect = jest.fn();
    show(<CheckPage report={sampleReport()} lang="zh" onSelect={onSelect} />);
    const tree = screen.getByRole("tree");
    const active = () => document.getElementById(tree.getAttribute("aria-activedescendant")!)!;
    expect(active().getAttribute("aria-expanded")).toBe("true");
    fireEvent.keyDown(tree, { key: "ArrowDown" });
    const first = active().firstChild!.firstChild!.textContent!;
    fireEvent.keyDown(tree, { key: "Enter" });
    const [sheet, cell] = first.split("!");
    expect(onSelect).toHaveBeenCalledWith(sheet, cell);
    fireEvent.keyDown(tree, { key: "ArrowLeft" });
    expect(active().getAttribute("aria-expanded")).toBe("true");
    fireEvent.keyDown(tree, { key: "ArrowLeft" });
    expect(active().getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByText(first)).toBeNull();
    fireEvent.keyDown(tree, { key: "ArrowRight" });
    expect(screen.getByText(first)).toBeTruthy();
  });

  it("filters by severity, rule, sheet and search, and says how many it shows", () => {
    show(<CheckPage report={sampleReport()} lang="zh" onSelect={() => undefined} />);
    const { total, warnings } = sampleSummary();
    expect(screen.getByText(`共 ${total} 条`)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("严重程度"), { target: { value: "warning" } });
    expect(screen.getByText(`显示 ${warnings} / ${total} 条`)).toBeTruthy();
    expect(
      treeRows()
        .filter((r) => r?.startsWith("# "))
        .every((r) => r!.startsWith("# 警告")),
    ).toBe(true);
    fireEvent.change(screen.getByLabelText("严重程度"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("规则"), { target: { value: "schedule.overdue" } });
    expect(treeRows()).toEqual(["# 错误 · 任务逾期（2）", "进度计划表!F9", "进度计划表!F11"]);
    fireEvent.click(screen.getByRole("button", { name: "清除筛选" }));
    fireEvent.change(screen.getByLabelText("工作表"), { target: { value: "合同执行情况表" } });
    expect(
      treeRows()
        .filter((r) => !r?.startsWith("# "))
        .every((r) => r!.startsWith("合同执行情况表")),
    ).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "清除筛选" }));
    fireEvent.change(screen.getByLabelText("搜索"), { target: { value: "系统安装调试" } });
    expect(treeRows().filter((r) => !r?.startsWith("# "))).toContain("进度计划表!F9");
    expect(treeRows().filter((r) => !r?.startsWith("# "))).not.toContain("合同执行情况表!P4");
  });

  it("shows 我的事项 for the display name as 负责人, 客服经理 or 销售经理", () => {
    const report = sampleReport();
    const owners = new Set(report.findings.flatMap((f) => f.who ?? []));
    expect(owners.size).toBeGreaterThan(1);
    const me = [...owners][0];
    show(<CheckPage report={report} lang="zh" onSelect={() => undefined} me={me} />);
    fireEvent.click(screen.getByLabelText(`我的事项（${me}）`));
    const mine = report.findings.filter((f) => f.who?.includes(me)).length;
    expect(mine).toBeGreaterThan(0);
    expect(screen.getByText(`显示 ${mine} / ${sampleSummary().total} 条`)).toBeTruthy();
  });

  it("sorts by amount, largest first", () => {
    const report = sampleReport();
    show(<CheckPage report={report} lang="zh" onSelect={() => undefined} />);
    fireEvent.change(screen.getByLabelText("规则"), { target: { value: "contract.payment-overdue" } });
    fireEvent.change(screen.getByLabelText("排序"), { target: { value: "amount" } });
    const amounts = report.findings
      .filter((f) => f.rule === "contract.payment-overdue")
      .map((f) => f.amount!)
      .sort((a, b) => b - a);
    const shown = screen
      .getAllByRole("treeitem")
      .slice(1)
      .map((r) => r.textContent!);
    expect(shown.map((t) => Number(/¥([\d,.]+)/.exec(t)![1].replace(/,/g, "")))).toEqual(amounts);
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
    for (const name of [
      "逾期任务 2",
      "逾期交货 1",
      "逾期文档环节 1",
      "逾期风险与问题 1",
      "逾期未批变更 1",
      "即将到期 2",
    ]) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
    expect(screen.getByRole("button", { name: /^逾期收款 3 待收 ¥[\d,]+\.\d\d$/ })).toBeTruthy();
  });

  it("opens each tile's worklist, longest overdue first, and goes to an item's cell", () => {
    const onSelect = jest.fn();
    const report = sampleReport();
    show(<OverduePage report={report} lang="zh" onSelect={onSelect} />);
    fireEvent.click(screen.getByRole("button", { name: /^逾期收款 3/ }));
    const items = screen.getAllByRole("treeitem");
    expect(items).toHaveLength(3);
    const days = items.map((i) => Number(/逾期 (\d+) 天/.exec(i.textContent!)![1]));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(items[0].textContent).toMatch(/¥[\d,]+\.\d\d/);
    fireEvent.click(items[0]);
    const f = report.findings
      .filter((x) => x.rule === "contract.payment-overdue")
      .sort((a, b) => b.days! - a.days!)[0];
    expect(onSelect).toHaveBeenCalledWith(f.sheet, f.cell);
  });

  it("shows the critical path: the finish it moves to and each open critical task, late ones marked", () => {
    const onSelect = jest.fn();
    show(<OverduePage report={sampleReport()} lang="zh" onSelect={onSelect} />);
    const section = screen.getByRole("region", { name: "关键路径" });
    expect(
      within(section).getByText("计划完工 2026-12-28，按当前进度 2027-01-25，推迟 20 个工作日"),
    ).toBeTruthy();
    const tasks = within(section).getAllByRole("button");
    expect(tasks.map((b) => b.textContent)).toEqual([
      "6 系统安装调试 · 延误",
      "7 系统联调测试",
      "11 项目验收",
      "12 文档整理归档",
    ]);
    fireEvent.click(tasks[0]);
    expect(onSelect).toHaveBeenCalledWith("进度计划表", "C9");
  });
});

test("逾期 page: the 实施文档台账's overdue hand-offs are a worklist naming the step, its deadline and the 客服经理", () => {
  const onSelect = jest.fn();
  show(<OverduePage report={sampleReport()} lang="zh" onSelect={onSelect} />);
  fireEvent.click(screen.getByRole("button", { name: "逾期文档环节 1" }));
  const items = screen.getAllByRole("treeitem");
  expect(items).toHaveLength(1);
  expect(items[0].textContent).toContain("实施会议日期应在 5 个工作日内、不晚于 2026-11-16 完成");
  expect(items[0].textContent).toContain("逾期 7 天");
  expect(items[0].textContent).toContain("李娜");
  fireEvent.click(items[0]);
  expect(onSelect).toHaveBeenCalledWith("实施文档台账", "I4");
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
      "催办通知",
    ]);
    expect(items[0].textContent).toContain("HT-2026-012");
    expect(screen.getByRole("checkbox", { name: "催款通知单 HT-2026-012 第2期" })).toHaveProperty(
      "checked",
      true,
    );
    fireEvent.click(screen.getByRole("button", { name: "生成所选通知（6）" }));
    expect(onGenerate).toHaveBeenCalledTimes(1);
    expect(onGenerate.mock.calls[0][0]).toHaveLength(6);
  });

  it("cannot generate while busy", () => {
    show(<NoticesPage report={sampleReport()} lang="zh" busy onGenerate={() => undefined} />);
    expect(screen.getByRole("button", { name: "生成所选通知（6）" })).toHaveProperty("disabled", true);
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
