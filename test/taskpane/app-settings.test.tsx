/** @jest-environment jsdom */
/**
 * The whole pane against a workbook that really changes: saving 设置 and column mappings writes
 * the workbook and validates again; live validation re-checks once after a burst of edits.
 */

import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { sampleWorkbook } from "../../src/app/sample";
import type { WorkbookPatch } from "../../src/core/patch";
import { parseRange, type WorkbookSnapshot } from "../../src/core/snapshot";
import { checkSnapshot } from "../../src/app/check";
import type { IsoDate } from "../../src/core/dates";
import type { SheetChange } from "../../src/host/excel/watch";
import { readWorkbookState } from "../../src/core/workbook-settings";
import { App } from "../../src/taskpane/App";
import { LIVE_DELAY_MS } from "../../src/taskpane/workbench";
import type { WorkbookSource } from "../../src/taskpane/workbook-source";
import { applyInMemory } from "../core/plan/apply-in-memory";
import { openTab, PREFS } from "./fixtures";
import "./jsdom-gaps";

beforeEach(() => localStorage.clear());

/** An Office-like source over a snapshot that each apply really changes. */
function memorySource(watch?: WorkbookSource["watch"]) {
  const box = { wb: sampleWorkbook(), reads: 0, patches: [] as WorkbookPatch[] };
  const source: WorkbookSource = {
    kind: "office",
    name: "台账.xlsx",
    ui: { selectCell: () => undefined },
    host: () => ({
      read: async () => {
        box.reads++;
        return box.wb;
      },
      apply: async (p: WorkbookPatch) => {
        box.patches.push(p);
        box.wb = applyInMemory(box.wb, p) as WorkbookSnapshot;
      },
    }),
    ...(watch ? { watch } : {}),
  };
  return { box, source };
}

const summary = () => screen.getByText(/^错误 \d+ · 警告 \d+ · 提示 \d+$/).textContent;

async function checked() {
  fireEvent.click(screen.getByRole("button", { name: "校验" }));
  await screen.findByText(/^错误 \d+ · 警告 \d+ · 提示 \d+$/, {}, { timeout: 10_000 });
}

describe("设置 saved to the workbook", () => {
  it("writes a parameter into the 设置 sheet, validates again and shows the new value", async () => {
    const { box, source } = memorySource();
    render(<App mode={{ kind: "office", source }} initialPrefs={PREFS} />);
    await checked();
    const before = summary();
    await openTab("设置");
    const days = screen.getByLabelText("实施通知期限（工作日）") as HTMLInputElement;
    expect(days.disabled).toBe(false);
    fireEvent.change(days, { target: { value: "30" } });
    const reads = box.reads;
    fireEvent.click(screen.getByRole("button", { name: "保存参数" }));
    await screen.findByText("已保存到工作簿，并已重新校验。", {}, { timeout: 10_000 });
    // One read to plan the save; the check after it runs on the saved workbook, not a second read.
    expect(box.reads).toBe(reads + 1);
    // In the workbook, for every co-author …
    expect(readWorkbookState(box.wb).settings.noticeWorkdays).toBe(30);
    // … and in the pane, which read it back with its check.
    expect((screen.getByLabelText("实施通知期限（工作日）") as HTMLInputElement).value).toBe("30");
    // 30 working days to issue the 项目实施通知: the late-notice findings are gone.
    await openTab("校验");
    expect(summary()).not.toBe(before);
    expect(screen.queryByText(/项目实施通知.*超过/)).toBeNull();
  });

  it("saves a holiday for a year the bundled calendar lacks", async () => {
    const { box, source } = memorySource();
    render(<App mode={{ kind: "office", source }} initialPrefs={PREFS} />);
    await checked();
    await openTab("设置");
    fireEvent.click(screen.getByRole("button", { name: "添加一行" }));
    fireEvent.change(screen.getByLabelText("日期 1"), { target: { value: "2027-02-08" } });
    fireEvent.change(screen.getByLabelText("名称 1"), { target: { value: "春节" } });
    fireEvent.click(screen.getByRole("button", { name: "保存节假日" }));
    await screen.findByText("已保存到工作簿，并已重新校验。", {}, { timeout: 10_000 });
    expect(readWorkbookState(box.wb).holidays).toEqual([{ date: "2027-02-08", type: "休", name: "春节" }]);
    expect((screen.getByLabelText("日期 1") as HTMLInputElement).value).toBe("2027-02-08");
  });
});

