/**
 * One notice as a printable A4 document (SPEC §6): company, title, number, addressee, body,
 * a bordered table of facts, the requirement, signature and date lines, the 抄送/报备 line.
 * Four columns (label, value, label, value) about 84 characters wide, so it fits one portrait
 * page at 100%. Every value is a string: the patch writes strings as text, never as formulas.
 */

import { MAX_YUAN, toCapitals, toFigures } from "../capitals";
import type { NoticePlan, NoticeType } from "../notices";
import type { CellStyle, CellWrite, SheetContent } from "../patch";
import type { Settings } from "../settings";
import type { Range } from "../snapshot";

const COLS = 4;
const WIDTHS = [14, 28, 14, 28];
const BODY = 12;

export interface NoticeDoc {
  type: NoticeType;
  number: string;
  /** Issue date, `YYYY-MM-DD`; kept from the register when the notice is regenerated. */
  issued: string;
  addressee: string;
  /** The subject for the register: contract number, or WBS and task. */
  subject: string;
  content: SheetContent;
}

/** 2026-11-24 → 2026年11月24日. */
export function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : iso;
}

/** In words; a sum or difference past what words can hold exactly stays in figures, never aborts. */
const inWords = (n: number) => (Number.isFinite(n) && Math.abs(n) <= MAX_YUAN ? toCapitals(n) : toFigures(n));

const money = (n: number) => `${toFigures(n)}（${inWords(n)}）`;

/** Width of text in column units: a CJK character is about two. */
function units(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) > 0xff ? 2 : 1.1;
  return n;
}

/** Lays rows out top to bottom, merging and sizing as it goes. */
class Page {
  rows: Array<Array<CellWrite | null>> = [];
  merges: Range[] = [];
  heights: Array<number | undefined> = [];

  /** A row with up to four cells; `span` merges from the last given cell to column D. */
  line(cells: Array<CellWrite | null>, height?: number, span?: { from: number; to: number }): void {
    const r = this.rows.length + 1;
    this.rows.push(cells);
    this.heights.push(height);
    if (span && span.to > span.from) this.merges.push({ r1: r, c1: span.from, r2: r, c2: span.to });
  }

  /** Text across the whole width, wrapped, its row tall enough for every line. */
  para(text: string, style: CellStyle = {}, minHeight = 20): void {
    const size = style.size ?? BODY;
    const capacity = (WIDTHS.reduce((a, b) => a + b, 0) * 11) / size - 4;
    const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(units(l) / capacity)), 0);
    this.line(
      [{ v: text, style: { size, wrap: true, vAlign: "center", ...style } }],
      Math.max(minHeight, lines * size * 1.45 + 6),
      { from: 1, to: COLS },
    );
  }

  blank(height = 10): void {
    this.line([], height);
  }

  /** A bordered fact row: label in A, value across B:D (or two pairs side by side). */
  facts(pairs: Array<[string, string]>): void {
    const label: CellStyle = {
      size: 11,
      bold: true,
      border: "all",
      hAlign: "center",
      vAlign: "center",
      wrap: true,
    };
    const value: CellStyle = { size: 11, border: "all", vAlign: "center", wrap: true };
    if (pairs.length === 2) {
      this.line(
        [
          { v: pairs[0][0], style: label },
          { v: pairs[0][1], style: value },
          { v: pairs[1][0], style: label },
          { v: pairs[1][1], style: value },
        ],
        Math.max(22, Math.ceil(Math.max(units(pairs[0][1]), units(pairs[1][1])) / 26) * 16 + 6),
      );
      return;
    }
    const [l, v] = pairs[0];
    this.line(
      [
        { v: l, style: label },
        { v, style: value },
        { v: null, style: value },
        { v: null, style: value },
      ],
      Math.max(22, Math.ceil(units(v) / 66) * 16 + 6),
      { from: 2, to: COLS },
    );
  }

  content(): SheetContent {
    const last = this.rows.length;
    return {
      rows: this.rows,
      merges: this.merges,
      colWidths: WIDTHS,
      rowHeights: this.heights,
      showGridLines: false,
      pageSetup: {
        paper: "A4",
        orientation: "portrait",
        margins: { left: 0.75, right: 0.75, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
        fitToWidth: 1,
        printArea: { r1: 1, c1: 1, r2: last, c2: COLS },
        centerHorizontally: true,
      },
    };
  }
}

const str = (v: string | number | undefined): string => (v === undefined ? "" : String(v));
const num = (v: string | number | undefined): number | undefined => (typeof v === "number" ? v : undefined);

interface Text {
  addressee: string;
  subject: string;
  body: string;
  facts: Array<Array<[string, string]>>;
  requirement: string;
  issuer: string;
  copies: string;
}

