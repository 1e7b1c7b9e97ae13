/**
 * Workbooks shaped like the ones Chinese offices really keep: title blocks, merged
 * cells, two-row WPS headers, text dates, 万元 amounts, 合计 rows, signature footers,
 * helper sheets. Every one is checked as of AS_OF (a Monday) in real-world.test.ts.
 */

import type { CellInput, SheetInput, WorkbookOptions } from "../helpers/workbook";

/** Monday 2026-11-23. */
export const AS_OF = "2026-11-23";

export interface Fixture {
  sheets: SheetInput[];
  options?: WorkbookOptions;
}

const d = (date: string) => ({ date });
const pct = "0%";

/** A signature block both sides filled in. */
const SIGNED: CellInput[][] = [
  [],
  ["甲方负责人（签字）：", "刘一", null, "乙方负责人（签字）：", "陈二"],
  ["日期：", "2026-10-08", null, "日期：", "2026-10-08"],
];

/**
 * 阶段 merged down over its tasks, one 负责人 merged over two tasks: only the
 * top-left cell of a merge holds the value, yet it belongs to every row.
 */
export function mergedSchedule(): Fixture {
  return {
    sheets: [
      {
        name: "进度计划表",
        rows: [
          ["某市智慧园区项目实施进度计划表"], // 1
          ["项目名称：智慧园区一期", null, null, null, "编制日期：2026年10月8日"], // 2
          ["阶段", "序号", "任务名称", "负责人", "计划开始", "计划完成", "实际开始", "实际完成", "完成率"], // 3
          [
            "需求阶段",
            1,
            "需求调研",
            "张三",
            d("2026-10-12"),
            d("2026-10-23"),
            d("2026-10-12"),
            d("2026-10-23"),
            1,
          ], // 4
          [
            null,
            2,
            "需求评审",
            "王五",
            d("2026-10-26"),
            d("2026-10-30"),
            d("2026-10-26"),
            d("2026-11-02"),
            1,
          ], // 5
          ["实施阶段", 3, "设备安装", "李四", d("2026-11-02"), d("2026-11-20"), d("2026-11-03"), null, 0.8], // 6
          [null, 4, "系统联调", null, d("2026-11-23"), d("2026-11-25"), null, null, 0], // 7
          [null, 5, "上线试运行", "王五", d("2026-11-26"), d("2026-12-10"), null, null, 0], // 8
          [null, 6, "竣工验收", null, d("2026-12-11"), d("2026-12-18"), null, null, 0], // 9
          ...SIGNED, // 10-12
        ],
        merges: ["A1:I1", "A4:A5", "A6:A9", "D6:D7", "D8:D9"],
        numFmts: { I4: pct, I5: pct, I6: pct, I7: pct, I8: pct, I9: pct },
      },
    ],
  };
}

const CONTRACT_HEADER = [
  "序号",
  "合同编号",
  "合同名称",
  "客户名称",
  "签订日期",
  "合同金额（万元）",
  "实施通知日期",
  "约定交货期",
  "实际完成日期",
  "完成质量",
  "验收日期",
];

/**
 * A 收款计划表 whose 合同编号 and 客户 are merged down over the contract's payment
 * nodes, next to a 合同执行情况表 in 万元 with a 合计 row of SUM formulas.
 */
