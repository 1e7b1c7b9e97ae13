/**
 * The bundled sample: a realistic 进度计划表 and 合同执行情况表 as of 2026-11-23, built in code
 * so every cell that matters is visible here. It holds the situations the product exists for:
 * overdue tasks, a late 项目实施通知, an unpaid payment node past due, a plan change without notice,
 * a task that pushes a contract past its delivery date, a 实施文档台账 with hand-offs late and a 风险登记 with risks left unattended.
 * The contract sheet carries the process columns of §2.1–§2.3.4 (立项报告, 首付款, 动员会, 实施方案报送)
 * with a few slips, and a 变更申请 register holds one plan change still waiting for its review.
 */

import { isoToSerial } from "../core/dates";
import type { Cell, CellValue, Range, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";

/** The date the sample is written for; `ptrack demo --today` moves it. */
export const SAMPLE_AS_OF = "2026-11-23";

const DATE = "yyyy-mm-dd";
const MONEY = "#,##0.00";
const PCT = "0%";

type Spec =
  | CellValue
  | null
  | { d: string }
  | { pct: number }
  | { money: number }
  | { f: string; v: CellValue; fmt?: string };

function toCell(s: Spec): Cell | undefined {
  if (s === null || s === "") return undefined;
  if (typeof s !== "object") return { value: s };
  if ("d" in s) return { value: isoToSerial(s.d), numFmt: DATE };
  if ("pct" in s) return { value: s.pct, numFmt: PCT };
  if ("money" in s) return { value: s.money, numFmt: MONEY };
  if ("f" in s) return { value: s.v, formula: s.f, numFmt: s.fmt };
  return { value: s };
}

function sheet(name: string, rows: Spec[][], merges: Range[]): SheetSnapshot {
  return {
    name,
    visibility: "visible",
    rows: rows.map((r) => (r.length ? r.map(toCell) : undefined)),
    merges,
    tables: [],
  };
}

const d = (iso: string) => ({ d: iso });
const pct = (p: number) => ({ pct: p });
const m = (n: number) => ({ money: n });

function schedule(): SheetSnapshot {
  // prettier-ignore
  const H = [
    "序号", "阶段", "任务名称", "负责人", "计划开始", "计划完成", "实际开始", "实际完成", "完成率", "前置任务", "交付成果", "基线完成",
    "调整通知日期", "报备财务", "合同编号", "备注",
  ];
  const C = "HT-2026-031";
  // prettier-ignore
  const rows: Spec[][] = [
    ["智慧园区一期项目实施进度计划表"],
    ["项目名称：智慧园区一期", null, null, null, "合同编号：HT-2026-031", null, null, null, "更新日期：2026-11-20"],
    H,
    [1, "启动", "项目启动会", "王磊", d("2026-02-26"), d("2026-02-27"), d("2026-02-26"), d("2026-02-27"), pct(1), null, "会谈纪要", d("2026-02-27"), null, null, C],
    [2, "调研", "企业运作现状调研", "李娜、赵强", d("2026-03-02"), d("2026-03-20"), d("2026-03-02"), d("2026-03-24"), pct(1), 1, "《客户调研档案》", d("2026-03-20"), null, null, C, "客户部门会议改期"],
    [3, "方案", "编制《项目实施方案》", "李娜", d("2026-03-23"), d("2026-04-10"), d("2026-03-25"), d("2026-04-10"), pct(1), 2, "项目实施方案", d("2026-04-10"), null, null, C],
    [4, "方案", "方案评审与确认", "王磊", d("2026-04-13"), d("2026-04-24"), d("2026-04-13"), d("2026-04-24"), pct(1), 3, "会谈纪要", d("2026-04-24"), null, null, C],
    [5, "实施", "设备采购与到货", "陈刚", d("2026-05-06"), d("2026-07-31"), d("2026-05-06"), d("2026-07-31"), pct(1), 4, "到货签收单", d("2026-07-31"), null, null, C],
    [6, "实施", "系统安装调试", "陈刚", d("2026-08-03"), d("2026-10-30"), d("2026-08-06"), null, pct(0.85), 5, "调试记录", d("2026-10-30"), null, null, C],
    [7, "实施", "系统联调测试", "赵强", d("2026-11-02"), d("2026-11-30"), d("2026-11-04"), null, pct(0.4), 6, "测试报告", d("2026-11-20"), null, "否", C, "接口厂商延期交付"],
    [8, "培训", "用户培训", "李娜", d("2026-11-16"), d("2026-11-20"), null, null, pct(0), 6, "《培训计划表》", d("2026-11-20"), null, null, C],
    [9, "培训", "操作考核", "李娜", d("2026-11-23"), d("2026-11-25"), null, null, pct(0), 8, "《客户操作考核记录》", d("2026-11-25"), null, null, C],
    [10, "验收", "初始化数据检查", "赵强", "2026/11/26", d("2026-12-04"), null, null, pct(0), 9, "《客户初始化数据检查表》", d("2026-12-04"), null, null, C],
    [11, "验收", "项目验收", "王磊", d("2026-12-07"), d("2026-12-25"), null, null, pct(0), "7,10", "《项目实施验收单》", d("2026-12-11"), d("2026-12-01"), "是", C, "联调顺延两周"],
    [12, "收尾", "文档整理归档", "王磊", d("2026-12-28"), "2026/11/31", null, null, pct(0), 11, "归档清单", null, null, null, C],
    [],
    ["甲方负责人（签字）：", null, null, null, "乙方负责人（签字）：", null, "王磊"],
    ["日期：", null, null, null, "日期：", null, d("2026-02-26")],
  ];
  return sheet("进度计划表", rows, [
    { r1: 1, c1: 1, r2: 1, c2: 16 },
    { r1: 2, c1: 1, r2: 2, c2: 4 },
    { r1: 2, c1: 5, r2: 2, c2: 8 },
  ]);
}

function contracts(): SheetSnapshot {
  // prettier-ignore
  const H = [
    "合同编号", "合同名称", "客户名称", "签订日期", "合同金额（元）", "销售经理", "客服经理", "实施通知日期", "约定交货期", "实际完成日期", "完成质量",
    "验收单日期", "约定收款日期1", "约定收款金额1", "财务实收金额1", "约定收款日期2", "约定收款金额2", "财务实收金额2", "约定收款日期3",
    "约定收款金额3", "财务实收金额3", "催款通知日期", "书面报告日期", "备忘录日期", "合同状态", "备注",
    // The process columns, after the ledger's own (§2.1 立项报告, §2.3.4 动员会 after 首付款, §1.2.2 方案报送).
    "立项报告日期", "首付款日期", "动员会日期", "实施方案报送日期",
  ];
  // prettier-ignore
  const rows: Spec[][] = [
    ["2026年度合同执行情况表"],
    H,
    ["HT-2025-088", "办公自动化二期", "宁波港华贸易有限公司", d("2025-06-18"), m(450000), "刘芳", "陈刚", d("2025-06-19"), d("2025-12-31"), d("2026-01-20"), "合格", d("2026-01-22"), d("2025-06-30"), m(135000), m(135000), d("2026-02-28"), m(270000), m(200000), d("2026-12-31"), m(45000), null, d("2026-03-05"), null, null, "执行中", "质保金年底到期", d("2025-06-19"), d("2025-06-28"), d("2025-07-01"), d("2025-06-24")],
    ["HT-2026-012", "仓储管理系统", "苏州恒远物流有限公司", d("2026-01-09"), m(560000), "刘芳", "赵强", d("2026-01-12"), d("2026-09-30"), d("2026-09-28"), "合格", d("2026-09-29"), d("2026-01-20"), m(168000), m(168000), d("2026-10-31"), m(280000), null, d("2027-09-30"), m(112000), null, null, null, null, "执行中", null, d("2026-01-12"), d("2026-01-20"), d("2026-01-22"), d("2026-01-16")],
    ["HT-2026-031", "智慧园区一期", "华东智造科技有限公司", d("2026-02-13"), m(1280000), "张伟", "王磊", d("2026-02-26"), d("2026-12-15"), null, null, null, d("2026-02-28"), m(384000), m(384000), d("2026-08-31"), m(512000), m(512000), d("2026-12-31"), m(384000), null, null, null, null, "执行中", null, d("2026-02-26"), d("2026-02-25"), d("2026-02-26"), d("2026-03-10")],
    ["HT-2026-067", "数据中台建设", "无锡新程制造股份有限公司", d("2026-06-08"), m(980000), "周敏", "王磊", d("2026-06-09"), d("2026-11-20"), null, null, null, d("2026-06-30"), m(294000), m(294000), d("2026-11-20"), m(490000), null, d("2027-05-20"), m(196000), null, d("2026-11-21"), d("2026-11-21"), null, "执行中", "客户机房改造推迟", d("2026-06-09"), d("2026-06-29"), d("2026-07-01"), d("2026-06-12")],
    ["HT-2026-070", "园区安防改造", "华东智造科技有限公司", d("2026-07-01"), m(260000), "张伟", "陈刚", d("2026-07-02"), d("2026-11-25"), null, null, null, d("2026-07-15"), m(78000), m(78000), d("2026-12-31"), m(182000), null, null, null, null, null, null, null, "执行中", null, d("2026-07-02"), d("2026-07-20"), d("2026-07-10"), d("2026-07-08")],
    ["HT-2026-045", "客服中心升级", "杭州云帆信息技术有限公司", d("2026-11-16"), m(320000), "张伟", "李娜", null, d("2027-03-31"), null, null, null, d("2026-11-30"), m(96000), null, d("2027-03-31"), m(224000), null, null, null, null, null, null, null, "执行中", null, d("2026-11-17"), null, null, null],
    ["合计", null, null, null, { f: "SUM(E3:E8)", v: 3850000, fmt: MONEY }],
    [],
    ["制表人：", "李娜", null, "审核："],
  ];
  return sheet("合同执行情况表", rows, [{ r1: 1, c1: 1, r2: 1, c2: 30 }]);
}

/**
 * 实施文档台账 (§2.4.1): one document filed on time, one sent to 总经办 and delivered late and
 * still waiting for its 实施会议, one filed late without the 双方客服经理 签字, one in review.
 */
function documents(): SheetSnapshot {
  // prettier-ignore
  const H = [
    "合同编号", "文档名称", "客服经理", "编写完成日期", "初审日期", "传总经办日期", "总经办返回日期", "送达客户日期",
    "实施会议日期", "会谈纪要日期", "签字日期", "签收日期", "备案日期", "备注",
  ];
  // prettier-ignore
  const rows: Spec[][] = [
    ["实施文档台账（要素文档的编写和验收）"],
    H,
    ["HT-2026-012", "仓储管理方案", "赵强", d("2026-02-02"), d("2026-02-02"), d("2026-02-03"), d("2026-02-04"), d("2026-02-04"), d("2026-02-10"), null, d("2026-02-11"), d("2026-02-11"), d("2026-02-12"), null],
    ["HT-2026-031", "业务流程改造方案", "李娜", d("2026-11-02"), d("2026-11-03"), d("2026-11-05"), d("2026-11-06"), d("2026-11-09"), null, null, null, null, null, "客户项目负责人出差"],
    ["HT-2026-070", "组织机构调整方案", "陈刚", d("2026-09-01"), d("2026-09-01"), d("2026-09-02"), d("2026-09-03"), d("2026-09-03"), d("2026-09-10"), d("2026-09-11"), null, d("2026-09-15"), d("2026-09-22"), null],
    ["HT-2026-045", "软件管理系统需求说明", "李娜", d("2026-11-20"), d("2026-11-20"), d("2026-11-20"), null, null, null, null, null, null, null, null],
  ];
  return sheet("实施文档台账", rows, [{ r1: 1, c1: 1, r2: 1, c2: 14 }]);
}

/** 风险登记: a high risk without a response, a response past its date, a risk not reviewed for weeks. */
function risks(): SheetSnapshot {
  const H = [
    "风险编号",
    "风险描述",
    "风险等级",
    "应对措施",
    "负责人",
    "应对期限",
    "状态",
    "最近评审日期",
    "合同编号",
  ];
  // prettier-ignore
  const rows: Spec[][] = [
    ["项目风险登记"],
    H,
    ["R-01", "客户关键用户岗位变动", "高", null, "李娜", d("2026-12-15"), "跟踪中", d("2026-11-20"), "HT-2026-031"],
    ["R-02", "接口厂商排期延后", "中", "提前锁定联调窗口", "陈刚", d("2026-11-13"), "跟踪中", d("2026-11-18"), "HT-2026-070"],
    ["R-03", "初始化数据质量不足", "低", "分批导入并抽查", "李娜", d("2026-12-31"), "跟踪中", d("2026-10-30"), "HT-2026-031"],
    ["R-04", "服务器到货延迟", "高", "先用测试环境", "陈刚", d("2026-10-31"), "已关闭", d("2026-10-28"), "HT-2026-070"],
  ];
  return sheet("风险登记", rows, [{ r1: 1, c1: 1, r2: 1, c2: 9 }]);
}

/**
 * 变更申请 (示范 4): the 项目验收 change requested, reviewed and approved; the 系统联调测试 change
 * requested a week ago and still waiting for its review, while the schedule already shows it; a
 * change approved with no review.
 */
function changes(): SheetSnapshot {
  // prettier-ignore
  const H = ["变更编号", "合同编号", "涉及任务", "变更内容", "申请日期", "申请人", "评审日期", "批准日期", "审批结果", "状态"];
  // prettier-ignore
  const rows: Spec[][] = [
    ["项目变更申请登记"],
    H,
    ["BG-2026-01", "HT-2026-031", "项目验收", "联调顺延两周，验收顺延至12月25日", d("2026-11-18"), "王磊", d("2026-11-19"), d("2026-11-20"), "批准", "已批准"],
    ["BG-2026-02", "HT-2026-031", "系统联调测试", "接口厂商延期交付，联调完成顺延至11月30日", d("2026-11-16"), "赵强", null, null, null, "待评审"],
    ["BG-2026-03", "HT-2026-067", null, "机房改造推迟，上线切换改为分两批", d("2026-11-10"), "王磊", null, d("2026-11-12"), "批准", "已批准"],
  ];
  return sheet("变更申请", rows, [{ r1: 1, c1: 1, r2: 1, c2: 10 }]);
}

/** Where the sample's title, header, data and footer rows are, per sheet, for its look. */
const LAYOUT: Record<string, { title: number; header: number; lastData: number; cols: number }> = {
  进度计划表: { title: 1, header: 3, lastData: 15, cols: 16 },
  合同执行情况表: { title: 1, header: 2, lastData: 9, cols: 30 },
  实施文档台账: { title: 1, header: 2, lastData: 6, cols: 14 },
  风险登记: { title: 1, header: 2, lastData: 6, cols: 9 },
  变更申请: { title: 1, header: 2, lastData: 5, cols: 10 },
};

const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };

/**
 * How a clerk would have formatted the sample by hand: a bold title, a shaded header with
 * wrapped text, thin borders around the data. Returned as plain style objects for the writer.
 */
export function sampleCellLook(sheet: string, r: number, c: number): Record<string, unknown> | undefined {
  const l = LAYOUT[sheet];
  if (!l || c > l.cols) return undefined;
  if (r === l.title) return { font: { bold: true, size: 16 }, alignment: { horizontal: "center" } };
  if (r === l.header) {
    return {
      font: { bold: true },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      border: { top: THIN, bottom: THIN, left: THIN, right: THIN },
    };
  }
  if (r > l.header && r <= l.lastData)
    return { border: { top: THIN, bottom: THIN, left: THIN, right: THIN } };
  return undefined;
}

export function sampleWorkbook(): WorkbookSnapshot {
  return { date1904: false, sheets: [schedule(), contracts(), documents(), risks(), changes()] };
}