describe("结构: a manual column mapping", () => {
  it("un-maps a column, saves it in 设置 and the next check no longer reads it", async () => {
    const { box, source } = memorySource();
    render(<App mode={{ kind: "office", source }} initialPrefs={PREFS} />);
    await checked();
    await openTab("结构");
    const schedule = screen.getByRole("region", { name: "进度计划表 · 进度计划表" });
    fireEvent.change(within(schedule).getByLabelText("F 列「计划完成」对应的字段"), {
      target: { value: "" },
    });
    fireEvent.click(within(schedule).getByRole("button", { name: "保存列对应" }));
    await waitFor(() => expect(readWorkbookState(box.wb).mappings).toHaveLength(1), { timeout: 10_000 });
    expect(readWorkbookState(box.wb).mappings[0]).toMatchObject({
      sheet: "进度计划表",
      column: "F",
      field: null,
    });
    // The check that followed the save used it: F is unmapped and marked manual.
    const again = await screen.findByRole("region", { name: "进度计划表 · 进度计划表" });
    await waitFor(() =>
      expect(
        within(again)
          .getByText(/（手动）/)
          .closest("tr")!.firstChild!.textContent,
      ).toBe("F"),
    );
    expect((within(again).getByLabelText("F 列「计划完成」对应的字段") as HTMLSelectElement).value).toBe("");
    expect(within(again).getByText("未对应的列").nextSibling!.textContent).toContain("计划完成");
  });
});

describe("live validation", () => {
  it("checks once after a burst of edits, and stops watching when switched off", async () => {
    let fire: (() => void) | undefined;
    const stop = jest.fn();
    const watch = jest.fn(async (onChange: () => void) => {
      fire = onChange;
      return stop;
    });
    const { box, source } = memorySource(watch);
    render(<App mode={{ kind: "office", source }} initialPrefs={PREFS} />);
    await openTab("设置");
    expect(watch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("switch", { name: "边改边校验" }));
    await waitFor(() => expect(fire).toBeDefined());
    fire!();
    fire!();
    fire!();
    await waitFor(() => expect(box.reads).toBe(1), { timeout: LIVE_DELAY_MS + 3000 });
    // Still one: the three edits made one check.
    await act(() => new Promise((r) => setTimeout(r, LIVE_DELAY_MS + 200)));
    expect(box.reads).toBe(1);
    fireEvent.click(screen.getByRole("switch", { name: "边改边校验" }));
    expect(stop).toHaveBeenCalledTimes(1);
  }, 15_000);

  it("re-reads only the edited rows and shows what a full check would", async () => {
    let fire: ((c?: SheetChange) => void) | undefined;
    const watch = jest.fn(async (onChange: (c?: SheetChange) => void) => {
      fire = onChange;
      return () => undefined;
    });
    const { box, source } = memorySource(watch);
    const readRows: number[] = [];
    // As Excel would: the changed rows' cells, across the sheet's width.
    source.readChanged = async (changes, widths) =>
      changes.map((ch) => {
        const at = parseRange(ch.address)!;
        const rows = box.wb.sheets.find((s) => s.name === ch.sheet)!.rows;
        const c2 = widths.get(ch.sheet)!;
        const cells = [];
        for (let r = at.r1; r <= at.r2; r++) {
          readRows.push(r);
          cells.push(Array.from({ length: c2 }, (_, j) => rows[r - 1]?.[j]));
        }
        return { sheet: ch.sheet, r1: at.r1, c1: 1, r2: at.r2, c2, cells };
      });
    render(<App mode={{ kind: "office", source }} initialPrefs={{ ...PREFS, live: true }} />);
    await checked();
    expect(box.reads).toBe(1);
    const before = summary();
    await waitFor(() => expect(fire).toBeDefined());
    // The user clears 实际完成 of a finished task and sets its 完成率 to 40 %: it is now overdue.
    const sheet = box.wb.sheets.find((s) => s.name === "进度计划表")!;
    const row =
      sheet.rows.findIndex(
        (r) => r?.[7]?.value !== undefined && typeof r?.[7]?.value === "number" && r?.[8]?.value === 1,
      ) + 1;
    expect(row).toBeGreaterThan(0);
    delete sheet.rows[row - 1]![7];
    sheet.rows[row - 1]![8] = { value: 0.4, numFmt: "0%" };
    fire!({ sheet: "进度计划表", address: `H${row}:I${row}`, changeType: "RangeEdited" });
    await waitFor(() => expect(summary()).not.toBe(before), { timeout: LIVE_DELAY_MS + 5000 });
    // No second full read: only the edited row was read again.
    expect(box.reads).toBe(1);
    expect(readRows).toEqual([row]);
    const full = checkSnapshot(structuredClone(box.wb), { asOf: PREFS.asOf as IsoDate });
    const { errors, warnings, infos } = full.summary;
    expect(summary()).toBe(`错误 ${errors} · 警告 ${warnings} · 提示 ${infos}`);
  }, 20_000);

  it("is not offered where the workbook cannot report changes", async () => {
    const { source } = memorySource();
    render(<App mode={{ kind: "office", source }} initialPrefs={PREFS} />);
    await openTab("设置");
    expect(screen.queryByRole("switch", { name: "边改边校验" })).toBeNull();
  });
});