export function mergedPaymentPlan(): Fixture {
  return {
    sheets: [
      {
        name: "合同执行情况表",
        rows: [
          ["2026年度合同执行情况表"], // 1
          ["编制单位：客服部", null, null, null, null, "单位：万元"], // 2
          CONTRACT_HEADER, // 3
          [1, "HT-2026-001", "智慧园区一期", "甲公司", d("2026-09-01"), 50, d("2026-09-02"), d("2026-12-31")], // 4
          [
            2,
            "HT-2026-002",
            "机房改造",
            "乙公司",
            d("2026-06-10"),
            30,
            d("2026-06-11"),
            d("2026-09-30"),
            d("2026-09-28"),
            "合格",
            d("2026-10-10"),
          ], // 5
          ["合计", null, null, null, null, { formula: "SUM(F4:F5)", result: 80 }], // 6
          [], // 7
          ["制表人：周敏", null, null, "审核：吴刚"], // 8
        ],
        merges: ["A1:K1"],
      },
      {
        name: "收款计划表",
        rows: [
          ["收款计划表"], // 1
          [
            "合同编号",
            "客户",
            "款项",
            "应收日期",
            "应收金额",
            "实收日期",
            "实收金额",
            "催款通知日期",
            "书面报告日期",
          ], // 2
          ["HT-2026-001", "甲公司", "首付款", d("2026-09-10"), 150000, d("2026-09-09"), 150000], // 3
          [null, null, "进度款", d("2026-11-15"), 200000], // 4
          [null, null, "验收款", d("2027-01-15"), 150000], // 5
          ["HT-2026-002", "乙公司", "首付款", d("2026-06-20"), 90000, d("2026-06-19"), 90000], // 6
          [null, null, "尾款", d("2026-10-31"), 210000, d("2026-11-05"), 200000, d("2026-11-10")], // 7
        ],
        merges: ["A1:I1", "A3:A5", "B3:B5", "A6:A7", "B6:B7"],
      },
    ],
  };
}

/**
 * A WPS export: title, 编制单位 line, a two-row header (计划 over 开始/完成, 实际
 * over 开始/完成, the single headers merged down over both rows), 制表人/审核
 * footer and an unsigned 甲方/乙方 block.
 */
export function wpsTwoRowHeader(): Fixture {
  return {
    sheets: [
      {
        name: "Sheet1",
        rows: [
          ["OA系统升级项目进度计划表"], // 1
          ["编制单位：XX科技有限公司", null, null, null, null, "编制日期：2026-11-01"], // 2
          ["序号", "任务名称", "负责人", "计划", null, "实际", null, "完成率", "交付物", "备注"], // 3
          [null, null, null, "开始", "完成", "开始", "完成"], // 4
          [
            "1",
            "需求确认",
            "张三",
            d("2026-11-02"),
            d("2026-11-06"),
            d("2026-11-02"),
            d("2026-11-06"),
            1,
            "需求说明书",
          ], // 5
          [
            "2",
            "环境准备",
            "李四",
            d("2026-11-09"),
            d("2026-11-13"),
            d("2026-11-10"),
            d("2026-11-12"),
            0.9,
            "环境清单",
          ], // 6
          [
            "3",
            "数据迁移",
            "王五",
            d("2026-11-16"),
            d("2026-11-20"),
            null,
            null,
            0,
            null,
            "等待客户提供数据",
          ], // 7
          ["4", "功能测试", "赵六", d("2026-11-24"), d("2026-12-04"), null, null, 0, "测试报告"], // 8
          [], // 9
          ["制表人：张三", null, null, "审核：李总"], // 10
          ["甲方（签字）：", null, null, "乙方（签字）："], // 11
        ],
        merges: ["A1:J1", "A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3", "H3:H4", "I3:I4", "J3:J4"],
        numFmts: { H5: pct, H6: pct, H7: pct, H8: pct },
      },
    ],
  };
}

/** Dates typed as text in every SPEC form, mixed in one column, with a few that are not one valid date. */
export function textDates(): Fixture {
  return {
    sheets: [
      {
        name: "进度计划",
        rows: [
          ["序号", "任务名称", "负责人", "计划开始日期", "计划完成日期", "实际完成日期", "完成百分比"], // 1
          ["1", "需求调研", "张三", "2026-10-08", "2026/10/16", "2026.10.16", "100%"], // 2
          ["2", "方案设计", "李四", "2026年10月19日", "20261030", "２０２６年１０月３０日", "100%"], // 3
          ["3", "软件开发", "王五", " 2026 - 11 - 02 ", "2023/6/31", null, "50%"], // 4
          ["4", "系统测试", "赵六", "2026年11月", "2026-11-20", null, "0%"], // 5
          ["5", "用户培训", "孙七", "2013年6月20日至7月", "23/11/26", null, "0%"], // 6
          ["6", "上线切换", "周八", "2026-11-30 09:00", 20261204, null, "0%"], // 7
          ...SIGNED, // 8-10
        ],
      },
    ],
  };
}

