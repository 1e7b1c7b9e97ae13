/**
 * Writes the benchmark workbook: a 50,000-row 进度计划表 and a 10,000-row
 * 合同执行情况表 shaped like real ones (title rows above the headers, real dates,
 * some dates typed as text, amounts, three payment groups). Uses exceljs's streaming
 * writer: the in-memory one needs about 2 GB for this. Deterministic (seeded).
 *
 *   npx tsx bench/generate.ts OUT.xlsx [scheduleRows] [contractRows]
 */

import ExcelJS from "exceljs";

export const GENERATOR_VERSION = 1;

/** mulberry32: small, seeded, good enough for fixtures. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);

const PEOPLE = [
  "张伟",
  "王芳",
  "李娜",
  "刘洋",
  "陈静",
  "杨磊",
  "赵敏",
  "黄强",
  "周杰",
  "吴婷",
  "徐明",
  "孙丽",
];
const PHASES = ["需求调研", "方案设计", "开发实施", "系统测试", "上线试运行", "验收"];
const TASKS = [
  "现场勘察",
  "需求确认",
  "概要设计",
  "详细设计",
  "设备采购",
  "设备安装",
  "软件部署",
  "接口联调",
  "用户培训",
  "试运行",
  "初验",
  "终验",
];
const CUSTOMERS = [
  "华东电力公司",
  "滨江区人民医院",
  "市轨道交通集团",
  "新港物流园",
  "青山水务公司",
  "城南职业学院",
];
const DELIVERABLES = ["调研报告", "设计说明书", "安装记录", "测试报告", "培训签到表", "验收单"];

/** A date as a JS Date at UTC midnight (exceljs writes its UTC time as the serial). */
const utc = (day: number) => new Date(BASE + day * DAY);

