/**
 * A workbook whose 设置 sheet a user made by hand: Excel tables 参数 and 节假日, a row of the
 * user's own (操作人) with a note, and a 2026 holiday. A contract signed on Thursday 2027-09-30,
 * the day before the National Day holiday, lets a saved holiday move a deadline.
 */

import { writeXlsx } from "./workbook";

export function userSettingsBook(): Promise<Uint8Array> {
  return writeXlsx(undefined, [
    {
      name: "合同执行情况表",
      rows: [
        ["合同编号", "签订日期", "合同金额", "约定交货期", "通知日"],
        ["HT-2027-001", { date: "2027-09-30" }, 100000, { date: "2027-12-31" }, null],
      ],
    },
    {
      name: "设置",
      state: "hidden",
      rows: [
        ["参数", null, null, null, "节假日"],
        ["项", "值", "说明", null, "日期", "类型", "名称"],
        ["临近提醒工作日数", 3, "到期前提示", null, { date: "2026-10-01" }, "休", "国庆节"],
        ["操作人", "王五", "写日志用"],
        ["公司名称", "旧名称"],
      ],
      tables: [
        { name: "参数", ref: "A2:C5" },
        { name: "节假日", ref: "E2:G3" },
      ],
    },
  ]);
}