/**
 * Section rows: 「一、前期准备」 merged across the table, a phase heading in the
 * 序号 column, and a placeholder task that really is missing its data.
 */
export function sectionRows(): Fixture {
  return {
    sheets: [
      {
        name: "实施计划",
        rows: [
          ["序号", "任务名称", "负责人", "计划开始", "计划完成", "实际完成", "完成率", "备注"], // 1
          ["一、前期准备"], // 2
          ["1", "项目启动会", "张三", d("2026-11-02"), d("2026-11-02"), d("2026-11-02"), 1], // 3
          ["2", "现场勘察", "李四", d("2026-11-03"), d("2026-11-06"), d("2026-11-06"), 1], // 4
          ["二", "系统实施"], // 5
          ["3", "硬件安装", "王五", d("2026-11-09"), d("2026-11-20"), null, 0.6], // 6
          ["4", "软件部署", "赵六", d("2026-11-23"), d("2026-12-04"), null, 0], // 7
          [null, "第三阶段 验收"], // 8
          ["5", "试运行"], // 9
          ...SIGNED, // 10-12
        ],
        merges: ["A2:H2", "B8:H8"],
        numFmts: { G3: pct, G4: pct, G6: pct, G7: pct },
      },
    ],
  };
}

/**
 * An MS-Project style outline: summary tasks (WBS 1, 2) carry rolled-up dates
 * and no owner; their children carry the work.
 */
export function outlineSchedule(): Fixture {
  return {
    sheets: [
      {
        name: "项目计划",
        rows: [
          ["WBS", "任务名称", "负责人", "开始时间", "完成时间", "实际完成", "完成百分比", "前置任务"], // 1
          ["1", "设计", null, "2026年11月2日", "2026年11月13日", null, "50%"], // 2
          ["1.1", "概要设计", "张三", "2026年11月2日", "2026年11月6日", "2026年11月6日", "100%"], // 3
          ["1.2", "详细设计", "李四", "2026年11月9日", "2026年11月13日", "2026年11月13日", "100%", "1.1"], // 4
          ["2", "开发", null, "2026年11月16日", "2026年12月11日", null, "20%"], // 5
          ["2.1", "后端开发", "王五", "2026年11月16日", "2026年12月4日", null, "30%", "1.2"], // 6
          ["2.2", "前端开发", "赵六", "2026年11月16日", "2026年11月20日", null, "60%", "1.2"], // 7
          ["2.3", "联调", "王五、赵六", "2026年12月7日", "2026年12月11日", null, "0%", "2.1，2.2"], // 8
          ["3", "验收", "张三", "2026年12月14日", "2026年12月18日", null, "0%", "2"], // 9
          ...SIGNED, // 10-12
        ],
      },
    ],
  };
}

/**
 * A contracts sheet with numbered payment groups up to 3, amounts typed as text
 * (¥1,200,000.00, 80万, a dash for nothing), partial payments; a separate
 * 收款计划表 for a contract without groups.
 */
