/** @jest-environment jsdom */
/**
 * 设为基线 in the pane: on the 逾期 page, save the plan, see the saved baselines and the variance
 * in working days; saving over a name asks first and goes ahead only when confirmed.
 */

import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { analyseWorkbook } from "../../src/core/check";
import type { WorkbookPatch } from "../../src/core/patch";
import { snapshotAfter } from "../../src/core/patch-snapshot";
import { planBaselineSave } from "../../src/core/plan/baseline";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { sampleWorkbook } from "../../src/app/sample";
import { App } from "../../src/taskpane/App";
import { paneReport } from "../../src/taskpane/jobs";
import { BaselinePanel } from "../../src/taskpane/pages/BaselinePanel";
import { sheet, workbook } from "../helpers/snapshot-builder";
import { fakeSource, openTab, PREFS } from "./fixtures";
import "./jsdom-gaps";

beforeEach(() => localStorage.clear());

/** A schedule saved as 基线, then task 1 moved from Fri 02-13 to Tue 02-24 (Sat 02-14 is a 调休 working day). */
function movedPlan(): WorkbookSnapshot {
  const wb = workbook(
    sheet("进度计划表", [
      ["WBS", "任务名称", "负责人", "计划开始", "计划完成"],
      ["1", "需求调研", "张三", "2026-02-09", "2026-02-13"],
      ["2", "系统设计", "李四", "2026-02-12", "2026-02-24"],
    ]),
  );
  const save = planBaselineSave(wb, analyseWorkbook(wb, { today: "2026-02-02" }), {
    replace: false,
    now: "2026-02-02 09:30:00",
    user: "王五",
    lang: "zh",
  });
  if (!save.ok) throw new Error(save.refusal.reason);
  const after = snapshotAfter(wb, save.patch);
  after.sheets[0].rows[1]![4] = { value: "2026-02-24" };
  return after;
}

const show = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("the 基线 section", () => {
  it("shows the variance in working days against the saved baseline, and the baselines saved", () => {
    show(
      <BaselinePanel
        report={paneReport(movedPlan(), { lang: "zh", today: "2026-02-02" })}
        lang="zh"
        busy={false}
        onSet={jest.fn()}
      />,
    );
    expect(screen.getByText("与基线「基线」比较（2026-02-02 09:30:00 保存），单位：工作日")).toBeTruthy();
    expect(screen.getByText("已调整 1 个任务（完成推迟 1 个），新增 0 个，已删除 0 个。")).toBeTruthy();
    const table = screen.getByRole("table", { name: "与基线的偏差" });
    const rows = within(table)
      .getAllByRole("row")
      .map((r) => Array.from(r.children, (c) => c.textContent));
    expect(rows).toEqual([
      ["任务", "开始", "完成", "工期"],
      ["1 需求调研", "0", "+2", "+2"],
    ]);
    expect(screen.getByText("基线 · 第 1 版 · 2026-02-02 09:30:00 · 王五 · 2 个任务")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "基线名称" }).getAttribute("placeholder")).toBe("基线1");
  });

  it("asks before saving over a baseline, and saves over it only when confirmed", () => {
    const onSet = jest.fn();
    const confirm = jest.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    show(
      <BaselinePanel
        report={paneReport(movedPlan(), { lang: "zh", today: "2026-02-02" })}
        lang="zh"
        busy={false}
        onSet={onSet}
        confirm={confirm}
      />,
    );
    fireEvent.change(screen.getByRole("textbox", { name: "基线名称" }), { target: { value: " 基线 " } });
    fireEvent.click(screen.getByRole("button", { name: "设为基线" }));
    expect(confirm).toHaveBeenCalledWith(
      "基线「基线」已于 2026-02-02 09:30:00 保存。覆盖它会保存一个新版本（旧版本仍保留在基线工作表上），并记入操作日志。确定覆盖吗？",
    );
    expect(onSet).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "设为基线" }));
    expect(onSet).toHaveBeenCalledWith("基线", true);
  });

  it("shows a refusal as its one sentence", () => {
    show(
      <BaselinePanel
        report={paneReport(movedPlan(), { lang: "zh", today: "2026-02-02" })}
        lang="zh"
        busy={false}
        onSet={jest.fn()}
        outcome={{
          ok: false,
          reason: "full",
          message: "已有 11 个基线（…），不能再保存；请在面板“逾期”页的基线列表中选一个覆盖。",
        }}
      />,
    );
    expect(screen.getByRole("alert").textContent).toMatch(/^已有 11 个基线/);
  });
});

describe("设为基线 in Excel", () => {
  it("saves the plan on a hidden sheet from the 逾期 page, then saves over it only when confirmed", async () => {
    let wb = sampleWorkbook();
    const patches: WorkbookPatch[] = [];
    const source = fakeSource(
      { selectCell: jest.fn() },
      {
        read: async () => wb,
        apply: async (p) => {
          patches.push(p);
          wb = snapshotAfter(wb, p);
        },
      },
    );
    const confirm = jest.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(<App mode={{ kind: "office", source }} initialPrefs={PREFS} />);
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText(/^错误 \d+ · 警告 \d+ · 提示 \d+$/, {}, { timeout: 10_000 });
    await openTab("逾期");
    expect(screen.getByText(/^还没有保存过基线/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "设为基线" }));
    await screen.findByText(/^已保存基线「基线」：\d+ 个任务。$/, {}, { timeout: 10_000 });
    const written = patches[0].ops.find((o) => o.op === "writeSheet" && o.owner.kind === "baseline");
    expect(written).toMatchObject({ sheet: "基线", visibility: "hidden" });
    expect(screen.getByText(/^已保存的基线（1\/11）$/)).toBeTruthy();

    fireEvent.change(screen.getByRole("textbox", { name: "基线名称" }), { target: { value: "基线" } });
    fireEvent.click(screen.getByRole("button", { name: "设为基线" }));
    expect(patches).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "设为基线" }));
    expect(
      (await screen.findByText(/^已覆盖基线「基线」（第 2 版，\d+ 个任务）。$/, {}, { timeout: 10_000 }))
        .textContent,
    ).toBeTruthy();
    expect(patches[1].ops.map((o) => o.op)).toEqual(["appendRows", "appendRows"]);
    expect(confirm).toHaveBeenCalledTimes(2);
    confirm.mockRestore();
  }, 30_000);
});
