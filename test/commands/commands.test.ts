/** The ribbon commands on the open workbook (a strict fake of Excel): one notification, always completed. */

import { SAMPLE_AS_OF, sampleWorkbook } from "../../src/app/sample";
import { handler, COMMANDS, type CommandDeps, type Notice } from "../../src/commands/commands";
import { ExcelHost } from "../../src/host/excel/host";
import type { WorkbookHost } from "../../src/host/host";
import { FakeContext, fakeFromSnapshot } from "../host/excel/fake-excel";
import { sheet } from "../helpers/snapshot-builder";

const NOW = new Date(`${SAMPLE_AS_OF}T02:00:00Z`);

/** The sample, with a 公司名称 in 设置 unless `company` is false. */
function setup(lang: "zh" | "en" = "zh", company = true) {
  const wb = sampleWorkbook();
  if (company)
    wb.sheets.push(
      sheet("设置", [
        ["项", "值"],
        ["公司名称", "三才软件有限公司"],
      ]),
    );
  const model = fakeFromSnapshot(wb);
  const ctx = new FakeContext(model);
  const host = new ExcelHost({
    run: (batch) => ctx.run(batch),
    supports: (minor) => minor <= model.apiMinor,
  });
  const notices: Notice[] = [];
  const event = { completed: jest.fn() };
  const deps = (h: WorkbookHost = host): CommandDeps => ({
    host: h,
    lang,
    user: "王磊",
    now: NOW,
    notify: (n) => void notices.push(n),
  });
  return { model, ctx, notices, event, deps };
}

describe("ribbon commands", () => {
  it("校验 reads once and tells the counts, changing nothing", async () => {
    const { model, ctx, notices, event, deps } = setup();
    const before = model.sheets.map((s) => s.name);
    await handler(COMMANDS.validate, () => deps())(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "info" });
    expect(notices[0].text).toMatch(/^校验完成：错误 \d+ 个/);
    expect(model.sheets.map((s) => s.name)).toEqual(before);
    expect(ctx.syncCount).toBeLessThanOrEqual(3);
  });

  it("标记逾期 applies highlights and the report, without notices", async () => {
    const { model, notices, event, deps } = setup();
    await handler(COMMANDS.markOverdue, () => deps())(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(notices[0].kind).toBe("info");
    expect(model.sheet("校验报告")).toBeDefined();
    expect(model.sheets.some((s) => s.cfs.length > 0)).toBe(true);
    expect(model.sheet("通知台账")).toBeUndefined();
  });

  it("生成通知 writes the notices and the register", async () => {
    const { model, notices, event, deps } = setup("en");
    await handler(COMMANDS.generateNotices, () => deps())(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(notices[0].text).toBe("6 notice(s) generated (6 new) and entered in the register.");
    expect(model.sheet("通知台账") ?? model.sheets.find((s) => /register/i.test(s.name))).toBeDefined();
  });

  it("生成通知 again brings the same notices up to date and opens none", async () => {
    const { notices, event, deps } = setup();
    await handler(COMMANDS.generateNotices, () => deps())(event);
    await handler(COMMANDS.generateNotices, () => deps())(event);
    expect(notices.map((n) => n.text)).toEqual([
      "已生成通知 6 份（新开 6 份）并登记到通知台账。",
      "已生成通知 6 份（新开 0 份）并登记到通知台账。",
    ]);
  });

  it("生成通知 without a 公司名称 issues none and says where to fill it in", async () => {
    const { model, notices, event, deps } = setup("zh", false);
    await handler(COMMANDS.generateNotices, () => deps())(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(notices[0].text).toBe(
      "6 份新通知未生成，因为「设置」中没有作通知抬头的公司名称：在面板「设置」页填写公司名称后，再点击「生成通知」。",
    );
    expect(model.sheets.filter((s) => /^[A-Z]{2}-\d{8}-\d{3}$/.test(s.name))).toEqual([]);
  });

  it("shows a failure as an error notification and still completes the event", async () => {
    const { notices, event, deps } = setup();
    const broken: WorkbookHost = {
      read: () => Promise.reject(new Error("工作簿正在被其他人编辑")),
      apply: () => Promise.resolve(),
    };
    await handler(COMMANDS.markOverdue, () => deps(broken))(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([{ kind: "error", text: expect.stringContaining("工作簿正在被其他人编辑") }]);
  });

  it("completes the event even when it cannot even start", async () => {
    const event = { completed: jest.fn() };
    await handler(COMMANDS.validate, () => {
      throw new Error("Office not ready");
    })(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
  it("设为基线 saves the plan under the next free name on a hidden sheet, and refuses a 12th as an error", async () => {
    const { model, notices, event, deps } = setup();
    await handler(COMMANDS.setBaseline, () => deps())(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(notices[0]).toEqual({
      kind: "info",
      text: expect.stringMatching(
        /^已把当前计划保存为基线「基线」（\d+ 个任务）；打开面板可查看与基线的偏差。$/,
      ),
    });
    expect(model.sheet("基线")?.visibility).toBe("Hidden");
    for (let i = 0; i < 10; i++) await handler(COMMANDS.setBaseline, () => deps())(event);
    expect(notices.at(-1)?.text).toMatch(/^已把当前计划保存为基线「基线10」/);
    await handler(COMMANDS.setBaseline, () => deps())(event);
    expect(notices.at(-1)).toEqual({
      kind: "error",
      text: expect.stringMatching(
        /^已有 11 个基线（基线、基线1、.*基线10），不能再保存；请在面板“逾期”页的基线列表中选一个覆盖。$/,
      ),
    });
    expect(event.completed).toHaveBeenCalledTimes(12);
  });
});
