/**
 * A plan with phases across columns, the shape of a real one rebuilt with invented values:
 * 需求 | 设计 | 开发 | 测试 over `开始时间 | 结束时间` pairs in a two-row header, 模块 merged down
 * over its 子模块, a key/value block above. Rows 5–8: every phase filled; 设计 left empty; phases
 * out of order and no owner; no phase at all. Cells are written as for an `.xlsx` (`{ date }`);
 * `phasePlanSnapshot` gives the same plan as a snapshot.
 */

import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { sheet, snapshotRows, workbook } from "./snapshot";
import type { CellInput } from "./workbook";

const day = (iso: string) => ({ date: iso });

export const PHASE_HEADER: CellInput[][] = [
  ["项目名称", null, "某订货平台", null, null, null, "公司名称", null, "某公司"],
  ["项目负责人", null, "李四", null, null, null, "日期", null, day("2026-08-20")],
  ["模块", "子模块", "需求", null, "设计", null, "开发", null, "测试", null, "负责人", "完成率"],
  [
    null,
    null,
    "开始时间",
    "结束时间",
    "开始时间",
    "结束时间",
    "开始时间",
    "结束时间",
    "开始时间",
    "结束时间",
  ],
];

export const PHASE_ROWS: CellInput[][] = [
  [
    "订单管理",
    "下单",
    day("2026-09-01"),
    day("2026-09-10"),
    day("2026-09-08"),
    day("2026-09-20"),
    day("2026-09-21"),
    day("2026-10-30"),
    day("2026-11-02"),
    day("2026-12-10"),
    "张一",
    0.4,
  ],
  [
    null,
    "退单",
    day("2026-09-01"),
    day("2026-09-05"),
    null,
    null,
    day("2026-09-06"),
    day("2026-09-30"),
    day("2026-10-08"),
    day("2026-10-20"),
    "王二",
    1,
  ],
  [
    "支付管理",
    "对账",
    day("2026-09-10"),
    day("2026-09-20"),
    day("2026-09-05"),
    day("2026-09-25"),
    day("2026-10-10"),
    day("2026-10-01"),
    null,
    null,
    null,
    0.2,
  ],
  [null, "开票", null, null, null, null, null, null, null, null, "赵六", 0],
];

export const PHASE_MERGES = [
  "A3:A4",
  "B3:B4",
  "C3:D3",
  "E3:F3",
  "G3:H3",
  "I3:J3",
  "K3:K4",
  "L3:L4",
  "A5:A6",
  "A7:A8",
];

export function phasePlanSnapshot(merges: string[] = PHASE_MERGES): WorkbookSnapshot {
  return workbook(sheet("Sheet1", snapshotRows([...PHASE_HEADER, ...PHASE_ROWS]), { merges }));
}