export function contractGroups(): Fixture {
  return {
    sheets: [
      {
        name: "合同执行情况表",
        rows: [
          ["合同执行情况表（2026年）"], // 1
          [
            "序号",
            "合同编号",
            "项目名称",
            "甲方",
            "签订日期",
            "合同金额",
            "销售经理",
            "客服经理",
            "实施通知日期",
            "约定交货期",
            "实际完成日期",
            "完成质量",
            "验收日期",
            "约定收款日期1",
            "约定收款金额1",
            "财务实收金额1",
            "约定收款日期2",
            "约定收款金额2",
            "财务实收金额2",
            "约定收款日期3",
            "约定收款金额3",
            "财务实收金额3",
            "催款通知日期",
            "书面报告日期",
            "合同状态",
          ], // 2
          [
            1,
            "HT-2026-010",
            "数据中心建设",
            "丙集团",
            d("2026-02-13"),
            "¥1,200,000.00",
            "钱一",
            "孙二",
            d("2026-02-26"),
            d("2026-10-31"),
            d("2026-10-30"),
            "优",
            d("2026-11-05"),
            d("2026-02-28"),
            "¥360,000.00",
            "¥360,000.00",
            d("2026-10-31"),
            "¥600,000.00",
            "¥500,000.00",
            d("2027-10-31"),
            "¥240,000.00",
            "—",
            null,
            null,
            "执行中",
          ], // 3
          [
            2,
            "HT-2026-011",
            "安防升级",
            "丁公司",
            d("2026-09-30"),
            "80万",
            "钱一",
            "李三",
            d("2026-10-09"),
            d("2026-11-25"),
            null,
            null,
            null,
            d("2026-10-15"),
            "24万",
            "24万",
            d("2026-11-20"),
            "40万",
            "一",
            d("2027-05-25"),
            "16万",
            null,
            d("2026-11-21"),
            null,
            "执行中",
          ], // 4
          [
            3,
            "HT-2026-012",
            "运维服务",
            "戊公司",
            "2026-11-20",
            "150000元",
            "赵四",
            "李三",
            null,
            "2026-12-31",
            null,
            null,
            null,
          ], // 5
          [
            4,
            "HT-2025-088",
            "旧系统维护",
            "己公司",
            d("2025-03-03"),
            50000,
            "赵四",
            "孙二",
            d("2025-03-04"),
            d("2025-06-30"),
            null,
            null,
            null,
            d("2025-07-31"),
            50000,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "已终止",
          ], // 6
        ],
      },
      {
        name: "收款计划表",
        rows: [
          ["合同编号", "款项", "应收日期", "应收金额", "实收日期", "实收金额"], // 1
          ["HT-2026-012", "首付款", "2026-11-27", "¥45,000.00", null, null], // 2
          ["HT-2026-012", "尾款", "2026-12-31", "100,000.00", null, "—"], // 3
          ["HT-2026-099", "质保金", "2026-10-31", "(1,234.00)", null, null], // 4
        ],
      },
    ],
  };
}

/**
 * Percent typed as fractions without a % format, a task name starting with '=',
 * and formula cells whose cached results are errors.
 */
export function formulasAndFractions(): Fixture {
  return {
    sheets: [
      {
        name: "进度计划表",
        rows: [
          [
            "任务编号",
            "任务名称",
            "责任人",
            "计划开始时间",
            "计划完成时间",
            "实际完成时间",
            "进度",
            "交付成果",
          ], // 1
          ["T01", "=需求评审", "张三", d("2026-11-02"), d("2026-11-06"), d("2026-11-06"), 1, "评审纪要"], // 2
          [
            "T02",
            "概要设计",
            "李四",
            d("2026-11-09"),
            { formula: "D3+4", result: d("2026-11-13") },
            null,
            0.85,
          ], // 3
          [
            "T03",
            "详细设计",
            "王五",
            { error: "#REF!" },
            { formula: "VLOOKUP(A4,计划!A:C,3,0)", result: { error: "#N/A" } },
            null,
            0.3,
          ], // 4
          ["T04", "编码", "赵六", d("2026-11-23"), d("2026-12-18"), null, 0], // 5
          ...SIGNED, // 6-8
        ],
      },
    ],
  };
}

/** The same kind of schedule with 进度 typed as whole numbers 0–100 (85 means 85%). */
export function wholePercents(): Fixture {
  return {
    sheets: [
      {
        name: "进度计划表",
        rows: [
          ["编号", "工作内容", "执行人", "开始日期", "结束日期", "实际完成时间", "进度"], // 1
          ["1", "采购", "张三", d("2026-10-12"), d("2026-10-30"), d("2026-10-30"), 100], // 2
          ["2", "到货验收", "李四", d("2026-11-02"), d("2026-11-13"), null, 85], // 3
          ["3", "安装调试", "王五", d("2026-11-16"), d("2026-11-27"), null, 120], // 4
          ["4", "培训", "赵六", d("2026-11-30"), d("2026-12-04"), null, 0], // 5
          ...SIGNED, // 6-8
        ],
      },
    ],
  };
}

/**
 * Sheets that are not tables: a prose 说明, a 通讯录, a pivot-like 汇总, a hidden
 * 下拉选项 list sheet, next to a clean schedule.
 */