/** Now and then a date typed as text, the way clerks do; a few are impossible. */
function textDate(day: number, r: () => number): string {
  const d = utc(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  const pick = r();
  if (pick < 0.35) return `${y}/${m}/${dd}`;
  if (pick < 0.7) return `${y}年${m}月${dd}日`;
  if (pick < 0.95) return `${y}.${String(m).padStart(2, "0")}.${String(dd).padStart(2, "0")}`;
  return `${y}/${m}/31`;
}

export async function generate(file: string, scheduleRows = 50_000, contractRows = 10_000): Promise<void> {
  const r = rng(20261123);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  const dateOrText = (day: number) => (r() < 0.04 ? textDate(day, r) : utc(day));
  const dateFmt = "yyyy-mm-dd";

  const sched = wb.addWorksheet("进度计划表");
  const sHeaders = [
    "序号",
    "任务名称",
    "阶段",
    "负责人",
    "计划开始时间",
    "计划完成时间",
    "实际开始时间",
    "实际完成时间",
    "完成率",
    "前置任务",
    "里程碑",
    "交付成果",
    "基线完成",
    "合同编号",
    "报备财务",
    "备注",
  ];
  // Merged once the row exists and before it is committed: the streaming writer would
  // otherwise start its rows below the merge, or refuse a committed row.
  const sTitle = sched.addRow(["滨江智慧园区项目 进度计划表"]);
  sched.mergeCells(1, 1, 1, sHeaders.length);
  sTitle.commit();
  sched.addRow(["编制单位：项目管理部", null, null, "编制日期：", utc(680)]).commit();
  sched.addRow(sHeaders).commit();
  const dateCols = [5, 6, 7, 8, 13];
  for (let i = 0; i < scheduleRows; i++) {
    const start = Math.floor(r() * 700);
    const end = start + 1 + Math.floor(r() * 40);
    const started = start < 690 && r() < 0.8;
    const done = started && end < 690 && r() < 0.7;
    const progress = done ? 1 : started ? Math.round(r() * 95) / 100 : 0;
    const wbs = `${1 + Math.floor(i / 1000)}.${1 + Math.floor((i % 1000) / 50)}.${1 + (i % 50)}`;
    const row = sched.addRow([
      wbs,
      `${TASKS[i % TASKS.length]}（${1 + (i % 37)}区）`,
      PHASES[Math.floor(r() * PHASES.length)],
      r() < 0.1 ? `${PEOPLE[i % 12]}、${PEOPLE[(i + 5) % 12]}` : PEOPLE[Math.floor(r() * 12)],
      dateOrText(start),
      dateOrText(end),
      started ? dateOrText(start + Math.floor(r() * 5)) : null,
      done ? dateOrText(end + Math.floor(r() * 10) - 3) : null,
      progress,
      i > 0 && r() < 0.6
        ? `${1 + Math.floor((i - 1) / 1000)}.${1 + Math.floor(((i - 1) % 1000) / 50)}.${1 + ((i - 1) % 50)}`
        : null,
      r() < 0.05 ? "是" : "否",
      DELIVERABLES[Math.floor(r() * DELIVERABLES.length)],
      r() < 0.3 ? utc(end - Math.floor(r() * 10)) : null,
      `HT-2025-${String(1 + Math.floor(r() * contractRows)).padStart(5, "0")}`,
      r() < 0.5 ? "是" : null,
      r() < 0.15 ? "客户要求调整，已口头确认" : null,
    ]);
    for (const c of dateCols) if (row.getCell(c).value instanceof Date) row.getCell(c).numFmt = dateFmt;
    row.getCell(9).numFmt = "0%";
    row.commit();
  }
  await sched.commit();

  const contracts = wb.addWorksheet("合同执行情况表");
  const cHeaders = [
    "合同编号",
    "合同名称",
    "客户名称",
    "签订日期",
    "合同金额（万元）",
    "销售经理",
    "客服经理",
    "实施通知日期",
    "约定交货期",
    "实际完成日期",
    "完成质量",
    "验收单日期",
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
    "合同状态",
    "备注",
  ];
  const cTitle = contracts.addRow(["2025—2026 年度合同执行情况表"]);
  contracts.mergeCells(1, 1, 1, cHeaders.length);
  cTitle.commit();
  contracts.addRow([]).commit();
  contracts.addRow(cHeaders).commit();
  for (let i = 0; i < contractRows; i++) {
    const sign = Math.floor(r() * 650);
    const amount = Math.round(5 + r() * 500) / 10; // 万元
    const delivery = sign + 30 + Math.floor(r() * 120);
    const finished = delivery < 690 && r() < 0.7;
    const shares = [0.3, 0.6, 0.1];
    const payments: Array<Date | string | number | null> = [];
    shares.forEach((share, k) => {
      const due = sign + 10 + k * 90 + Math.floor(r() * 30);
      const dueAmount = Math.round(amount * share * 10000 * 100) / 100;
      const paid = due < 690 && r() < 0.75;
      payments.push(dateOrText(due), r() < 0.05 ? `¥${dueAmount.toLocaleString("en-US")}` : dueAmount);
      payments.push(paid ? (r() < 0.1 ? Math.round(dueAmount * 0.5 * 100) / 100 : dueAmount) : null);
    });
    const row = contracts.addRow([
      `HT-2025-${String(i + 1).padStart(5, "0")}`,
      `${CUSTOMERS[i % CUSTOMERS.length]}${TASKS[i % TASKS.length]}项目`,
      CUSTOMERS[Math.floor(r() * CUSTOMERS.length)],
      dateOrText(sign),
      r() < 0.03 ? `${amount}万` : amount,
      PEOPLE[Math.floor(r() * 12)],
      PEOPLE[Math.floor(r() * 12)],
      r() < 0.8 ? dateOrText(sign + 1 + Math.floor(r() * 4)) : null,
      dateOrText(delivery),
      finished ? dateOrText(delivery + Math.floor(r() * 20) - 10) : null,
      finished ? (r() < 0.9 ? "合格" : "整改后合格") : null,
      finished && r() < 0.8 ? utc(delivery + Math.floor(r() * 15)) : null,
      ...payments,
      r() < 0.2 ? utc(sign + 200) : null,
      finished ? "已完成" : "执行中",
      r() < 0.1 ? "甲方付款流程较长" : null,
    ]);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = dateFmt;
      else if (typeof cell.value === "number" && Number(cell.col) > 12) cell.numFmt = "#,##0.00";
    });
    row.commit();
  }
  await contracts.commit();
  await wb.commit();
}

if (require.main === module) {
  const [out, s, c] = process.argv.slice(2);
  if (!out) {
    process.stderr.write("usage: npx tsx bench/generate.ts OUT.xlsx [scheduleRows] [contractRows]\n");
    process.exit(2);
  }
  generate(out, s ? Number(s) : undefined, c ? Number(c) : undefined).then(
    () => process.stdout.write(`wrote ${out}\n`),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    },
  );
}
