/** @jest-environment jsdom */
/** The 通知 page: pick the notices to generate, all of them by default, even past the listed ones. */

import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactElement } from "react";
import type { CheckReport } from "../../src/app/check";
import { noticeId } from "../../src/core/notices";
import { NoticesPage } from "../../src/taskpane/pages/NoticesPage";
import { sampleReport } from "./fixtures";

const show = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
const button = (name: string | RegExp) => screen.getByRole("button", { name });
/** The button with this text, found without the role query, which is slow over hundreds of rows. */
const textButton = (text: string) => {
  const b = screen.getByText(text).closest("button");
  if (!b) throw new Error(`no button ${text}`);
  return b;
};

/** The sample's report with `n` 计划调整通知 of its own, one per task 1…n. */
function manyNotices(n: number): CheckReport {
  const report = sampleReport();
  const template = report.notices.find((x) => x.type === "计划调整通知")!;
  const notices = Array.from({ length: n }, (_, i) => ({
    ...template,
    key: String(i + 1),
    row: i + 4,
    facts: { ...template.facts, wbs: String(i + 1), task: `任务${i + 1}` },
  }));
  return { ...report, notices };
}

describe("picking notices", () => {
  it("every notice is picked at first; unpicking one lowers the count and leaves it out", () => {
    const report = sampleReport();
    const onGenerate = jest.fn();
    show(<NoticesPage report={report} lang="zh" busy={false} onGenerate={onGenerate} />);
    expect(screen.getByText("计划生成 6 份通知。")).toBeTruthy();
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true, true, true, true]);
    const ss = screen.getByRole("checkbox", { name: "项目实施通知 HT-2026-045" });
    fireEvent.click(ss);
    expect(ss).toHaveProperty("checked", false);
    fireEvent.click(button("生成所选通知（5）"));
    const ids = report.notices.map(noticeId).filter((id) => id !== "项目实施通知:HT-2026-045");
    expect(onGenerate).toHaveBeenCalledWith(ids);
    // Picked again: all six.
    fireEvent.click(ss);
    fireEvent.click(button("生成所选通知（6）"));
    expect(onGenerate).toHaveBeenLastCalledWith(report.notices.map(noticeId));
  });

  it("names each checkbox by the notice type and its contract or task", () => {
    show(<NoticesPage report={sampleReport()} lang="zh" busy={false} onGenerate={() => undefined} />);
    const names = screen
      .getAllByRole("checkbox")
      .map((b) => b.closest("li")!.querySelector("label")!.textContent);
    expect(names[0]).toBe("催款通知单 HT-2026-012 第2期");
    expect(names[2]).toMatch(/^计划调整通知 7 /);
    expect(names[4]).toBe("备忘录 HT-2026-031");
  });

  it("全不选 leaves nothing to generate; 全选 picks every notice again", () => {
    const onGenerate = jest.fn();
    show(<NoticesPage report={sampleReport()} lang="zh" busy={false} onGenerate={onGenerate} />);
    expect(button("全选")).toHaveProperty("disabled", true);
    fireEvent.click(button("全不选"));
    expect(screen.getAllByRole("checkbox").every((b) => !(b as HTMLInputElement).checked)).toBe(true);
    expect(button("生成所选通知（0）")).toHaveProperty("disabled", true);
    expect(button("全不选")).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("checkbox", { name: "备忘录 HT-2026-031" }));
    fireEvent.click(button("生成所选通知（1）"));
    expect(onGenerate).toHaveBeenCalledWith(["备忘录:HT-2026-031"]);
    fireEvent.click(button("全选"));
    expect(button("生成所选通知（6）")).toHaveProperty("disabled", false);
  });

  it("a new report keeps a notice left unpicked unpicked, and leaves issued ones unpicked", () => {
    const onGenerate = jest.fn();
    const { rerender } = show(
      <NoticesPage report={sampleReport()} lang="zh" busy={false} onGenerate={onGenerate} />,
    );
    fireEvent.click(screen.getByRole("checkbox", { name: "备忘录 HT-2026-031" }));
    expect(button("生成所选通知（5）")).toBeTruthy();
    const next = sampleReport();
    next.notices = next.notices.map((n, i) => (i === 0 ? { ...n, issued: "CK-20261123-001" } : n));
    rerender(
      <FluentProvider theme={webLightTheme}>
        <NoticesPage report={next} lang="zh" busy={false} onGenerate={onGenerate} />
      </FluentProvider>,
    );
    expect(button("生成所选通知（4）")).toHaveProperty("disabled", false);
    expect(screen.getByRole("checkbox", { name: "备忘录 HT-2026-031" })).toHaveProperty("checked", false);
    expect(screen.getByRole("checkbox", { name: "催款通知单 HT-2026-012 第2期" })).toHaveProperty(
      "checked",
      false,
    );
    expect(screen.getByText("共 6 份通知，其中 1 份已签发。")).toBeTruthy();
  });

  it("300 notices: lists 200, says how many more, and generates all 300", () => {
    const report = manyNotices(300);
    const onGenerate = jest.fn();
    show(<NoticesPage report={report} lang="zh" busy={false} onGenerate={onGenerate} />);
    expect(document.querySelectorAll("li")).toHaveLength(200);
    expect(document.querySelectorAll("input[type=checkbox]")).toHaveLength(200);
    expect(screen.getByText(/还有 100 条/)).toBeTruthy();
    fireEvent.click(textButton("生成所选通知（300）"));
    expect(onGenerate.mock.calls[0][0]).toHaveLength(300);
    expect(onGenerate.mock.calls[0][0]).toEqual(report.notices.map(noticeId));
    // Unpicking a listed one keeps the 100 unlisted ones.
    fireEvent.click(
      within(document.querySelector("li")!).getByRole("checkbox", { name: "计划调整通知 1 任务1" }),
    );
    fireEvent.click(textButton("生成所选通知（299）"));
    expect(onGenerate.mock.calls[1][0]).toEqual(report.notices.slice(1).map(noticeId));
    // 全不选 covers the unlisted ones too.
    fireEvent.click(textButton("全不选"));
    expect(textButton("生成所选通知（0）")).toHaveProperty("disabled", true);
  });

  it("speaks English", () => {
    show(<NoticesPage report={manyNotices(201)} lang="en" busy={false} onGenerate={() => undefined} />);
    expect(screen.getByText("201 notices planned.")).toBeTruthy();
    expect(screen.getByText(/^1 more not listed here/)).toBeTruthy();
    fireEvent.click(textButton("Select none"));
    expect(textButton("Generate selected notices (0)")).toHaveProperty("disabled", true);
    fireEvent.click(textButton("Select all"));
    expect(textButton("Generate selected notices (201)")).toHaveProperty("disabled", false);
  });
});

describe("notices already issued", () => {
  it("say under which number, so the user knows generating again adds no second notice", () => {
    const report = sampleReport();
    const notices = report.notices.map((n, i) => (i === 1 ? { ...n, issued: "SS-20261120-001" } : n));
    show(<NoticesPage report={{ ...report, notices }} lang="zh" busy={false} onGenerate={() => undefined} />);
    const line = screen.getByText("已签发 SS-20261120-001，再次生成不会重发；原因有变时签发更正通知");
    expect(line.closest("li")!.textContent).toContain("项目实施通知");
    expect(screen.getAllByText(/^已签发/)).toHaveLength(1);
  });
});