export function extraSheets(): Fixture {
  return {
    sheets: [
      {
        name: "说明",
        rows: [
          ["填表说明"],
          ["1. 本表由项目经理每周五更新。"],
          ["2. 日期统一填写为 2026-11-23 格式，金额单位为元。"],
          ["3. 如有计划调整，须提前2日通知并报备财务部。"],
          [],
          ["联系人：", "张三", "电话：", "13800000000"],
        ],
      },
      {
        name: "进度计划表",
        rows: [
          ["序号", "任务名称", "负责人", "计划开始", "计划完成", "实际完成", "完成率"], // 1
          ["1", "需求调研", "张三", d("2026-11-02"), d("2026-11-06"), d("2026-11-06"), 1], // 2
          ["2", "开发", "李四", d("2026-11-09"), d("2026-12-18"), null, 0.4], // 3
          ...SIGNED, // 4-6
        ],
        numFmts: { G2: pct, G3: pct },
      },
      {
        name: "通讯录",
        rows: [
          ["姓名", "部门", "职务", "手机", "邮箱"],
          ["张三", "客服部", "项目经理", "13800000001", "zhangsan@example.com"],
          ["李四", "技术部", "工程师", "13800000002", "lisi@example.com"],
          ["王五", "技术部", "工程师", "13800000003", "wangwu@example.com"],
          ["赵六", "销售部", "销售经理", "13800000004", "zhaoliu@example.com"],
        ],
      },
      {
        name: "汇总",
        rows: [
          ["行标签", "求和项:合同金额", "计数项:合同编号"],
          ["丙集团", 1200000, 1],
          ["丁公司", 800000, 1],
          ["总计", 2000000, 2],
        ],
      },
      {
        name: "下拉选项",
        state: "hidden",
        rows: [
          ["负责人", "合同状态", "是否"],
          ["张三", "执行中", "是"],
          ["李四", "已完成", "否"],
          ["王五", "已终止"],
        ],
      },
    ],
  };
}

/** A used range blown out to XFD1048576 by one stray formatted cell, and a hidden old copy of the plan. */
export function blownOutRange(): Fixture {
  return {
    sheets: [
      {
        name: "进度计划表",
        rows: [
          ["项目进度计划表"], // 1
          ["序号", "任务名称", "负责人", "计划开始", "计划完成", "实际完成", "完成率"], // 2
          ["1", "需求调研", "张三", d("2026-11-02"), d("2026-11-06"), d("2026-11-06"), 1], // 3
          ["2", "开发", "李四", d("2026-11-09"), d("2026-11-20"), null, 0.7], // 4
          ...SIGNED, // 5-7
        ],
        numFmts: { G3: pct, G4: pct, XFD1048576: "@" },
      },
    ],
  };
}

/**
 * A contracts sheet where one contract spans two rows (合同 columns merged down,
 * one 应收 node per row), the way many finance clerks lay out instalments.
 */
export function mergedContractRows(): Fixture {
  return {
    sheets: [
      {
        name: "合同台账",
        rows: [
          [
            "合同编号",
            "合同名称",
            "签订日期",
            "合同金额",
            "实施通知日期",
            "约定交货期",
            "实际完成日期",
            "应收日期",
            "应收金额",
            "实收金额",
          ], // 1
          [
            "HT-2026-101",
            "弱电工程",
            d("2026-08-03"),
            300000,
            d("2026-08-04"),
            d("2026-12-31"),
            null,
            d("2026-08-31"),
            100000,
            100000,
          ], // 2
          [null, null, null, null, null, null, null, d("2026-11-16"), 200000, 50000], // 3
          [
            "HT-2026-102",
            "网络改造",
            d("2026-09-07"),
            120000,
            d("2026-09-08"),
            d("2026-11-30"),
            null,
            d("2026-12-15"),
            120000,
            null,
          ], // 4
        ],
        merges: ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3"],
      },
    ],
  };
}

export const FIXTURES: Record<string, () => Fixture> = {
  mergedSchedule,
  mergedPaymentPlan,
  wpsTwoRowHeader,
  textDates,
  sectionRows,
  outlineSchedule,
  contractGroups,
  formulasAndFractions,
  wholePercents,
  extraSheets,
  blownOutRange,
  mergedContractRows,
};