function dunning(f: NoticePlan["facts"], s: Settings): Text {
  const d = s.departments;
  const name = str(f.contractName);
  const contract = `${str(f.contractNo)}${name ? `《${name}》` : ""}`;
  const due = num(f.dueAmount) ?? 0;
  const received = num(f.received) ?? 0;
  const outstanding = num(f.outstanding) ?? due - received;
  const sales = str(f.salesManager);
  const facts: Text["facts"] = [
    [
      ["合同编号", str(f.contractNo)],
      ["合同名称", name],
    ],
    [["客户名称", str(f.customer)]],
    [
      ["款项", str(f.node)],
      ["应收日期", cnDate(str(f.dueDate))],
    ],
    [["应收金额", money(due)]],
    [["已收金额", money(received)]],
    [["未收金额", money(outstanding)]],
    [
      ["逾期天数", `${str(f.daysOverdue)} 天`],
      ["销售经理", sales],
    ],
  ];
  return {
    addressee: sales ? `销售经理 ${sales}` : "销售经理",
    subject: str(f.contractNo),
    body:
      `根据合同 ${contract} 的约定，客户${f.customer ? ` ${str(f.customer)} ` : ""}应于 ${cnDate(str(f.dueDate))} ` +
      `支付${str(f.node)} ${toFigures(due)}；截至目前实收 ${toFigures(received)}，尚欠 ${toFigures(outstanding)}` +
      `（${inWords(outstanding)}），已逾期 ${str(f.daysOverdue)} 天。请立即与客户联系，催收欠款。`,
    facts,
    requirement: `请于收到本通知后${str(f.reportDays) || s.reportDays}日内就未按时收款情况填写书面报告并提交${d.finance}。`,
    issuer: d.finance,
    copies: `抄送：${d.service}、${d.sales}、${d.office}`,
  };
}

function implementation(f: NoticePlan["facts"], s: Settings): Text {
  const d = s.departments;
  const name = str(f.contractName);
  const service = str(f.serviceManager);
  const amount = num(f.amount);
  return {
    addressee: `${d.sales}、${d.finance}、${d.service}（${d.office}留存）`,
    subject: str(f.contractNo),
    body:
      `合同 ${str(f.contractNo)}${name ? `《${name}》` : ""} 已于 ${cnDate(str(f.signDate))} 签订，` +
      `按《项目实施规范》应在签订后${s.noticeWorkdays}个工作日内（不晚于 ${cnDate(str(f.deadline))}）发布《项目实施通知》。` +
      `现通知该项目正式进入实施。`,
    facts: [
      [
        ["合同编号", str(f.contractNo)],
        ["合同名称", name],
      ],
      [["客户名称", str(f.customer)]],
      [["合同金额", amount === undefined ? "" : money(amount)]],
      [
        ["签订日期", cnDate(str(f.signDate))],
        ["约定交货期", cnDate(str(f.deliveryDate))],
      ],
      [
        ["销售经理", str(f.salesManager)],
        ["客服经理", service],
      ],
      [["通知期限", `${cnDate(str(f.deadline))}（签订后${s.noticeWorkdays}个工作日）`]],
    ],
    requirement:
      `请客服经理${service ? ` ${service} ` : ""}组织相关部门，根据各自负责的工作内容编制《项目实施方案》《工作计划表》，` +
      `呈总经理审核后分发各部门，并报送${d.finance}一份。`,
    issuer: d.office,
    copies: `报送：${d.sales}、${d.finance}、${d.service}各一份；${d.office}留存一份`,
  };
}

function change(f: NoticePlan["facts"], s: Settings): Text {
  const d = s.departments;
  const moved = num(f.daysMoved) ?? 0;
  const task = [str(f.wbs), str(f.task)].filter(Boolean).join(" ");
  const shift = moved >= 0 ? `顺延 ${moved} 天` : `提前 ${-moved} 天`;
  return {
    addressee: "相关部门",
    subject: task,
    body:
      `任务「${task}」${f.contractNo ? `（合同 ${str(f.contractNo)}）` : ""}的计划完成日期由 ${cnDate(str(f.baselineEnd))} ` +
      `调整为 ${cnDate(str(f.planEnd))}，${shift}。请相关部门据此调整工作安排。`,
    facts: [
      [
        ["任务", task],
        ["负责人", str(f.owner)],
      ],
      [
        ["原计划开始", cnDate(str(f.baselineStart ?? f.planStart))],
        ["原计划完成", cnDate(str(f.baselineEnd))],
      ],
      [
        ["调整后开始", cnDate(str(f.planStart))],
        ["调整后完成", cnDate(str(f.planEnd))],
      ],
      [
        ["调整天数", shift],
        ["合同编号", str(f.contractNo)],
      ],
      [["调整原因", str(f.reason) || "（未填写）"]],
      [["通知期限", `${cnDate(str(f.noticeDeadline))}（原完成日期前${s.changeNoticeDays}日）`]],
    ],
    requirement:
      `按《项目实施规范》，计划调整须提前${s.changeNoticeDays}日通知相关部门，并报备${d.finance}审计。` +
      `客服经理应协调各部门的计划调整，保证合同按期执行。`,
    issuer: d.service,
    copies: `报备：${d.finance}（审计）`,
  };
}

