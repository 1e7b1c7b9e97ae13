/** @jest-environment jsdom */
/** The whole pane: run 校验, click a finding to select its cell, switch language, see failures in words. */

import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookPatch } from "../../src/core/patch";
import { App } from "../../src/taskpane/App";
import { InputError } from "../../src/host/xlsx/read";
import { fakeSource, openTab, PREFS, sampleCounts } from "./fixtures";
import "./jsdom-gaps";

beforeEach(() => localStorage.clear());

/** A tab's name as the user reads it (Fluent keeps a hidden bold copy to reserve its width). */
const tabNames = () =>
  screen.getAllByRole("tab").map((t) => t.getAttribute("value") && t.firstElementChild!.textContent);

async function checked() {
  fireEvent.click(screen.getByRole("button", { name: "校验" }));
  await screen.findByText(sampleCounts(), {}, { timeout: 10_000 });
  // The list's rows come from where the findings are kept, just after the counts.
  await screen.findAllByRole("treeitem");
}

describe("the task pane", () => {
  it("shows its five pages, opens on 校验 and runs validation from the 校验 button", async () => {
    const ui = { selectCell: jest.fn() };
    render(<App mode={{ kind: "office", source: fakeSource(ui) }} initialPrefs={PREFS} />);
    expect(tabNames()).toEqual(["结构", "校验", "逾期", "通知", "设置"]);
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    await checked();
    expect(screen.getByText("进度计划表!F9")).toBeTruthy();
    await openTab("逾期");
    expect(screen.getByRole("button", { name: /^逾期收款 3/ })).toBeTruthy();
    await openTab("结构");
    expect(screen.getByRole("region", { name: "进度计划表 · 进度计划表" })).toBeTruthy();
  });

  it("selects a finding's cell through the workbook UI", async () => {
    const ui = { selectCell: jest.fn() };
    render(<App mode={{ kind: "office", source: fakeSource(ui) }} initialPrefs={PREFS} />);
    await checked();
    fireEvent.click(screen.getByText("进度计划表!F9"));
    await waitFor(() => expect(ui.selectCell).toHaveBeenCalledWith("进度计划表", "F9"));
    expect(screen.getByText("进度计划表!F9").closest("[role=treeitem]")!.getAttribute("aria-selected")).toBe(
      "true",
    );
  });

  it("switches to English from 设置 and remembers it", async () => {
    render(
      <App mode={{ kind: "office", source: fakeSource({ selectCell: jest.fn() }) }} initialPrefs={PREFS} />,
    );
    await openTab("设置");
    fireEvent.click(screen.getByLabelText("English"));
    expect(tabNames()).toEqual(["Structure", "Validate", "Overdue", "Notices", "Settings"]);
    expect(document.documentElement.lang).toBe("en-US");
    expect(JSON.parse(localStorage.getItem("ptrack.preferences")!).lang).toBe("en");
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    await openTab("Validate");
    await screen.findByText(sampleCounts("en"), {}, { timeout: 10_000 });
    expect(await screen.findByText(/Task "6 系统安装调试" was due 2026-10-30/)).toBeTruthy();
  });

  it("says in plain words why a workbook cannot be read", async () => {
    const source = fakeSource(
      { selectCell: jest.fn() },
      {
        read: async () => {
          throw new InputError("encrypted");
        },
      },
    );
    render(<App mode={{ kind: "office", source }} initialPrefs={PREFS} />);
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    const bar = await screen.findByText(/文件设置了打开密码/);
    expect(bar.textContent).toContain("无法读取 台账.xlsx");
    expect(screen.getByText("出错了")).toBeTruthy();
  });

  it("shows progress while it works", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { sampleWorkbook } = await import("../../src/app/sample");
    const source = fakeSource({ selectCell: jest.fn() }, { read: () => gate.then(sampleWorkbook) });
    render(<App mode={{ kind: "office", source }} initialPrefs={PREFS} />);
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    const status = await screen.findByRole("status");
    expect(within(status).getByText("正在读取工作簿…")).toBeTruthy();
    expect(screen.getByRole("button", { name: "校验" })).toHaveProperty("disabled", true);
    release();
    await screen.findByText(sampleCounts(), {}, { timeout: 10_000 });
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("generates only the notices left picked on the 通知 page, picks kept across pages", async () => {
    const patches: WorkbookPatch[] = [];
    const source = fakeSource({ selectCell: jest.fn() }, { apply: async (p) => void patches.push(p) });
    render(<App mode={{ kind: "office", source }} initialPrefs={PREFS} />);
    await checked();
    await openTab("通知");
    fireEvent.click(screen.getByRole("checkbox", { name: "备忘录 HT-2026-031" }));
    await openTab("逾期");
    await openTab("通知");
    expect(screen.getByRole("checkbox", { name: "备忘录 HT-2026-031" })).toHaveProperty("checked", false);
    fireEvent.click(screen.getByRole("button", { name: "生成所选通知（5）" }));
    // The sample's 设置 has no 公司名称: the first generation asks for it.
    fireEvent.change(await screen.findByLabelText("公司名称"), { target: { value: "苏州示例科技有限公司" } });
    fireEvent.click(screen.getByRole("button", { name: "保存并生成（5）" }));
    const done = await screen.findByText(/已应用 \d+ 项更改/, {}, { timeout: 10_000 });
    expect(done.textContent).toMatch(/已生成通知 5 份（新开 5 份），登记在「通知台账」。$/);
    const settings = patches[0].ops.flatMap((o) => ("sheet" in o ? [o.sheet] : []));
    expect(settings).toContain("设置");
    const sheets = patches[1].ops.flatMap((o) => (o.op === "writeSheet" ? [o.sheet] : []));
    expect(sheets.filter((n) => /^[A-Z]{2}-\d{8}-\d{3}$/.test(n)).map((n) => n.slice(0, 2))).toEqual([
      "CK",
      "SS",
      "TZ",
      "TZ",
      "CB",
    ]);
    // The page shows what was written, with the register's numbers, without another 校验.
    const written = screen.getByRole("region", { name: "本次生成" });
    const numbers = within(written)
      .getAllByRole("listitem")
      .map((li) => /^[A-Z]{2}-\d{8}-\d{3}/.exec(li.textContent!)?.[0]);
    expect(numbers.map((n) => n?.slice(0, 2)).sort()).toEqual(["CB", "CK", "SS", "TZ", "TZ"]);
    expect(within(written).getByText("尚未签发 1 份。")).toBeTruthy();
    // Nothing is picked again: the five are issued and the memo was skipped on purpose.
    expect(screen.getByRole("button", { name: "生成所选通知（0）" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("checkbox", { name: "备忘录 HT-2026-031" })).toHaveProperty("checked", false);
    expect(screen.getByText("共 6 份通知，其中 5 份已签发。")).toBeTruthy();
  });

  it("asks to be opened in Excel when Office has no workbook host", () => {
    render(<App mode={{ kind: "none" }} initialPrefs={PREFS} />);
    expect(screen.getByText("请在 Excel 中打开此加载项。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "校验" })).toBeNull();
  });
});

describe("web mode", () => {
  it("opens an .xlsx from a file input and reports a damaged file in words", async () => {
    render(<App mode={{ kind: "web" }} initialPrefs={PREFS} />);
    const input = screen.getByLabelText("打开工作簿（.xlsx）") as HTMLInputElement;
    expect(input.accept).toBe(".xlsx");
    expect(screen.getByRole("button", { name: "校验" })).toHaveProperty("disabled", true);
    const file = new File([new Uint8Array([1, 2, 3, 4])], "坏文件.xlsx");
    fireEvent.change(input, { target: { files: [file] } });
    // Reported on open, not on the first 校验; the pane does not claim the file is open.
    const bar = await screen.findByText(/无法读取 坏文件.xlsx/);
    expect(screen.queryByText("已打开：坏文件.xlsx")).toBeNull();
    expect(screen.getByRole("button", { name: "校验" })).toHaveProperty("disabled", true);
    expect(bar.textContent).toMatch(/不是有效的 .xlsx 工作簿|不认识的格式|实际上是/);
  });
});