function memo(f: NoticePlan["facts"], s: Settings): Text {
  const name = str(f.contractName);
  const amount = num(f.amount);
  return {
    addressee: `甲方：${str(f.customer) || "________"}\u3000乙方：${s.companyName || "________"}`,
    subject: str(f.contractNo),
    body:
      `甲乙双方于 ${cnDate(str(f.signDate))} 签订合同 ${str(f.contractNo)}${name ? `《${name}》` : ""}，` +
      `约定交货期为 ${cnDate(str(f.deliveryDate))}。因下列任务顺延，项目预计于 ${cnDate(str(f.expectedCompletion))} 完成，` +
      `较约定交货期晚 ${str(f.daysLate)} 天。经双方协商，同意将交货期顺延至 ${cnDate(str(f.expectedCompletion))}，` +
      `合同其他条款不变。`,
    facts: [
      [
        ["合同编号", str(f.contractNo)],
        ["合同名称", name],
      ],
      [["合同金额", amount === undefined ? "" : money(amount)]],
      [
        ["约定交货期", cnDate(str(f.deliveryDate))],
        ["预计完成", cnDate(str(f.expectedCompletion))],
      ],
      [["延后天数", `${str(f.daysLate)} 天`]],
      [["涉及任务", str(f.tasks)]],
    ],
    requirement: "本备忘录经双方签字盖章后生效，作为原合同的补充，与原合同具有同等效力。",
    issuer: "",
    copies: "本备忘录一式两份，甲乙双方各执一份。",
  };
}

const WRITERS: Record<NoticeType, (f: NoticePlan["facts"], s: Settings) => Text> = {
  催款通知单: dunning,
  项目实施通知: implementation,
  计划调整通知: change,
  备忘录: memo,
};

/** The text a notice carries, for the sheet and the register. */
export function noticeText(n: NoticePlan, s: Settings): Text {
  return WRITERS[n.type](n.facts, s);
}

/**
 * `corrects`: the number of the issued notice this one corrects (更正): the title says so and a
 * line names the notice it replaces.
 */
export function noticeSheet(
  n: NoticePlan,
  number: string,
  issued: string,
  s: Settings,
  corrects?: string,
): NoticeDoc {
  const t = noticeText(n, s);
  const p = new Page();
  const centre: CellStyle = { hAlign: "center", vAlign: "center" };
  if (s.companyName) p.para(s.companyName, { ...centre, size: 14, bold: true }, 24);
  p.para(corrects ? `${n.type}（更正）` : n.type, { ...centre, size: 22, bold: true }, 40);
  p.line([null, null, null, { v: `编号：${number}`, style: { size: 10, hAlign: "right" } }], 18);
  if (corrects)
    p.para(`本通知更正并取代编号为 ${corrects} 的${n.type}，以本通知为准。`, { size: 10, hAlign: "right" });
  p.blank(8);
  p.para(n.type === "备忘录" ? t.addressee : `致：${t.addressee}`, { bold: true });
  p.para(t.body, { vAlign: "top" });
  p.blank(8);
  for (const row of t.facts) p.facts(row);
  p.blank(8);
  p.para(t.requirement, { vAlign: "top" });
  p.blank(24);
  const right: CellStyle = { size: BODY, hAlign: "right", vAlign: "center" };
  const sign: CellStyle = { size: BODY, border: "bottom", vAlign: "center" };
  if (n.type === "备忘录") {
    const party = (side: string, who: string): void => {
      p.line(
        [
          { v: `${side}（签章）：`, style: right },
          { v: who, style: sign },
        ],
        24,
      );
      p.line(
        [
          { v: "代表签字：", style: right },
          { v: null, style: sign },
        ],
        24,
      );
      p.line(
        [
          { v: "日期：", style: right },
          { v: null, style: sign },
        ],
        24,
      );
    };
    p.para(`签发日期：${cnDate(issued)}`, { hAlign: "right" });
    p.blank(8);
    party("甲方", str(n.facts.customer));
    p.blank(16);
    party("乙方", s.companyName);
  } else {
    p.line([null, null, { v: "签发部门：", style: right }, { v: `${t.issuer}（盖章）`, style: sign }], 26);
    p.line([null, null, { v: "签发人：", style: right }, { v: null, style: sign }], 26);
    p.line([null, null, { v: "日期：", style: right }, { v: cnDate(issued), style: sign }], 26);
    p.blank(16);
    p.line(
      [
        { v: "签收人：", style: right },
        { v: null, style: sign },
        { v: "签收日期：", style: right },
        { v: null, style: sign },
      ],
      26,
    );
  }
  p.blank(12);
  p.para(t.copies, { size: 10 }, 20);
  return { type: n.type, number, issued, addressee: t.addressee, subject: t.subject, content: p.content() };
}
