/**
 * Table recognition (SPEC §3): find 进度计划表 / 合同执行情况表 / 收款计划表 regions on any
 * sheet, map their columns to fields and describe their data rows.
 *
 * Work is proportional to the cells present: sheets are read through their sparse
 * arrays' keys, headers are only looked for in the first rows of each block, and
 * every data row is visited once.
 */
import {
  KIND_DEFS,
  KINDS,
  PERIOD_HEADERS,
  CONTRACT_KEY_HEADERS,
  RANGE_TASK_HEADERS,
  RANGE_TIME_HEADERS,
  WORKLOAD_HEADERS,
  DURATION_HOURS,
  ASSIGNED_HEADERS,
  QUALIFIED_CONTRACT_NO,
  type FieldDef,
  type Kind,
} from "./kinds";
import {
  colLetter,
  colNumber,
  type CellValue,
  type Range,
  type SheetSnapshot,
  type WorkbookSnapshot,
  overlaps,
} from "./snapshot";
import { simplifiedHeader } from "./hant";
import { compact } from "./text";
import {
  isBlank,
  isDateFormat,
  isMonthDayNumber,
  namesMonth,
  parseDate,
  parseDays,
  parsePercent,
} from "./values";

export interface ColumnRef {
  col: number;
  letter: string;
  /** The header as written; the two cells joined for a two-row header. */
  header: string;
  /** Unit from the header's brackets or a 单位：万元 line above the table. */
  unit?: string;
  /** Multiplier for money written in that unit (万元 → 10000); absent means 1. */
  scale?: number;
  /** Dates written as a range in one cell (起止日期 `2026.3.1-3.15`): which end this field reads. */
  part?: "start" | "end";
  /** A month column (`月份`) read as a due date: the month's last day. */
  period?: "month";
  /** A receivables list's invoice number standing as its key (no contract column). */
  invoice?: true;
  /** A duration counted in hours (计划耗时, 工时（小时）): read as days of the 设置 每日工时. */
  hours?: true;
}

/** One fact of a contract's key/value block: `签定日期：2013年6月9日` in one cell, or `施工单位 | 某公司`. */
export interface SheetFact {
  /** The contracts field its label names: contractNo, contractName, customer, signDate or amount. */
  field: string;
  /** The cell holding the value (A1); the label's own cell when label and value share it. */
  cell: string;
  row: number;
  col: number;
  /** The label as written. */
  label: string;
  /** The value as written, without its label ("" when the slot is empty). */
  text: string;
  value: CellValue;
}

/**
 * One contract kept on its own sheet: the key/value block above its monthly payment rows. Its
 * facts stand for the columns the payment rows lack (合同编号 above all).
 */
export interface SheetContract {
  /** The contract's key: its 合同编号 when written, else the sheet's name (unique in the workbook). */
  key: string;
  /** The cell the key is read from: the 合同编号 value's cell, else the block's first fact. */
  cell: string;
  /** The text shown for that cell. */
  display: string;
  facts: Partial<Record<string, SheetFact>>;
}

/** One phase of a two-row phase header: its name and the columns of its start and end. */
export interface PhaseColumns {
  name: string;
  start: ColumnRef;
  end: ColumnRef;
}

export type GroupField = "dueDate" | "dueAmount" | "receivedAmount" | "receivedDate";

export interface PaymentGroup {
  n: number;
  columns: Partial<Record<GroupField, ColumnRef>>;
}

export interface RecognisedTable {
  kind: Kind;
  sheet: string;
  /** The last header row (sheet row number, 1-based). */
  headerRow: number;
  /** A two-row header spans headerRow-1..headerRow. */
  headerRows: 1 | 2;
  /** First data-region row: always headerRow + 1. */
  firstRow: number;
  /** Last data row; headerRow when the table has no data yet. Trailing totals and footers are outside. */
  lastRow: number;
  firstCol: number;
  lastCol: number;
  columns: Partial<Record<string, ColumnRef>>;
  groups: PaymentGroup[];
  unmapped: Array<{ col: number; letter: string; header: string }>;
  dataRows: number[];
  blankRows: number[];
  totalRows: number[];
  footerRows: number[];
  /** Section headings inside the table (`一、前期准备`): labels, not data. */
  sectionRows: number[];
  /** Timeline bands (`第 1 周` …) and filling instructions under the header: not data. */
  bandRows: number[];
  /**
   * Tasks on two lines, the name merged over both: the second line holds the task's actual dates
   * (実績 under 予定) in the plan's date columns. Second line's row → the task's row.
   */
  actualRows?: Record<number, number>;
  /** Money we pay (付款, 已付, 供应商): a payables table, never the subject of a 催款通知单. */
  payable?: boolean;
  /**
   * Phases across columns (`需求 | 设计 | 开发` over `开始时间 | 结束时间` pairs), in sheet order:
   * each data row is one task per phase. planStart/planEnd in `columns` are the first phase's.
   */
  phases?: PhaseColumns[];
  /** The sheet holds one contract: its key/value block above this table gives the contract's key. */
  sheetContract?: SheetContract;
  /**
   * Task names indented across columns (`功能` over A, sub-items written in B or C with no header
   * of their own): those columns, left to right. A row whose task cell is empty takes its task
   * from the first of them that holds text.
   */
  taskSpan?: ColumnRef[];
  mergedInside: boolean;
  existingTable?: string;
}

export interface MappingOverride {
  sheet: string;
  /** Column letter, e.g. `F`. */
  column: string;
  /** Field name (`planEnd`, or `dueDate3` for a payment group), or null to unmap the column. */
  field: string | null;
  kind?: Kind;
}

/**
 * The header row of an unrecognised sheet that came closest to a kind: the headers it matched
 * and the core fields it lacks, so the user can be told what to rename or map.
 */
export interface NearMiss {
  kind: Kind;
  headerRow: number;
  /** Headers as written that matched a field of the kind. */
  matched: string[];
  /** Fields of the kind's core the header lacks. */
  missing: string[];
  /** Other single fields any one of which would do instead of `missing` (工期 for 计划开始). */
  instead?: string[];
  /** The header matched but the values did not fit (no date in the date columns). */
  valuesMismatch?: boolean;
}

export interface Recognition {
  tables: RecognisedTable[];
  /** `shape`: the first header-like row's texts, so sheets of one shape can be reported together. */
  unrecognised: Array<{ sheet: string; cells: number; near?: NearMiss; shape?: string }>;
  /** Headers that named a kind's fields but whose values do not fit it (no date in any date column). */
  rejected: Array<{ sheet: string; kind: Kind; headerRow: number }>;
}

/** Alias some callers use. */
export type RecogniseResult = Recognition;

/**
 * A table the user declared by hand (`表声明:Sheet1!A3` = 进度计划表 on 设置, `--table
 * 'Sheet1!A3=schedule'`): the row is its header, the column its first column, whatever the
 * headers say; its columns map as usual and by the user's 列映射.
 */
export interface DeclaredTable {
  sheet: string;
  /** Header row (1-based). */
  row: number;
  /** First column letter; the table runs right from there. */
  column: string;
  kind: Kind;
}

export interface RecogniseOptions {
  overrides?: MappingOverride[];
  declared?: DeclaredTable[];
  /** Sheets to leave alone, in addition to DEFAULT_SKIP_SHEETS. */
  skipSheets?: string[];
  /** Filled with the number of cells and rows visited, so tests can prove work follows content. */
  stats?: { cells: number; rows: number };
}

/** Sheets the product itself writes (SPEC §6, §7); they are never user tables. */
export const DEFAULT_SKIP_SHEETS = ["设置", "通知台账", "校验报告", "操作日志"];

/** Headers are only looked for in this many non-empty rows at the top of a block. */
const HEADER_SCAN_ROWS = 30;
/** A table ends after this many blank rows in a row. */
const BLANK_RUN_END = 5;
/** Widest merge we expand across header columns; a title merged over A:XFD is not a header group. */
const MAX_MERGE_SPAN = 256;

// ---------------------------------------------------------------------------
// Header text

const UNIT_SCALE: Record<string, number> = {
  万元: 10000,
  万: 10000,
  万元人民币: 10000,
  人民币万元: 10000,
  RMB万元: 10000,
  千元: 1000,
  百万元: 1000000,
  亿元: 100000000,
};
const UNITS = new Set([
  ...Object.keys(UNIT_SCALE),
  "元",
  "人民币元",
  "元人民币",
  "RMB",
  "%",
  "天",
  "日",
  "工作日",
  "人天",
  "月",
  "年",
  "小时",
  "WORKDAYS",
  "WORKINGDAYS",
  "DAYS",
  "H",
  "HRS",
  "HOURS",
  "HOUR",
  "时",
  "人",
  "个",
  "次",
]);

const CN_DIGITS = "一二三四五六七八九";

function digit(ch: string): number {
  const i = CN_DIGITS.indexOf(ch);
  return i >= 0 ? i + 1 : Number(ch);
}

const TRAILING_BRACKET = /^(.*[^([])[([]([^()[\]]*)[)\]]$/;
/** Whose date a header names, when written in brackets: the plan's (计划, 予定) or what happened (实际, 実績). */
const QUALIFIER = "预计|计划|实际|预期|予定|実績";
const INNER_QUALIFIER = new RegExp(`^([^([]+)[([](${QUALIFIER})[)\\]]([^()[\\]]+)$`);
/** The same qualifier after the header (`開始日(実績)`, `完成时间（实际）`). */
const TRAILING_QUALIFIER = new RegExp(`^([^([]+)[([](${QUALIFIER})[)\\]]$`);

/** Latin letters' accents (Número, Fecha de suscripción, Início): typed or left out alike. */
function withoutAccents(s: string): string {
  return /[\u00C0-\u024F]/.test(s)
    ? s
        .normalize("NFD")
        .replace(/[\u0300-\u036F]/g, "")
        .normalize("NFC")
    : s;
}

/**
 * Header text → comparison key: spaces, line breaks and full/half-width differences
 * dropped, ASCII upper-cased, a leading/trailing required-marker `*` removed and a
 * trailing bracket dropped. A unit in that bracket is returned; `（1）` keeps its number
 * (`约定收款日期（1）` → `约定收款日期1`).
 */
export function normaliseHeader(text: string): { key: string; unit?: string } {
  let key = withoutAccents(simplifiedHeader(compact(text)))
    // A word typed twice over (预计完成完成时间) reads as written once.
    .replace(/([\u4e00-\u9fff]{2})\1/g, "$1")
    .toUpperCase()
    .replace(/^[*※★]+|[*※★]+$/g, "")
    // A form's label colon (`Assigned To:`), a count's `#` (`#Working Days`) and a German gender ending
    // (`Verantwortliche*r`, `Bearbeiter:in`) say nothing of the field.
    .replace(/(?<=[A-Z)]):$/, "")
    .replace(/^#(?=[A-Z])/, "")
    .replace(/(?<=[A-Z])[*:](?:R|IN|INNEN)$/, "")
    // A system export's field names (contract_no, sign_date) read as the words they join.
    .replace(/([A-Z])_(?=[A-Z])/g, "$1");
  // A qualifier in brackets inside the header reads as written in front (`完成（预计）时间` → `预计完成时间`).
  const q = INNER_QUALIFIER.exec(key);
  if (q) key = q[2] + q[1] + q[3];
  const t = TRAILING_QUALIFIER.exec(key);
  if (t) key = t[2] + t[1];
  let unit: string | undefined;
  for (let i = 0; i < 2; i++) {
    const m = TRAILING_BRACKET.exec(key);
    if (!m) break;
    key = m[1];
    // A unit written after a slash (`用时(/天)`) is the unit.
    const inner = m[2].replace(/^[/／]/, "");
    const n = /^第?([1-9一二三四五六七八九])[次期笔批]?$/.exec(inner);
    if (n) key += String(digit(n[1]));
    else if (UNITS.has(inner) && unit === undefined) unit = inner;
  }
  // A unit written after a slash (`金额/元`, `合同金额/万元`, `工期/天`): money and days only, so two
  // words for one column (`负责人/参与人`) stay whole.
  const slash = /^(.+[^/\\])[/\\](元|人民币元|元人民币|天|日|工作日|万元|万|千元|百万元|亿元)$/.exec(key);
  if (slash && unit === undefined) {
    key = slash[1];
    unit = slash[2];
  }
  // A required-marker before the unit (`DURATION* (WORK DAYS)`).
  key = key.replace(/[*※★]+$/, "");
  // A unit written out after the name (`DURATION in days`, `Duration in working days`).
  const spelled = /^(.+?)IN(WORKING|WORK)?DAYS$/.exec(key);
  if (spelled && /[A-Z]$/.test(spelled[1])) {
    key = spelled[1];
    unit ??= spelled[2] ? "WORKDAYS" : "DAYS";
  }
  return unit === undefined ? { key } : { key, unit };
}

/** `约定收款日期1`, `约定收款日期-1`, `约定收款日期一`, `第1次约定收款日期` → base and n. */
function splitNumber(key: string): { base: string; n: number } | undefined {
  let m = /^(.+?)[-_#.]?([1-9])$/.exec(key) ?? /^(.+?)([一二三四五六七八九])$/.exec(key);
  if (m) return { base: m[1], n: digit(m[2]) };
  m = /^第([1-9一二三四五六七八九])[次期笔批个]?(.+)$/.exec(key) ?? /^([1-9])[次期笔批](.+)$/.exec(key);
  if (m) return { base: m[2], n: digit(m[1]) };
  return undefined;
}

/** A short group label over a two-row header (`约定收款1`, `第2期`, `收款节点3`) → its number. */
function groupLabel(key: string): { base: string; n: number } | undefined {
  if (key.length > 10) return undefined;
  const m = /^第([1-9一二三四五六七八九])[次期笔批个]?(.*)$/.exec(key) ?? /^(.*?)[-_#]?([1-9])$/.exec(key);
  if (!m) return undefined;
  return key.startsWith("第") ? { base: m[2], n: digit(m[1]) } : { base: m[1], n: digit(m[2]) };
}

interface Lookup {
  exact: Map<string, FieldDef>;
  numbered: Map<string, FieldDef>;
  /** Keys too generic to count as evidence for the kind (FieldDef.weak). */
  weak: Set<string>;
  /** Keys that give way to another header of their field (FieldDef.yields). */
  yields: Set<string>;
}

const LOOKUP = {} as Record<Kind, Lookup>;
/** Every key any kind knows: a cheap test of whether a row may be a header. */
const KNOWN_KEYS = new Set<string>();
const NUMBERED_BASES = new Set<string>();
for (const kind of KINDS) {
  const l: Lookup = { exact: new Map(), numbered: new Map(), weak: new Set(), yields: new Set() };
  for (const f of KIND_DEFS[kind].fields) {
    for (const h of f.weak ?? []) l.weak.add(normaliseHeader(h).key);
    for (const h of f.yields ?? []) l.yields.add(normaliseHeader(h).key);
    for (const h of f.headers) {
      const { key } = normaliseHeader(h);
      if (!l.exact.has(key)) l.exact.set(key, f);
      if (f.numbered && !l.numbered.has(key)) l.numbered.set(key, f);
      KNOWN_KEYS.add(key);
      if (f.numbered) NUMBERED_BASES.add(key);
    }
  }
  LOOKUP[kind] = l;
}

function isKnownKey(key: string): boolean {
  if (KNOWN_KEYS.has(key)) return true;
  const s = splitNumber(key);
  return s !== undefined && NUMBERED_BASES.has(s.base);
}

interface FieldHit {
  field: string;
  n?: number;
  /** Matched by a header too generic to count as evidence (名称, 金额, 开始时间). */
  weak?: boolean;
  /** Matched by a header that gives way to another of its field's (合同ID beside 合同编号). */
  yields?: boolean;
}

/** Whose person it is, in front of 负责人 (正念负责人, 甲方负责人, 新干线责任人): the owner, generically. */
const PARTY_OWNER = /^[^/\\、|]{1,6}(负责人|责任人)$/;

function lookupKey(kind: Kind, key: string): FieldHit | undefined {
  const l = LOOKUP[kind];
  const f = l.exact.get(key);
  if (f) {
    if (l.weak.has(key)) return { field: f.field, weak: true };
    return l.yields.has(key) ? { field: f.field, yields: true } : { field: f.field };
  }
  if (PARTY_OWNER.test(key) && KIND_DEFS[kind].fields.some((d) => d.field === "owner"))
    return { field: "owner", weak: true };
  // A ledger's own prefix before a known header (THT合同编号, CHT签订日期).
  const prefixed = /^[A-Z]{2,4}([^A-Z].*)$/.exec(key);
  if (prefixed) {
    const p = l.exact.get(prefixed[1]);
    if (p && !l.weak.has(prefixed[1])) return { field: p.field };
  }
  const s = splitNumber(key);
  if (s) {
    const nf = l.numbered.get(s.base);
    if (nf) return { field: nf.field, n: s.n };
  }
  if (QUALIFIED_CONTRACT_NO.test(key) && KIND_DEFS[kind].fields.some((d) => d.field === "contractNo"))
    return { field: "contractNo" };
  const party = partyContract(l, key);
  if (party) return party;
  if (kind === "schedule") {
    const planned = qualifiedDate(key);
    if (planned) return { field: planned };
    const stage = stageDate(key);
    if (stage) return { field: stage, weak: true };
    // A plan's line named as an event or a matter (管理事件, 议定事项): the task, generically.
    if (WHAT_TAIL.test(key)) return { field: "task", weak: true };
  }
  // The contract's value however qualified in between (Valor total inicial del contrato, Valor final
  // do contrato, Monto adjudicado del contrato).
  if (kind === "contracts" && CONTRACT_VALUE.test(key)) return { field: "amount" };
  // A character typed twice (本次收款款金额): the header as meant, when that one is known.
  const once = key.replace(/([\u4e00-\u9fff])\1/g, "$1");
  if (once !== key && l.exact.has(once)) return lookupKey(kind, once);
  // A point in time for a time (开始时间点, 预计结束时间点): the time's header.
  if (key.endsWith("时间点") && l.exact.has(key.slice(0, -1))) return lookupKey(kind, key.slice(0, -1));
  return slashed(kind, key);
}

/**
 * A contract's own header with whose contract it is in front (东恒-铁通合同编号, A合同签订时间,
 * 业主合同总金额): a lease or subcontract ledger keeps one column per party. The field of the header
 * from 合同 on, when that header is the kind's and specific; an employee's labour contract is no
 * ledger's. Who the party is cannot be told from the words, so a name or an amount so qualified is
 * only a generic hit.
 */
function partyContract(l: Lookup, key: string): FieldHit | undefined {
  const at = key.indexOf("合同");
  if (at <= 0 || !PARTY.test(key.slice(0, at))) return undefined;
  const tail = key.slice(at);
  const f = l.exact.get(tail);
  if (!f || tail.length < 4 || l.weak.has(tail) || l.yields.has(tail)) return undefined;
  // Its number and its day say a ledger; a name or an amount qualified so may be any list's about
  // contracts (a supplier list's 承接项目合同名称 | 承接项目合同金额).
  return PARTY_WEAK.has(f.field) ? { field: f.field, weak: true } : { field: f.field };
}

const PARTY_WEAK = new Set(["contractName", "amount"]);

/** Whose contract: a party's short name or two joined by a dash (东恒-铁通), or a letter (A, B). */
const PARTY = /^(?!劳动)(?:[A-Z]{1,2}|[\u4e00-\u9fff]{1,4}(?:[-—–][\u4e00-\u9fff]{1,4})?)$/;

/**
 * What a plan's line is, named as an event or a matter (管理事件, 议定事项, 培训事项); not a remark's. A
 * bare …内容 is not enough: a maintenance log's 检修内容 or a weekly log's 工作内容 is no plan's.
 */
const WHAT_TAIL = /^(?!备注|说明|问题|风险|合同|付款|收款|回款)[\u4e00-\u9fff]{1,4}(?:事件|事项)$/;

/**
 * A date the plan sets, or the one it came to, for an event of the plan's (计划评审日期, 预计上线时间,
 * 实际评审日期): a start where the event is one (计划启动日期), else the date the line is due. Not a
 * date of money or of a contract, which are other tables' (计划付款日期).
 */
function qualifiedDate(key: string): string | undefined {
  const m = /^(计划|预计|预定|拟定|实际)([\u4e00-\u9fff]{1,4})(?:日期|时间)$/.exec(key);
  // Not a date of money or of a contract, nor a time taken (实际持续时间, 预计用时, 计划工作时间).
  // Nor an issue's day to be closed or solved (计划关闭时间), a 问题清单's.
  if (!m || /付|收|款|票|签|账|到货|交货|持续|耗|用|花|需|历|周期|工作|关闭|解决/.test(m[2]))
    return undefined;
  const start = /开始|起|启动|开工|开展|进场/.test(m[2]);
  if (m[1] === "实际") return start ? "actualStart" : "actualEnd";
  return start ? "planStart" : "planEnd";
}

/**
 * A start or an end with the stage or event it belongs to in front (开发开始时间, 启动时间, 交付日期,
 * 上线日期, 终止日期): a plan's start or end, generically — as plain as 开始时间, so it counts only
 * beside a task named specifically. Not a date of money, of a contract or a tender, of a person or
 * of a booking, a lease, a warranty, an exam or a meeting, which are other lists' (收款截止日期,
 * 合同终止日期, 采购计划开始日期, 入职日期, 借阅开始时间, 保修截止日期, 考试开始时间); nor a system's
 * record of a job run or an inspection (执行开始时间, 巡查开始时间, 创建时间).
 */
function stageDate(key: string): "planStart" | "planEnd" | undefined {
  const m =
    /^([\u4e00-\u9fff]{0,4}?)(开始|开工|启动|起始|动工|结束|完成|截止|截至|终止|完工|交付|上线|竣工|交工|提测|发布)(?:日期|时间|日|时间点)$/.exec(
      key,
    );
  if (!m || STAGE_NOT_PLAN.test(m[1])) return undefined;
  return /开始|开工|启动|起始|动工/.test(m[2]) ? "planStart" : "planEnd";
}
const STAGE_NOT_PLAN =
  /付|收|款|票|签|账|货|合同|协议|采购|招|标|执行|运行|巡|检|创建|更新|修改|操作|登|发送|处理|入职|离职|出生|生效|有效|失效|保修|质保|租|借|还|考|会|课|报名|营业|库|关闭|解决|问题|缺陷|活动|比赛|赛|预约|订/;

/** Spanish and Portuguese headers of a contract's value: Valor/Monto/Importe … del/do contrato. */
const CONTRACT_VALUE = /^(?:VALOR|MONTO|IMPORTE)[A-Z]{0,30}D(?:EL|O|E)CONTRATO$/;

/**
 * Two words for one column (`负责人/参与人`, `开始/开工日期`, `前端\后端人员`): the field every part names, when
 * they all name the same one.
 */
function slashed(kind: Kind, key: string): FieldHit | undefined {
  const parts = key.split(/[/\\、|]/);
  if (parts.length < 2) return undefined;
  // One column for two things of the first, written short (合同编码/名称: its number or its name): the
  // field of the first, named in full.
  const first = parts[0] === "" ? undefined : LOOKUP[kind].exact.get(parts[0]);
  if (
    first &&
    !LOOKUP[kind].weak.has(parts[0]) &&
    parts.slice(1).every((p) => p.length >= 2 && p.length < parts[0].length && !LOOKUP[kind].exact.has(p)) &&
    parts.slice(1).every((p) => isKnownKey(parts[0].slice(0, parts[0].length - p.length) + p))
  )
    return { field: first.field };
  let hit: FieldHit | undefined;
  for (const p of parts) {
    const h = p === "" ? undefined : lookupKey(kind, p);
    if (!h || (hit && (hit.field !== h.field || hit.n !== h.n))) return sharedTail(kind, parts);
    if (!hit || (hit.weak && !h.weak)) hit = h;
  }
  return hit;
}

/**
 * Short qualifiers sharing the last part's ending (`前端\后端人员`: 前端人员 and 后端人员): the field
 * that ending names, generically, when the last part is no header of its own.
 */
function sharedTail(kind: Kind, parts: string[]): FieldHit | undefined {
  const last = parts[parts.length - 1];
  if (parts.slice(0, -1).some((p) => p === "" || p.length > 3) || LOOKUP[kind].exact.has(last))
    return undefined;
  for (let i = 1; i + 2 <= last.length; i++) {
    const f = LOOKUP[kind].exact.get(last.slice(i));
    if (f) return { field: f.field, weak: true };
  }
  return undefined;
}

/** Field name as an override may write it: `planEnd`, or `dueDate3` / `dueDate#3` for a payment group. */
function parseFieldName(kind: Kind, name: string): FieldHit | undefined {
  const fields = KIND_DEFS[kind].fields;
  if (fields.some((f) => f.field === name)) return { field: name };
  const m = /^(.+?)#?([1-9])$/.exec(name);
  if (m && fields.some((f) => f.field === m[1] && f.numbered)) return { field: m[1], n: Number(m[2]) };
  return undefined;
}

// ---------------------------------------------------------------------------
// Sheet content

interface PCell {
  c: number;
  v: CellValue;
  /** Trimmed text as shown (numbers as digits). */
  t: string;
}

interface PRow {
  r: number;
  /** Non-blank cells, by column. */
  cells: PCell[];
}

/** Indices present in a sparse array, ascending, without walking its holes. */
function presentIndices(arr: readonly unknown[]): number[] {
  const out: number[] = [];
  // Short rows are cheaper to walk than to list; Object.keys is for the blown-out ones.
  if (arr.length <= 256) {
    for (let i = 0; i < arr.length; i++) if (arr[i] !== undefined) out.push(i);
    return out;
  }
  for (const k of Object.keys(arr)) {
    const i = Number(k);
    if (Number.isInteger(i) && i >= 0) out.push(i);
  }
  return out;
}

function cellText(v: CellValue): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "object") return v.error;
  return String(v);
}

function readRows(sheet: SheetSnapshot, stats: { cells: number; rows: number }): PRow[] {
  const rows: PRow[] = [];
  const hidden = hiddenUnderMerges(sheet);
  for (const ri of presentIndices(sheet.rows)) {
    const row = sheet.rows[ri];
    if (!row) continue;
    stats.rows++;
    const cells: PCell[] = [];
    const covered = hidden.get(ri + 1);
    for (const ci of presentIndices(row)) {
      stats.cells++;
      const cell = row[ci];
      if (!cell) continue;
      if (covered?.some(([a, b]) => ci + 1 >= a && ci + 1 <= b)) continue;
      const t = cellText(cell.value);
      if (t === "") continue;
      cells.push({ c: ci + 1, v: cell.value, t });
    }
    if (cells.length > 0) rows.push({ r: ri + 1, cells });
  }
  return rows;
}

/**
 * Per row, the column spans a merge covers beyond its first cell: Excel shows a merged range's
 * top-left value alone, so a value left in a covered cell (a heading merged across B:Q over a date
 * someone typed in E before merging) is not on the sheet as anyone sees it.
 */
function hiddenUnderMerges(sheet: SheetSnapshot): Map<number, Array<[number, number]>> {
  const out = new Map<number, Array<[number, number]>>();
  const add = (r: number, a: number, b: number) => {
    if (a > b) return;
    const list = out.get(r);
    if (list) list.push([a, b]);
    else out.set(r, [[a, b]]);
  };
  // Bounded, so a merge blown out over a million rows costs no more than reading them would.
  let budget = 1_000_000;
  for (const m of sheet.merges) {
    add(m.r1, m.c1 + 1, m.c2);
    for (let r = m.r1 + 1; r <= Math.min(m.r2, sheet.rows.length) && budget-- > 0; r++) add(r, m.c1, m.c2);
  }
  return out;
}

function cellsIn(row: PRow, c1: number, c2: number): PCell[] {
  return row.cells.filter((x) => x.c >= c1 && x.c <= c2);
}

// ---------------------------------------------------------------------------
// Row classes

const TOTAL = /^(本页|本月|本年|本期|全部)?(合计|小计|总计)/;

/** A row whose first text cell is 合计/小计/总计 (spaces and full-width allowed). */
function isTotalRow(cells: PCell[]): boolean {
  const first = cells.find((x) => typeof x.v === "string");
  return first !== undefined && TOTAL.test(compact(first.t));
}

function isLabel(x: PCell): boolean {
  return typeof x.v === "string" && /[:：]$/.test(x.t);
}

const FOOTER_WORDS =
  /^(制表|填表|填报|编制|审核|审批|复核|批准|经办|核对|签字|签章|盖章|日期|甲方|乙方|负责人|项目经理|注|说明|备注|图例)[^:：]{0,12}[:：]/;

/**
 * Labels only (`甲方负责人（签字）：`), label/value pairs (`制表人：` `张三`), or cells
 * of known footer labels with their values (`制表人：周敏` `审核：吴刚`, `注：本表一式两份`).
 */
function isFooterRow(cells: PCell[]): boolean {
  if (!isLabel(cells[0]) && !isFooterPair(cells[0])) return false;
  let afterLabel = false;
  for (const x of cells) {
    if (isLabel(x)) afterLabel = true;
    else if (isFooterPair(x)) afterLabel = false;
    else if (!afterLabel) return false;
    else afterLabel = false;
  }
  return true;
}

/** A known footer label with its value in the same cell: `制表人：周敏`, `审核：吴刚`. */
function isFooterPair(x: PCell): boolean {
  return typeof x.v === "string" && FOOTER_WORDS.test(compact(x.t));
}

/** A footer that is only a note (注：…, 说明：…, 图例：…): the table may go on below it. */
function isNoteRow(cells: PCell[]): boolean {
  return cells.length === 1 && /^(注|说明|备注|图例)/.test(compact(cells[0].t));
}

/** `项目名称：XX`, one cell holding a short label and its value. */
function isKeyValueCell(x: PCell): boolean {
  return typeof x.v === "string" && /^[^:：]{1,10}[:：]/.test(compact(x.t));
}

/** Title-block lines outside tables: labels, label/value pairs, or cells of `标签：值`. */
function isLabelRow(cells: PCell[]): boolean {
  return isFooterRow(cells) || cells.every((x) => isLabel(x) || isKeyValueCell(x));
}

/**
 * A heading numbered the Chinese way: `一、`, `（二）`, `三`, `第一阶段`, `阶段 2`, `PHASE 3`, a numbered
 * milestone or part (`Milestone 1 - Kickoff`, `Part 2 - Develop`), or a name ending in 阶段.
 */
const SECTION_HEADING =
  /^(?:[一二三四五六七八九十]+(?:[、.．\s]|$)|\[[\d一二三四五六七八九十]+\]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+(?:阶段|部分|章|节|期|批)|(?:阶段|PHASE)[一二三四五六七八九十\d]+(?:$|[:：、.．])|(?:MILESTONE|PART|STAGE)\d+(?:$|[:：、.．\-–—]))|阶段$/i;

/**
 * A section row inside a table (`一、前期准备`, `二 | 系统实施`): text only, nothing in a
 * column that describes a task or contract (owner, dates, amounts…), and either
 * numbered like a heading or merged across columns. It labels the rows below; it
 * is not a row of its own. A task that only has its 序号 and name is still a task.
 */
function isSectionRow(ctx: Ctx, r: number, cells: PCell[], dataCols: Set<number>): boolean {
  // One text merged across three columns or more heads the rows below, whichever column it starts
  // in (a ledger's first column may be its 盖章日期, a plan's its ID).
  if (
    cells.length === 1 &&
    typeof cells[0].v === "string" &&
    mergeEnd(ctx, r, cells[0].c) >= cells[0].c + 2 &&
    !dateLike(cells[0], ctx.date1904)
  )
    return true;
  if (!cells.every((x) => typeof x.v === "string" && !dataCols.has(x.c))) return false;
  if (cells.some((x) => SECTION_HEADING.test(compact(x.t)))) return true;
  return cells.length === 1 && mergeEnd(ctx, r, cells[0].c) > cells[0].c;
}

// ---------------------------------------------------------------------------
// Timeline bands

/**
 * A cell of a Gantt chart's timeline rather than a header or a value: a date or day number, a
 * week (`第 1 周`, `W3`), a weekday (`一`, `周五`, `M`, `Mon`), a month (`3月`, `Sept`), a quarter; a
 * header that merely begins like one (Monto Pagado, Marca, Decision) is none. Such cells
 * head a chart's grid columns and fill the bands under or above a header.
 */
const TIMELINE_TEXT =
  /^(?:第?[\d一二三四五六七八九十]+(?:周|天|日|月|季度?|旬)|W\d+|Q[1-4]|(?:周|星期|礼拜)?[一二三四五六日天]|[MTWFS]|(?:MON(?:DAY)?|TUE(?:S|SDAY)?|WED(?:NESDAY)?|THU(?:R|RS|RSDAY)?|FRI(?:DAY)?|SAT(?:URDAY)?|SUN(?:DAY)?)\.?|(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?|\d{1,2}[/.-]\d{1,2}|\d{4}[/.-]\d{1,2}(?:[/.-]\d{1,2})?|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|[/\\-])$/;

function isTimelineText(t: string): boolean {
  const k = compact(t).toUpperCase();
  return /^\d+(\.\d+)?$/.test(k) || TIMELINE_TEXT.test(k);
}

/**
 * A number too long to be a day, a week, a year or a date serial (20250726001): an identifier
 * such as a contract number, naming its row.
 */
function isIdentifier(x: PCell): boolean {
  return /^\d{6,}$/.test(typeof x.v === "number" ? String(x.v) : compact(x.t));
}
function isTimelineCell(x: PCell): boolean {
  return typeof x.v === "number" || (typeof x.v === "string" && isTimelineText(x.t));
}

// ---------------------------------------------------------------------------
// Header rows

interface HeaderCol {
  c: number;
  /** Last column the header covers (a merged header cell spans several). */
  end: number;
  header: string;
  /** Candidate keys, best first. */
  keys: string[];
  unit?: string;
  /** Under a two-row header: the top row's text over this column (a group or phase name). */
  top?: string;
}

interface Ctx {
  sheet: SheetSnapshot;
  rows: PRow[];
  /** Merges by their first row. */
  mergesByRow: Map<number, Range[]>;
  /** Overrides for this sheet: column → override. */
  overrides: MappingOverride[];
  kindHint?: Kind;
  date1904: boolean;
  declared: DeclaredTable[];
  /** Rows by sheet row number, built when first needed. */
  byRow?: Map<number, PRow>;
  /** The facts of the contract key/value blocks at the top of the sheet (or after the last table). */
  block?: BlockFact[];
}

/** A short code (A119, 8400, WP3): an identifier, no name of work. */
const CODE_ONLY = /^[A-Z]{0,3}\d+[A-Z]?$/i;

/** Whether the cell at (r, c) starts a merge down its one column over rows below (a group's name). */
function mergedDown(ctx: Ctx, r: number, c: number): boolean {
  return (ctx.mergesByRow.get(r) ?? []).some((m) => m.c1 === c && m.c2 === c && m.r2 > r);
}

function mergeEnd(ctx: Ctx, r: number, c: number): number {
  for (const m of ctx.mergesByRow.get(r) ?? []) {
    if (m.c1 === c && m.c2 - m.c1 <= MAX_MERGE_SPAN) return m.c2;
  }
  return c;
}

/**
 * A header row written as a form's labels, every cell ending with a colon (`Número de Contrato: |
 * Fecha del Contrato: | …`): the colons are no part of the names. A row of labels and values side by
 * side (`Contract No.: | HT-01 | Signed: | 2026-03-01`) is a key/value block, and Chinese labels
 * (`合同编号：`) keep theirs.
 */
function formLabels(row: PRow): boolean {
  return (
    row.cells.length >= 3 &&
    row.cells.every((x) => typeof x.v === "string" && /[:：]$/.test(x.t) && !/[\u4e00-\u9fff]/.test(x.t))
  );
}

/**
 * A note written into a header row's cell (a template's instructions for screen readers in column A:
 * `此行包含其后面的项目日程安排的标题。\n从 B6 浏览到 BL6 …`): a sentence over several lines, no header.
 */
function isNoteCell(t: string): boolean {
  return t.length >= 40 && /\n/.test(t.trim());
}

/** A header written in Chinese with an English gloss beside it (`活动 Activities`, `Start Date 开始日期`). */
const GLOSSED =
  /^([^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*?)[\s/]+([A-Za-z][^\u4e00-\u9fff]*)$|^([A-Za-z][^\u4e00-\u9fff]*?)[\s/]+([^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*)$/;

/** A header's keys, best first: the whole header, then each language of a glossed one alone. */
function headerKeys(text: string): { keys: string[]; unit?: string } {
  const { key, unit } = normaliseHeader(text);
  // A unit in brackets at the end belongs to both (`用时 time(/天)`).
  const g = GLOSSED.exec(text.trim().replace(/\s*[(（][^()（）]*[)）]$/, ""));
  if (!g) return { keys: [key], unit };
  const zh = normaliseHeader(g[1] ?? g[4]);
  const en = normaliseHeader(g[2] ?? g[3]);
  return { keys: [key, zh.key, en.key], unit: unit ?? zh.unit ?? en.unit };
}

/**
 * A header row whose labels end in a colon (`任务名称： | 开始日期： | 负责人`) with no value beside any
 * of them: the colons are no part of the names. Beside a value (`合同编号： | HT-01`, `签订日期： |
 * 2026-03-01`) or an empty slot for one, the row is a key/value line and keeps them.
 */
function colonLabels(ctx: Ctx, row: PRow): boolean {
  let labels = 0;
  for (let k = 0; k < row.cells.length; k++) {
    const x = row.cells[k];
    if (typeof x.v !== "string" || !/[:：]$/.test(x.t)) continue;
    labels++;
    const y = row.cells[k + 1];
    if (!y) continue;
    // An empty slot after the label (`签定日期： |  | 合同编号：`): a form waiting for its values.
    if (y.c !== mergeEnd(ctx, row.r, x.c) + 1) return false;
    if (
      (typeof y.v !== "string" || dateLike(y, ctx.date1904) || /\d/.test(y.t)) &&
      !isKnownKey(normaliseHeader(y.t.replace(/\s*[:：]+$/, "")).key)
    )
      return false;
  }
  return labels > 0;
}

function singleHeader(ctx: Ctx, row: PRow): HeaderCol[] {
  const form = formLabels(row) || colonLabels(ctx, row);
  return row.cells
    .filter((x) => !isNoteCell(x.t))
    .map((x) => {
      const { keys, unit } = headerKeys(form ? x.t.replace(/\s*[:：]+$/, "") : x.t);
      return { c: x.c, end: mergeEnd(ctx, row.r, x.c), header: x.t, keys, unit };
    });
}

/** Keys for a column under a two-row header, best first. */
function composeKeys(top: string, bottom: string): { keys: string[]; unit?: string } {
  const joined = normaliseHeader(top + bottom);
  const t = normaliseHeader(top).key;
  const b = normaliseHeader(bottom);
  const keys = [joined.key, b.key + t];
  // 计划时间 over 开始 | 结束: 计划开始时间, 计划结束时间.
  const when = /^(.*?)(时间|日期)$/.exec(t);
  if (when && /^[\u4e00-\u9fff]{1,2}$/.test(b.key)) keys.splice(1, 0, when[1] + b.key + when[2]);
  const g = groupLabel(t);
  if (g) keys.push(g.base + b.key + g.n, b.key + g.n);
  keys.push(b.key);
  return { keys, unit: joined.unit ?? b.unit };
}

function doubleHeader(ctx: Ctx, top: PRow, bottom: PRow): HeaderCol[] {
  const topText = new Map<number, string>();
  for (const x of top.cells) topText.set(x.c, x.t);
  for (const m of ctx.mergesByRow.get(top.r) ?? []) {
    const v = topText.get(m.c1);
    if (v === undefined || m.c2 - m.c1 > MAX_MERGE_SPAN) continue;
    for (let c = m.c1 + 1; c <= m.c2; c++) topText.set(c, v);
  }
  const bottomText = new Map<number, string>();
  for (const x of bottom.cells) bottomText.set(x.c, x.t);
  // A group label written once over the columns it heads, its merge lost (`予定 | ` over `開始日 |
  // 終了日`, `実績 | ` over the same two again, `计划时间 | ` over `开始 | 结束`): it heads the empty
  // cells to its right that the row below labels, up to the next label.
  for (const x of top.cells) {
    if (ctx.mergesByRow.get(top.r)?.some((m) => m.c1 === x.c)) continue;
    if (!bottomText.has(x.c)) continue;
    for (let c = x.c + 1; c <= x.c + MAX_MERGE_SPAN && !topText.has(c) && bottomText.has(c); c++)
      topText.set(c, x.t);
  }
  const cols = [...new Set([...topText.keys(), ...bottomText.keys()])].sort((a, b) => a - b);
  return cols.map((c) => {
    const t = topText.get(c);
    const b = bottomText.get(c);
    if (b === undefined || t === undefined) {
      const only = (b ?? t) as string;
      const { keys, unit } = headerKeys(only);
      return { c, end: c, header: only, keys, unit };
    }
    const { keys, unit } = composeKeys(t, b);
    return { c, end: c, header: t + b, keys, unit, top: t };
  });
}

interface Mapping {
  kind: Kind;
  columns: Record<string, ColumnRef>;
  groups: Map<number, PaymentGroup>;
  unmapped: Array<{ col: number; letter: string; header: string }>;
  score: number;
  valid: boolean;
  missing: number;
  /** Headers that matched a field by a specific name (not a generic one like 名称 or 金额). */
  strong: number;
  /** Fields matched only by a generic header (开始时间, 金额). */
  weakFields: Set<string>;
  /**
   * Recognised on one generic date beside a specific task (工作内容 | 工作时间): the values must
   * show it, most of that column's cells being dates.
   */
  needsDates?: string;
  /** The plan read from one plainly headed column (时间) that must hold date ranges: its column. */
  needsRanges?: number;
  /** The task is a milestone or deliverable column standing for it: its values must name the rows. */
  namesNeeded?: boolean;
  /** The plan's end read from a bare 计划 column: its values must be dates as Excel holds them. */
  barePlan?: boolean;
}

function ref(col: HeaderCol | undefined, c: number): ColumnRef {
  const r: ColumnRef = { col: c, letter: colLetter(c), header: col?.header ?? "" };
  if (col?.unit) {
    r.unit = col.unit;
    const s = UNIT_SCALE[col.unit];
    if (s) r.scale = s;
  }
  return r;
}

/**
 * The small core a kind is recognised by (KindDef.core): any one of its field sets, all mapped.
 * Fields the standard needs beyond the core (负责人, 约定交货期 …) are reported as missing
 * columns, not held against the table.
 */
/** Optional fields too generic to count as evidence for a kind. */
const GENERIC = new Set(["wbs", "note", "taskId", "parent"]);

/**
 * Whether the mapped columns hold one of the kind's core field sets. A generic header (名称,
 * 金额, 开始时间) may stand in a schedule's core beside a specific one; in a contract or payment
 * core every field must be named specifically, or an invoice list's 合同编号 | 金额 would do —
 * except the fields `plain` lets stand (plainFields: what else in the header names them).
 */
function hasCore(
  kind: Kind,
  columns: Record<string, ColumnRef>,
  groups: Map<number, PaymentGroup>,
  weak: ReadonlySet<string>,
  given?: ReadonlySet<string>,
  plain?: ReadonlySet<string>,
): boolean {
  return KIND_DEFS[kind].core.some((set) => {
    const fields = set.filter((f) => f !== "@groups");
    if (set.includes("@groups") && groups.size === 0) return false;
    if (!fields.every((f) => columns[f] !== undefined || given?.has(f))) return false;
    const strong = fields.filter((f) => !weak.has(f) || plain?.has(f)).length;
    return kind === "schedule" ? strong >= 1 : strong === fields.length;
  });
}

const DESCRIPTION_KEY = normaliseHeader("Description").key;

/** Headers naming the pieces a task is broken into (Subtask, 子任务, 细分任务). */
const SUBTASK_KEYS = new Set(
  ["Subtask", "Sub-task", "Subtasks", "子任务", "细分任务", "子项任务"].map((h) => normaliseHeader(h).key),
);

/** 项目名称 as a plan's task: each row a whole project (a list of projects with their planned ends). */
const PROJECT_NAME_KEY = normaliseHeader("项目名称").key;

/** A header naming an employee (员工姓名, 员工类型, 工号, 身份证号, 入职日期): a personnel record. */
const STAFF_KEY = /员工|职工|工号|身份证|入职|离职/;

/** A line number of an order or document (行号, 订单行号, Line No): one row per line item. */
const ORDER_LINE = /^(订单|单据|采购)?行号$|^LINE(NO\.?|NUMBER)?$/;
/** Material lines (物料名称, 物料编码): goods ordered, not contracts. */
const MATERIAL = /物料/;
/** A line of goods by its name or code, unit price and quantity (商品名称 | 采购单价 | 申请数量). */
const GOODS = /^(?:商品|物料|产品|货品|存货)(?:名称|编码|编号|代码)$/;
const UNIT_PRICE = /单价$/;
const QUANTITY = /数量$/;

/** A date header saying money came in or went out (实收日期, 到账日期, Date Paid, Fecha de Pago Real). */
const PAID_WORD =
  /实际|实收|实付|已|到账|到款|入账|ACTUAL|RECEIVED|PAID|COLLECT|REAL|ФАКТ|TATSACHLICH|EFFECTIF|実績|実際|실제/;

/** Who paid money in (付款单位, 交款人, 来款单位). */
const PAYER = /^(?:付款|交款|来款|汇款)(?:单位|方|人|客户)$/;
/** Who paid money in, or where it came in (付款单位, 交款人, 收款银行, 到账账户): a list of receipts. */
const RECEIPT_WORD = new RegExp(`${PAYER.source}|^(?:收款|到账)(?:银行|账户|帐户|方式|性质)$`);

/** A receipt's or payment's own number (回款编号, 收款单号): one row per sum that came in or went out. */
const RECEIPT_NO = /^(?:回款|收款|到款|来款|付款)(?:编号|单号|编码|号|ID)$/;

/** A header naming invoices (发票号码, 开票日期, Invoice No): money invoiced, not a contract's or a plan's. */
const INVOICE_KEY = /发票|开票|INVOICE/;

/**
 * Headers of an invoice's number. A list of invoices each with a due date or a date paid, and no
 * contract column (`InvoiceID | InvoiceDate | DueDate | Amount`, 发票号 | 应收日期 | 应收金额), is a
 * receivables list keyed by invoice: the invoice stands for the contract.
 */
/** Headers of a purchase order's number, the key of a register of purchase orders. */
const PURCHASE_ORDER_KEYS = new Set(
  [
    "PO",
    "PO No",
    "PO No.",
    "PO Number",
    "PO #",
    "Purchase Order",
    "Purchase Order No",
    "采购订单号",
    "采购订单编号",
  ].map((h) => normaliseHeader(h).key),
);
/** Chinese words for whom we buy from (供应商, 廠商, 立約商, 承包商). */
const SUPPLIERS_ZH = "供应商|厂商|立约商|承包商";
/** A counterparty header naming a supplier (供应商, Vendor, Supplier): we buy from them. */
const SUPPLIER_KEY = new RegExp(`${SUPPLIERS_ZH}|VENDOR|SUPPLIER`);
/** Whom money goes out to (a supplier, a contractor, a subcontractor): a list naming one is payables. */
const PAYEE = new RegExp(`${SUPPLIERS_ZH}|供货商|分包`);

/** A header naming a sales order or a document an entry comes from (销售订单编号, 来源单号, Order No). */
const ORDER_KEY = /订单|来源|ORDER|^PO(?:NO|NUMBER|#)?\.?$/;

const INVOICE_NO_KEYS = new Set(
  [
    "发票号",
    "发票号码",
    "发票编号",
    "Invoice No",
    "Invoice No.",
    "Invoice Number",
    "Invoice ID",
    "Invoice #",
  ].map((h) => normaliseHeader(h).key),
);

/**
 * Fields of a contract or payment core that may be headed plainly (金额, Amount, 到期日期, Start
 * Date) because the rest of the header says what they are:
 * - a contract named twice specifically — its number and its name, or either and its
 *   counterparty (合同编号 | 合同名称 | 供应商 | 金额) — makes a plain amount or term its own;
 * - a contract number with both ends of a term however headed (Contract No | Start Date | End
 *   Date) is a contract register;
 * - in a payment list, a specific due or received date names the plain amount beside it
 *   (合同编号 | 收款日期 | 金额);
 * - a contract number beside the contract's type (合同编号 | 合同类型 | 总金额) names a plain amount;
 * - in an issue list, a tracker's issue id (Issue ID | Title | Due Date) names the plain title and
 *   due date as the issue's.
 * Never where a column names invoices: 合同编号 | 客户 | 发票号 | 金额 lists money invoiced.
 */
function plainFields(
  kind: Kind,
  columns: Record<string, ColumnRef>,
  weak: ReadonlySet<string>,
  cols: HeaderCol[],
  c1: number,
  c2: number,
): Set<string> | undefined {
  // An issue tracker's own id (Issue ID, Issue Key) says each row is an issue: the plain Title and Due
  // Date beside it are the issue's.
  if (kind === "issues")
    return columns.issueId && !weak.has("issueId") ? new Set(["issue", "issueDue"]) : undefined;
  if (kind !== "contracts" && kind !== "payments") return undefined;
  // …unless the invoice is itself the key of a receivables list (INVOICE_NO_KEYS).
  const byInvoice = kind === "payments" && columns.contractNo?.invoice === true;
  if (!byInvoice && cols.some((x) => x.c >= c1 && x.c <= c2 && x.keys.some((k) => INVOICE_KEY.test(k))))
    return undefined;
  const named = (f: string) => columns[f] !== undefined && !weak.has(f);
  if (kind === "payments") {
    if (!named("contractNo")) return undefined;
    const plain = new Set<string>();
    if (named("dueDate") || named("receivedDate"))
      for (const f of ["dueAmount", "receivedAmount"]) plain.add(f);
    // A specific amount names the plain date beside it (Contract Number | Date | Amount Due).
    if (named("dueAmount") || named("receivedAmount"))
      for (const f of ["dueDate", "receivedDate"]) plain.add(f);
    return plain.size ? plain : undefined;
  }
  const plain = new Set<string>();
  // A ledger keyed by its project (项目名称 | 甲方名称 | 签订日期 | 合同金额): a sign date and a contract
  // amount both named specifically make the plain name the contract's.
  if (named("signDate") && named("amount")) plain.add("contractName");
  // A contract number beside the contract's type or its 合同状态 (合同编号 | 合同类型 | 总金额, 合同编号 | 总款
  // | 合同状态), as a contract system exports its list, names the plain amount as well.
  const contractStatus =
    columns.status !== undefined && normaliseHeader(columns.status.header).key.startsWith("合同");
  if (
    ["contractNo", "contractName", "customer"].filter(named).length >= 2 ||
    (named("contractNo") && (named("contractType") || contractStatus))
  )
    for (const f of ["amount", "termStart", "termEnd", "signDate"]) plain.add(f);
  if (named("contractNo") && columns.termStart && columns.termEnd) {
    plain.add("termStart");
    plain.add("termEnd");
  }
  // A contract number and the start of its term name a plain length beside them (期限, Term).
  if (named("contractNo") && named("termStart")) plain.add("term");
  return plain.size ? plain : undefined;
}

/** The core fields a near miss lacks: those of the core set it comes closest to. */
function coreMissing(kind: Kind, columns: Record<string, ColumnRef>): string[] {
  let best: string[] | undefined;
  for (const set of KIND_DEFS[kind].core) {
    const lack = set.filter((f) => f !== "@groups" && columns[f] === undefined);
    if (set.includes("@groups")) continue;
    if (!best || lack.length < best.length) best = lack;
  }
  return best ?? [];
}

/** Whom a row's work is given to: assigned, or owned (an activity's Owner, Task Owner). */
const ASSIGNED_KEYS = new Set(
  [...ASSIGNED_HEADERS, "Owner", "Task Owner", "Developer"].map((h) => normaliseHeader(h).key),
);
/** Headers naming a row by its name alone (Name, 名称, Title): of anything, not of work to do. */
const PLAIN_NAMES = new Set(
  ["Name", "名称", "Title", "标题", "项目名称", "Nom", "Nombre", "Название", "Nama", "Item"].map(
    (h) => normaliseHeader(h).key,
  ),
);
/** A header naming the rows as tasks (Task ID, 任务ID, タスクID, Parent task). */
const TASK_WORD = /TASK|任务|タスク/;
const PERIOD_KEYS = new Set(PERIOD_HEADERS.map((h) => normaliseHeader(h).key));
const CONTRACT_KEYS = new Set(CONTRACT_KEY_HEADERS.map((h) => normaliseHeader(h).key));
const RANGE_TIME_KEYS = new Set(RANGE_TIME_HEADERS.map((h) => normaliseHeader(h).key));
const RANGE_TASK_KEYS = new Set(RANGE_TASK_HEADERS.map((h) => normaliseHeader(h).key));

function mappedCol(columns: Record<string, ColumnRef>, c: number): boolean {
  return Object.values(columns).some((r) => r.col === c);
}

function mapColumns(ctx: Ctx, kind: Kind, cols: HeaderCol[], c1: number, c2: number): Mapping {
  const columns: Record<string, ColumnRef> = {};
  const groups = new Map<number, PaymentGroup>();
  const unmapped: Mapping["unmapped"] = [];
  const byCol = new Map(cols.map((x) => [x.c, x]));
  const unmap = (c: number) =>
    unmapped.push({ col: c, letter: colLetter(c), header: byCol.get(c)?.header ?? "" });

  const forced = new Map<number, FieldHit | null>();
  for (const o of ctx.overrides) {
    if (o.kind !== undefined && o.kind !== kind) continue;
    const c = colNumber(o.column);
    if (c < c1 || c > c2) continue;
    if (o.field === null) forced.set(c, null);
    else {
      const hit = parseFieldName(kind, o.field);
      if (hit) forced.set(c, hit);
    }
  }

  const taken = (h: FieldHit) =>
    h.n === undefined ? columns[h.field] : groups.get(h.n)?.columns[h.field as GroupField];
  const assign = (h: FieldHit, r: ColumnRef) => {
    if (h.n === undefined) {
      columns[h.field] = r;
      return;
    }
    let g = groups.get(h.n);
    if (!g) groups.set(h.n, (g = { n: h.n, columns: {} }));
    g.columns[h.field as GroupField] = r;
  };
  const release = (h: FieldHit) => {
    if (h.n === undefined) delete columns[h.field];
    else {
      const g = groups.get(h.n);
      if (!g) return;
      delete g.columns[h.field as GroupField];
      if (Object.keys(g.columns).length === 0) groups.delete(h.n);
    }
  };

  // Columns matched by a generic header: a specific header for the same field wins over them
  // (合同名称 over 项目名称), wherever it stands; so does the header a clerk knows over a system's
  // internal id (合同编号 over 合同ID), which is evidence all the same.
  const weakCols = new Map<number, FieldHit>();
  const yieldCols = new Set<number>();
  let strong = 0;
  for (const col of cols) {
    if (col.c < c1 || col.c > c2 || forced.has(col.c)) continue;
    let hit: FieldHit | undefined;
    for (const k of col.keys) {
      hit = lookupKey(kind, k);
      if (hit) break;
    }
    if (!hit) hit = workloadInDays(kind, col.keys[0], col.unit);
    else if (col.unit !== undefined) {
      hit = inDays(kind, hit, col.unit);
      // A plain time taken (用时, 耗时) counted in days by its unit (`用时(天)`) is a plan's days.
      if (hit.weak && hit.field === "duration" && DAY_UNITS.has(col.unit)) hit = { ...hit, weak: false };
    }
    const prev = hit && taken(hit);
    const counted = prev !== undefined && yieldCols.has(prev.col);
    if (hit && prev && !hit.weak && (weakCols.has(prev.col) || (counted && !hit.yields))) {
      weakCols.delete(prev.col);
      yieldCols.delete(prev.col);
      release(hit);
      unmap(prev.col);
    } else if (!hit || prev) {
      unmap(col.c);
      continue;
    }
    assign(hit, ref(col, col.c));
    if (hit.weak) weakCols.set(col.c, hit);
    else {
      if (hit.yields) yieldCols.add(col.c);
      if (!counted && !GENERIC.has(hit.field)) strong++;
    }
  }
  for (const [c, hit] of forced) {
    if (hit === null) {
      unmap(c);
      continue;
    }
    const prev = taken(hit);
    if (prev) {
      release(hit);
      unmap(prev.col);
    }
    assign(hit, ref(byCol.get(c), c));
    strong++;
  }
  unmapped.sort((a, b) => a.col - b.col);
  // Columns only a shape of the sheet gives a field: a free column headed by one of `keys`, and
  // taking a column off the unmapped list once a field claims it.
  const free = (keys: Set<string> | ((key: string) => boolean)) =>
    cols.find(
      (x) =>
        x.c >= c1 &&
        x.c <= c2 &&
        !forced.has(x.c) &&
        (typeof keys === "function" ? keys(x.keys[0]) : keys.has(x.keys[0])) &&
        !mappedCol(columns, x.c),
    );
  const claim = (c: number) => {
    const k = unmapped.findIndex((u) => u.col === c);
    if (k >= 0) unmapped.splice(k, 1);
  };
  // A payment list's plain column of money due is money received when only its partner is named for
  // money received: a plain amount beside a received date (收款日期 | 金额), a plain date beside an
  // amount received (合同编号 | 日期 | 收款金额).
  const asReceived = (due: string, received: string, partner: string, duePartner: string) => {
    const plain = columns[due] && weakCols.get(columns[due].col);
    if (!plain || !columns[partner] || columns[duePartner] || columns[received]) return;
    columns[received] = columns[due];
    delete columns[due];
    plain.field = received;
  };
  if (kind === "payments") {
    asReceived("dueAmount", "receivedAmount", "receivedDate", "dueDate");
    asReceived("dueDate", "receivedDate", "receivedAmount", "dueAmount");
    // A list of money come in by contract, told by who paid it or where it came in (日期 | 付款单位 |
    // 合同编号 | 金额 | 收款银行): its plain date and amount are the day and sum received. A payable's list
    // names the payee (收款单位) instead.
    const keyNamed = columns.contractNo !== undefined && !weakCols.has(columns.contractNo.col);
    if (keyNamed && cols.some((x) => x.c >= c1 && x.c <= c2 && RECEIPT_WORD.test(x.keys[0] ?? ""))) {
      let named = 0;
      for (const [due, got] of [
        ["dueDate", "receivedDate"],
        ["dueAmount", "receivedAmount"],
      ] as const) {
        const plain = columns[due] && weakCols.get(columns[due].col);
        if (!plain || columns[got]) continue;
        weakCols.delete(columns[due].col);
        columns[got] = columns[due];
        delete columns[due];
        named++;
      }
      if (named === 2) strong++;
      // Who paid it is the customer the money came from.
      const payer = free((k) => PAYER.test(k ?? ""));
      if (payer && !columns.customer) {
        columns.customer = ref(payer, payer.c);
        claim(payer.c);
      }
    }
    // A payment date alone beside money both due and paid (合同号 | Payment Date | Unpaid | Paid): the
    // date of the schedule the money falls due by, unless its header says it is when money came in.
    const when = columns.receivedDate;
    if (
      when &&
      !columns.dueDate &&
      columns.dueAmount &&
      columns.receivedAmount &&
      !PAID_WORD.test(normaliseHeader(when.header).key)
    ) {
      columns.dueDate = when;
      delete columns.receivedDate;
      const w = weakCols.get(when.col);
      if (w) w.field = "dueDate";
    }
  }
  // A duration counted in hours: read as days; beside no plan date it is an estimate, no plan. Hours
  // of work (工时) are the task's length only where no planned end says it.
  const dur = columns.duration;
  const durKey = dur && normaliseHeader(dur.header).key;
  if (
    dur &&
    durKey !== undefined &&
    (HOUR_KEYS.has(durKey) || (dur.unit !== undefined && HOUR_UNITS.has(dur.unit)))
  ) {
    if (
      kind === "schedule" &&
      (!(columns.planStart || columns.planEnd) || (columns.planEnd && EFFORT_HOURS.test(durKey)))
    ) {
      delete columns.duration;
      weakCols.delete(dur.col);
      unmap(dur.col);
    } else dur.hours = true;
  }
  // 起止日期: both ends of the plan in one cell.
  const range = columns.planStart;
  if (
    kind === "schedule" &&
    range &&
    !columns.planEnd &&
    RANGE_HEADER.test(normaliseHeader(range.header).key)
  ) {
    range.part = "start";
    columns.planEnd = { ...range, part: "end" };
  }

  let barePlan = false;
  // A bare 计划 beside the task (模块 | 功能 | 计划 | 进度) where no other column names the plan's days:
  // the day each task is planned for, or the days it takes when its values carry their unit (`2天`,
  // daysInDateColumn). Only where nothing else is the plan: a 计划 over 实际 marks a line, not a date.
  if (kind === "schedule" && columns.task && !columns.planStart && !columns.planEnd && !columns.duration) {
    const plan = free(BARE_PLAN_KEYS);
    if (plan) {
      columns.planEnd = ref(plan, plan.c);
      claim(plan.c);
      weakCols.set(plan.c, { field: "planEnd", weak: true });
      barePlan = true;
    }
  }
  // Tasks broken into subtasks in a column of their own (Tasks | Subtask, 任务 | 子任务): the subtask
  // names the row; the task above it is its group, written on its own heading row.
  if (kind === "schedule" && columns.task && !forced.has(columns.task.col)) {
    const sub = free(SUBTASK_KEYS);
    if (sub && sub.c > columns.task.col) {
      unmap(columns.task.col);
      columns.task = ref(sub, sub.c);
      claim(sub.c);
    }
  }
  // A payment list's bare 合同/Contract column holds the contract each payment is for: its key.
  if (kind === "payments" && !columns.contractNo) {
    const key = free(CONTRACT_KEYS);
    if (key) {
      columns.contractNo = ref(key, key.c);
      claim(key.c);
      strong++;
    }
  }
  // Nothing naming a contract, but a purchase order's number and the supplier named specifically (PO |
  // Vendor | Amount, 采购订单号 | 供应商名称 | 金额): a register of purchase orders, each a contract with its
  // supplier. A contract register that also lists PO numbers keeps its own key.
  if (
    kind === "contracts" &&
    !columns.contractNo &&
    (!columns.contractName || weakCols.has(columns.contractName.col)) &&
    columns.customer !== undefined &&
    !weakCols.has(columns.customer.col) &&
    SUPPLIER_KEY.test(normaliseHeader(columns.customer.header).key)
  ) {
    const key = free(PURCHASE_ORDER_KEYS);
    if (key) {
      columns.contractNo = ref(key, key.c);
      claim(key.c);
      strong++;
    }
  }
  // No contract column, an invoice number and a date named specifically as due or paid: the invoice is the
  // key. Rows that also name a sales order or a source document (销售订单编号, 来源编号) are an order
  // system's receivables, not a ledger's.
  const namedDate = (f: string) => columns[f] !== undefined && !weakCols.has(columns[f].col);
  if (
    kind === "payments" &&
    !columns.contractNo &&
    (namedDate("dueDate") || namedDate("receivedDate")) &&
    !cols.some((x) => x.c >= c1 && x.c <= c2 && ORDER_KEY.test(x.keys[0]))
  ) {
    const key = free(INVOICE_NO_KEYS);
    if (key) {
      columns.contractNo = { ...ref(key, key.c), invoice: true };
      claim(key.c);
      strong++;
    }
  }
  // Payment rows under a contract's own key/value block: the block gives the contract, and the
  // month a row is for (月份) is when its 当月应收 falls due.
  const given =
    kind === "payments" && !columns.contractNo && blockFor(ctx, c1, c2) ? new Set(["contractNo"]) : undefined;
  if (given && !columns.dueDate) {
    const month = free(PERIOD_KEYS);
    if (month) {
      columns.dueDate = { ...ref(month, month.c), period: "month" };
      claim(month.c);
    }
  }
  // A task (or a plain 内容) and a plain 时间 column: the plan, if that column holds date ranges
  // (plausible() looks).
  let needsRanges: number | undefined;
  if (kind === "schedule" && !columns.planStart && !columns.planEnd && !columns.duration) {
    const when = free(RANGE_TIME_KEYS);
    // Beside a milestone column (时间节点) a header ending in what the rows are (版块与事项) is the
    // task; beside a plain 时间段 only a plain 内容 is (a weekly 个人工作内容 log is no plan).
    const what = columns.task
      ? undefined
      : free(when && isNodeKey(when.keys[0]) ? isWhatKey : RANGE_TASK_KEYS);
    if (when && (columns.task || what)) {
      columns.planStart = { ...ref(when, when.c), part: "start" };
      columns.planEnd = { ...ref(when, when.c), part: "end" };
      claim(when.c);
      if (what) {
        columns.task = ref(what, what.c);
        claim(what.c);
      }
      needsRanges = when.c;
    }
  }
  // A plain 内容 beside both ends of a plan headed in columns of their own (序号 | 内容 | 开始时间 |
  // 结束时间): the task, if most start cells hold dates (plausible() looks); a timetable's times of
  // day or a booking list's hours are no plan.
  let contentTask = false;
  // Or a plain 内容 beside when each is to be done (内容 | 完成时间 | 问题: a to-do list with its
  // dates), if most of that column holds dates; a diary's 日期 | 内容 names no end.
  const dueOnly =
    kind === "schedule" &&
    !columns.task &&
    !columns.planStart &&
    !columns.duration &&
    columns.planEnd !== undefined &&
    weakCols.has(columns.planEnd.col);
  if (
    kind === "schedule" &&
    !columns.task &&
    ((columns.planStart && columns.planEnd && columns.planStart.col !== columns.planEnd.col) || dueOnly)
  ) {
    const what = free(RANGE_TASK_KEYS);
    // A bare Description names what a row is about in any list (a leave record's, a holiday list's):
    // the task only beside a duration as well, as a construction programme has it.
    if (what && (what.keys[0] !== DESCRIPTION_KEY || columns.duration)) {
      columns.task = ref(what, what.c);
      claim(what.c);
      contentTask = true;
    }
  }
  let namesNeeded = false;
  // No task column however found, but the plan's rows named by their milestone or deliverable (里程碑 |
  // 计划完成日期, 交付物 | 负责人 | 交付日期): that column names each row — a plan of milestones. Not a
  // phase's: a phase heads tasks named in a column of their own.
  if (kind === "schedule" && !columns.task) {
    const named = ["milestone", "deliverable"].find((f) => columns[f] && !forced.has(columns[f].col));
    if (named) {
      columns.task = columns[named];
      delete columns[named];
      const w = weakCols.get(columns.task.col);
      if (w) w.field = "task";
      namesNeeded = true;
    }
  }
  const def = KIND_DEFS[kind];
  const missing = def.fields.filter((f) => f.required && !columns[f.field] && !given?.has(f.field)).length;
  let groupCols = 0;
  for (const g of groups.values()) groupCols += Object.keys(g.columns).length;
  // The two ends read from one plain 时间 column are a guess the values must bear out: they add
  // nothing over a header that names its dates (时间 over 开始 | 结束).
  const score = Object.keys(columns).length + groupCols - 2 * missing - (needsRanges !== undefined ? 2 : 0);
  // A false table is worse than a missed one: the kind's core, and at least two headers that
  // name the kind's own fields specifically; a sheet's name is never evidence. An inventory's
  // 名称 | 金额 or a booking list's 名称 | 开始时间 | 结束时间 is no table.
  const weakFields = new Set([...weakCols.values()].map((h) => h.field));
  // A task name and both ends of its plan (任务 | 开始日期 | 结束日期) is a schedule however plainly
  // the dates are headed.
  const planned = ["planStart", "planEnd", "duration"].filter((f) => columns[f]).length;
  const plain = plainFields(kind, columns, weakFields, cols, c1, c2);
  const core = hasCore(kind, columns, groups, weakFields, given, plain);
  // A contract number and both ends of its term (Contract No | Start Date | End Date) is a
  // contract register however plainly the dates are headed, as a task and its plan is a schedule.
  const termed =
    kind === "contracts" && plain?.has("termStart") === true && !!columns.termStart && !!columns.termEnd;
  let valid =
    core && (strong >= 2 || termed || (kind === "schedule" && !weakFields.has("task") && planned >= 2));
  // A task named specifically and one date column headed plainly (工作内容 | 工作时间): a plan when
  // the values say so (plausible() then wants most of the column to be dates).
  let needsDates: string | undefined;
  if (!valid && core && kind === "schedule" && strong === 1 && !weakFields.has("task") && planned === 1) {
    needsDates = ["planStart", "planEnd"].find((f) => columns[f]);
    valid = needsDates !== undefined;
  }
  // A list of projects, each with the day it is planned to finish and who carries it (项目名称 | 计划完成日期
  // | 咨询服务部负责人): a plan of projects, when most of that column holds dates.
  if (!valid && core && kind === "schedule" && strong === 1 && weakFields.has("task") && columns.owner) {
    const named = cols.find((x) => x.c === columns.task?.col)?.keys[0];
    const dated = ["planEnd", "planStart"].find((f) => columns[f] && !weakFields.has(f));
    if (named === PROJECT_NAME_KEY && dated) {
      needsDates = dated;
      valid = true;
    }
  }
  if (contentTask && dueOnly && core) {
    valid = true;
    needsDates = "planEnd";
  }
  if (contentTask && valid) needsDates ??= "planStart";
  if (!valid && needsRanges !== undefined) valid = true;
  // A name with both ends of a plan, however plainly headed: a plan when more says so.
  const bothEnds = kind === "schedule" && columns.task && columns.planStart && columns.planEnd;
  // …the tasks it waits for (name | start | end | dependency); a booking list has no predecessors.
  if (!valid && bothEnds && columns.predecessors && !weakFields.has("predecessors")) valid = true;
  // …or someone it is assigned to (Task ID | Name | Assignee | Start Date | Due Date, Activity |
  // Assigned To | Start | End), when another header names the rows as tasks or the task column is
  // headed by a word for work, and its due dates are there (an export of undated to-dos is no plan);
  // a booking list's or a leave list's people are not assigned, and a list of equipment assigned out
  // by Name names no task.
  if (
    !valid &&
    bothEnds &&
    columns.owner &&
    ASSIGNED_KEYS.has(cols.find((x) => x.c === columns.owner!.col)?.keys[0] ?? "") &&
    (cols.some(
      (x) => x.c >= c1 && x.c <= c2 && x.c !== columns.task!.col && x.keys.some((k) => TASK_WORD.test(k)),
    ) ||
      !PLAIN_NAMES.has(normaliseHeader(columns.task!.header).key))
  ) {
    valid = true;
    needsDates = "planEnd";
  }
  // One row per invoice with the money that came in for it (合同号 | 开票日期 | 发票号 | 回款日期 |
  // 回款金额) and no sign date: a receipt list keyed by contract, not the contract ledger. So is one
  // dated only by when money came in — no sign date, term or delivery date — whose rows are receipts
  // by their own number (回款编号 | 合同编号 | 回款日期 | 回款金额 | 合同金额) or whose amount is no
  // contract's (合同编号 | 来款单位 | 来款时间 | 金额/元).
  if (
    valid &&
    kind === "contracts" &&
    !columns.signDate &&
    columns.receivedDate &&
    (cols.some((x) => x.c >= c1 && x.c <= c2 && x.keys.some((k) => INVOICE_KEY.test(k))) ||
      (!(columns.deliveryDate || columns.termStart || columns.termEnd) &&
        (!columns.amount ||
          weakFields.has("amount") ||
          cols.some((x) => x.c >= c1 && x.c <= c2 && RECEIPT_NO.test(x.keys[0] ?? "")))))
  )
    valid = false;
  // An ERP's order lines (采购订单号 | 行号 | 物料名称 | 订购数量 | 交货日期 | 合同号): one row per item of an
  // order, not a ledger of contracts, however its rows name the contract they fall under.
  if (
    valid &&
    (kind === "contracts" || kind === "payments") &&
    cols.some((x) => x.c >= c1 && x.c <= c2 && ORDER_LINE.test(x.keys[0] ?? "")) &&
    cols.some((x) => x.c >= c1 && x.c <= c2 && MATERIAL.test(x.keys[0] ?? ""))
  )
    valid = false;
  // Goods lines, each with its unit price and quantity, undated and priced plainly (商品编码 | 商品名称 | 采购单价 |
  // 采购合同编号 | 申请数量 | 金额): one row per item bought or sold, not a ledger of contracts, whatever contract
  // each falls under. A sales ledger naming each contract's day and amount beside its goods stays one.
  const has = (re: RegExp) => cols.some((x) => x.c >= c1 && x.c <= c2 && re.test(x.keys[0] ?? ""));
  if (
    valid &&
    (kind === "contracts" || kind === "payments") &&
    !columns.signDate &&
    (!columns.amount || weakFields.has("amount")) &&
    has(GOODS) &&
    has(UNIT_PRICE) &&
    has(QUANTITY)
  )
    valid = false;
  // An employee's labour contracts (员工类型 | 合同编号 | 签订日期, 工号, 身份证号): a personnel file,
  // not a ledger of the contracts the company sells or buys under.
  if (
    valid &&
    kind === "contracts" &&
    cols.some((x) => x.c >= c1 && x.c <= c2 && STAFF_KEY.test(x.keys[0] ?? ""))
  )
    valid = false;
  const m: Mapping = { kind, columns, groups, unmapped, score, valid, missing, strong, weakFields };
  if (needsDates) m.needsDates = needsDates;
  if (namesNeeded) m.namesNeeded = true;
  if (barePlan) m.barePlan = true;
  if (needsRanges !== undefined) m.needsRanges = needsRanges;
  return m;
}

const DAY_UNITS = new Set(["天", "日", "工作日", "人天", "WORKDAYS", "WORKINGDAYS", "DAYS"]);
const WORKLOAD_KEYS = new Set(WORKLOAD_HEADERS.map((h) => normaliseHeader(h).key));
/** Units a header counts hours in (`持续时间（小时）`, `Duration (h)`). */
const HOUR_UNITS = new Set(["小时", "H", "HRS", "HOURS", "HOUR", "时"]);
const HOUR_KEYS = new Set(DURATION_HOURS.map((h) => normaliseHeader(h).key));
/** Hours of work (工时, 工時): effort, the task's length only where nothing else gives its end. */
const EFFORT_HOURS = /工时|工時/;

/** A workload with its day unit written in (`预计MD`, `工作量人天`, `人日`): man-days, the task's days. */
const WORKLOAD_DAYS = /^(?:(?:预计|计划|预期|估计|工作量|工时)+(?:MD|人天|人日)|人天|人日)$/;

/**
 * A date header counted in days (`计划时间（天）`, `完成时间(日)`) heads the kind's duration: the
 * unit says what the column holds.
 */
function inDays(kind: Kind, hit: FieldHit, unit: string): FieldHit {
  if (!DAY_UNITS.has(unit) || hit.n !== undefined) return hit;
  const fields = KIND_DEFS[kind].fields;
  if (fields.find((f) => f.field === hit.field)?.type !== "date") return hit;
  const days = fields.find((f) => f.type === "days");
  return days ? { field: days.field } : hit;
}

/**
 * A workload counted in days (`工作量（人天）`) heads the kind's duration, as a generic header: it
 * maps the column once the kind is recognised, it is no evidence of one.
 */
function workloadInDays(kind: Kind, key: string, unit: string | undefined): FieldHit | undefined {
  const countedInDays = unit !== undefined && DAY_UNITS.has(unit) && WORKLOAD_KEYS.has(key);
  if (!countedInDays && !WORKLOAD_DAYS.test(key)) return undefined;
  const days = KIND_DEFS[kind].fields.find((f) => f.type === "days");
  return days ? { field: days.field, weak: true } : undefined;
}

/** The best valid kind for these header columns. */
function bestKind(ctx: Ctx, cols: HeaderCol[], c1: number, c2: number): Mapping | undefined {
  let best: Mapping | undefined;
  for (const kind of KINDS) {
    const m = mapColumns(ctx, kind, cols, c1, c2);
    if (!m.valid) continue;
    if (
      !best ||
      m.score > best.score ||
      (m.score === best.score &&
        (m.missing < best.missing || (m.missing === best.missing && ctx.kindHint === kind)))
    ) {
      best = m;
    }
  }
  return best;
}

interface Found {
  mapping: Mapping;
  c1: number;
  c2: number;
  cols: HeaderCol[];
}

interface HeaderEval {
  found: Found[];
  score: number;
}

/**
 * Split header columns at empty columns and rejoin the pieces that do not stand
 * as a table of their own, so side-by-side tables come apart but a header with
 * a hole does not.
 */
function evalHeader(ctx: Ctx, all: HeaderCol[]): HeaderEval {
  // A chart's grid columns (headed by dates, weeks, weekdays) are not columns of the table.
  const cols = all.filter((x) => !isTimelineText(x.header));
  if (cols.length < 2) return { found: [], score: 0 };
  const segs: Array<{ c1: number; c2: number }> = [];
  for (const x of cols) {
    const last = segs[segs.length - 1];
    if (last && x.c <= last.c2 + 1) last.c2 = Math.max(last.c2, x.end);
    else segs.push({ c1: x.c, c2: x.end });
  }
  const evalSeg = (c1: number, c2: number) => bestKind(ctx, cols, c1, c2);
  const found: Found[] = [];
  let cur = segs[0];
  let curM = evalSeg(cur.c1, cur.c2);
  for (const seg of segs.slice(1)) {
    const segM = evalSeg(seg.c1, seg.c2);
    const joinedM = evalSeg(cur.c1, seg.c2);
    if (curM && segM && !(joinedM && joinedM.score > curM.score + segM.score)) {
      found.push({ mapping: curM, c1: cur.c1, c2: cur.c2, cols });
      cur = seg;
      curM = segM;
    } else if (!curM && segM && !(joinedM && joinedM.score > segM.score)) {
      cur = seg;
      curM = segM;
    } else if (joinedM && (!curM || joinedM.score > curM.score)) {
      cur = { c1: cur.c1, c2: seg.c2 };
      curM = joinedM;
    }
  }
  if (curM) found.push({ mapping: curM, c1: cur.c1, c2: cur.c2, cols });
  return { found, score: found.reduce((s, f) => s + f.mapping.score, 0) };
}

/** Cheap test before headerAt inside a data region: a header is mostly text with two known headers. */
function mayBeHeader(row: PRow): boolean {
  let strings = 0;
  for (const x of row.cells) if (typeof x.v === "string") strings++;
  if (strings < 2 || strings < row.cells.length - strings) return false;
  let n = 0;
  for (const x of row.cells) {
    if (typeof x.v === "string" && isKnownKey(normaliseHeader(x.t).key) && ++n >= 2) return true;
  }
  return false;
}

/** A line of units under a header: `（万元）`, `(天)`, `%`. */
function isUnitRow(row: PRow): boolean {
  return row.cells.every(
    (x) =>
      typeof x.v === "string" &&
      UNITS.has(
        compact(x.t)
          .toUpperCase()
          .replace(/^[([]|[)\]]$/g, ""),
      ),
  );
}

interface HeaderHit {
  found: Found[];
  /** Index in ctx.rows of the last header row. */
  idx: number;
  headerRows: 1 | 2;
}

/**
 * The row under a header row is a band it is merged down over: some header cell's merge covers it,
 * and under the header's columns it holds nothing but timeline cells (day or week numbers).
 */
function bandUnder(ctx: Ctx, row: PRow, next: PRow): boolean {
  if (!(ctx.mergesByRow.get(row.r) ?? []).some((m) => m.r2 >= next.r)) return false;
  const c2 = Math.max(...row.cells.map((x) => mergeEnd(ctx, row.r, x.c)));
  const c1 = Math.min(...row.cells.map((x) => x.c));
  return next.cells.every((x) => x.c < c1 || x.c > c2 || isTimelineText(x.t));
}

/**
 * A heading of the rows below it (`一、准备阶段`, or one text merged across columns), written right
 * under the header: one cell, no second header line, whatever its words (阶段 is also a header word).
 */
function isHeadingLine(ctx: Ctx, row: PRow): boolean {
  if (row.cells.length !== 1 || typeof row.cells[0].v !== "string" || isUnitRow(row)) return false;
  const x = row.cells[0];
  return SECTION_HEADING.test(compact(x.t)) || mergeEnd(ctx, row.r, x.c) >= x.c + 2;
}

/** A header starting at rows[i] (one row, or two rows with rows[i] on top). */
function headerAt(ctx: Ctx, i: number): HeaderHit | undefined {
  const row = ctx.rows[i];
  if (row.cells.length < 2) return undefined;
  const s1 = evalHeader(ctx, singleHeader(ctx, row));
  const next = ctx.rows[i + 1];
  if (next && next.r === row.r + 1 && !isHeadingLine(ctx, next)) {
    const d = evalHeader(ctx, doubleHeader(ctx, row, next));
    if (d.found.length > 0 && d.score >= s1.score && isUnitRow(next)) {
      return { found: d.found, idx: i + 1, headerRows: 2 };
    }
    if (d.found.length > 0 && d.score > s1.score) {
      const s2 = evalHeader(ctx, singleHeader(ctx, next));
      // The top row must add something, or it is a title or key/value line above a one-row header.
      if (d.score > s2.score) return { found: d.found, idx: i + 1, headerRows: 2 };
    }
  }
  // A header merged down over a band of day numbers (`수행 기간` over rows 12-13, `시작일 | 종료일` on
  // row 14, the days 22 23 24 … beside on row 13): the band between is no header row.
  const after = ctx.rows[i + 2];
  if (next && after && next.r === row.r + 1 && after.r === row.r + 2 && bandUnder(ctx, row, next)) {
    const d = evalHeader(ctx, doubleHeader(ctx, row, after));
    if (d.found.length > 0 && d.score > s1.score) {
      const s3 = evalHeader(ctx, singleHeader(ctx, after));
      if (d.score > s3.score) return { found: d.found, idx: i + 2, headerRows: 2 };
    }
  }
  if (s1.found.length > 0) return { found: s1.found, idx: i, headerRows: 1 };
  // A plan whose task column has no header (or the name of the project as its header), under a
  // two-row header: phases across columns, or a sparser second line of labels (大分类 | 小分类).
  if (next && next.r === row.r + 1) {
    const cols = doubleHeader(ctx, row, next);
    const second =
      !isHeadingLine(ctx, next) &&
      next.cells.length < row.cells.length &&
      next.cells.every((x) => typeof x.v === "string" && !dateLike(x, ctx.date1904)) &&
      // Each label sits under a header cell of the top row (大分类 | 小分类 under 项目 merged over both).
      cols.every((x) => x.top !== undefined || !next.cells.some((y) => y.c === x.c));
    const d = phasePairs(cols).length >= 2 || second ? inferTask(ctx, cols, i + 2) : undefined;
    if (d) return { found: [d], idx: i + 1, headerRows: 2 };
  }
  const s = inferTask(ctx, singleHeader(ctx, row), i + 1);
  return s ? { found: [s], idx: i, headerRows: 1 } : undefined;
}

/**
 * Phases across columns under a two-row header (`需求 | 设计 | 开发` over `开始时间 | 结束时间` pairs):
 * each phase's start and end column.
 */
function phasePairs(cols: HeaderCol[]): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  for (let k = 0; k + 1 < cols.length; k++) {
    const a = cols[k];
    const b = cols[k + 1];
    if (b.c !== a.c + 1 || a.keys.length < 2 || b.keys.length < 2) continue;
    const fa = lookupKey("schedule", a.keys[a.keys.length - 1])?.field;
    const fb = lookupKey("schedule", b.keys[b.keys.length - 1])?.field;
    if (fa !== "planStart" || fb !== "planEnd") continue;
    if (a.top === undefined || a.top !== b.top) continue;
    out.push({ name: a.top, start: a.c, end: b.c });
    k++;
  }
  return out;
}

/** Text that names something: not a number, an outline number, a date or a timeline mark. */
function isNameText(x: PCell, date1904: boolean): boolean {
  return (
    typeof x.v === "string" &&
    !/^\d+(\.\d+)*$/.test(x.t) &&
    !isTimelineText(x.t) &&
    parseDate(x.v, { date1904 }).status !== "ok"
  );
}

/** Schedule fields that back a header up as a plan's when its task column is not named. */
const PLAN_EVIDENCE = ["planStart", "planEnd", "duration", "owner", "actualStart", "actualEnd", "progress"];

/**
 * A header naming a plan's dates specifically and one more of its fields (计划开始时间 | 负责人,
 * 计划开始日 | 天数) but no task column: the task is the column just left of the dates holding
 * names in the rows below, whether its header is empty (`| | 计划开始时间`), or the project's own
 * name (`流量计开发 | 起止日期`), or a word no vocabulary has (`接口名`).
 */
function inferTask(ctx: Ctx, all: HeaderCol[], dataIdx: number): Found | undefined {
  const cols = all.filter((x) => !isTimelineText(x.header));
  if (cols.length < 2) return undefined;
  const c2 = Math.max(...cols.map((x) => x.end));
  const m = mapColumns(ctx, "schedule", cols, 1, c2);
  if (m.columns.task) return undefined;
  // A header naming a contract's own facts specifically (甲方名称 | … | 开工日期 | 竣工日期 | 已支付金额):
  // a ledger of contracts or settlements, whose party or address columns are no task.
  if (mapColumns(ctx, "contracts", cols, 1, c2).strong >= 2) return undefined;
  const dated = ["planStart", "planEnd", "duration"].filter((f) => m.columns[f]);
  // The rows below the header, up to a run of blank rows.
  const rows: PRow[] = [];
  for (let k = dataIdx; k < ctx.rows.length && rows.length < 30; k++) {
    const prev = k > dataIdx ? ctx.rows[k - 1].r : ctx.rows[dataIdx - 1].r;
    if (ctx.rows[k].r - prev - 1 >= BLANK_RUN_END) break;
    rows.push(ctx.rows[k]);
  }
  // Every task on two rows, a 计划 row over an 实际 row: plainly headed 开始日期 | 结束日期 are the plan's.
  const paired = m.columns.planStart !== undefined && m.columns.planEnd !== undefined && planActualRows(rows);
  const specific = dated.some((f) => !m.weakFields.has(f));
  // Both ends of the plan, however plainly headed (开始时间 | 结束时间), right beside a column of names
  // with no header at all: the task column, if the dates below are real dates.
  const plainPair =
    !paired &&
    !specific &&
    phasePairs(cols).length < 2 &&
    m.columns.planStart !== undefined &&
    m.columns.planEnd !== undefined;
  if (!paired && !specific && !plainPair && phasePairs(cols).length < 2) return undefined;
  // One plan date column holding ranges (`2024/10/12-2024/10/30`): both ends of the plan, as 起止日期.
  splitRangeColumn(ctx, m.columns, rows);
  const evidence = PLAN_EVIDENCE.filter((f) => m.columns[f]).length;
  const firstDate = Math.min(...dated.map((f) => m.columns[f]!.col));
  const mapped = mappedColumns({ mapping: m, c1: 1, c2, cols });
  // Rows are dated by the first of the plan's dates (a duration before them may be text: `2小时`).
  const ends = ["planStart", "planEnd"].filter((f) => m.columns[f]).map((f) => m.columns[f]!.col);
  const dateCol = ends.length ? Math.min(...ends) : firstDate;
  const dateRows = rows.filter((row) =>
    row.cells.some(
      (x) =>
        x.c === dateCol &&
        (plainPair
          ? dateLike(x, ctx.date1904)
          : typeof x.v === "number" || dateLike(x, ctx.date1904) || /[?？][-~至到]/.test(x.t)),
    ),
  ).length;
  // One date headed as a plan's (`完成（预计）时间`) is evidence enough when the rows below are dated and
  // the names beside it have no header at all (a ledger's 甲方名称 | 开工日期 is no plan).
  const loneDate = evidence < 2;
  if (loneDate && !(specific && dated.length === 1 && dateRows >= 3)) return undefined;
  if (dateRows < 2) return undefined;
  const byCol = new Map(cols.map((x) => [x.c, x]));
  // The task is near the dates; under 计划/实际 rows it may stand further left, past status and hours.
  // A column headed as what the rows are (详细描述, 事项) is taken before a nearer one headed otherwise
  // (工作属性, 期数).
  // Columns mapped to other fields on the way (负责人, 阶段) do not count as distance.
  const near: number[] = [];
  for (let c = firstDate - 1, left = 4; c >= 1 && (paired || left > 0); c--) {
    near.push(c);
    if (!mapped.has(c)) left--;
  }
  const what = near.filter((c) => {
    const h = byCol.get(c);
    return h !== undefined && isWhatHeader(h);
  });
  for (const c of [...what, ...near.filter((c) => !what.includes(c))]) {
    if (mapped.has(c)) continue;
    const h = byCol.get(c);
    if (h && h.keys.some((k) => isKnownKey(k))) continue;
    if (plainPair && ((h && !isBlank(h.header) && !isPlanWordHeader(h)) || c !== firstDate - 1)) continue;
    if (loneDate && h && !isBlank(h.header) && !isWhatHeader(h)) continue;
    if (h && (isThingHeader(h) || PERSON_HEADER.test(h.keys[0] ?? ""))) continue;
    let names = 0;
    let values = 0;
    const seen = new Set<string>();
    for (const row of rows) {
      const x = row.cells.find((y) => y.c === c);
      if (!x) continue;
      values++;
      if (isNameText(x, ctx.date1904)) {
        names++;
        seen.add(compact(x.t));
      }
    }
    const distinct = seen.size;
    if (names < 2 || names * 3 < values * 2 || names * 2 < dateRows) continue;
    // A task column names different tasks; a column of a few words repeated (已交付, 未交付) is a status.
    if (distinct * 2 < names) continue;
    m.columns.task = ref(h, c);
    m.unmapped = m.unmapped.filter((u) => u.col !== c);
    m.valid = true;
    const c1 = Math.min(c, ...cols.map((x) => x.c));
    const withTask = h ? cols : [...cols, { c, end: c, header: "", keys: [""] }].sort((a, b) => a.c - b.c);
    return { mapping: m, c1, c2, cols: withTask };
  }
  return undefined;
}

/** A header naming a person (对接人, 设计师, 联系人员, 客户经理): whose names are no tasks. */
const PERSON_HEADER = /(?:人|人员|师|员|者|姓名|经理|老板)$/;

/**
 * A header naming a type, a level, a state, a code or a thing (盘点类型, 检修级别, 优先级, 方案编码,
 * 计划编号, 主键, 设备名称, 产品规格), or a whole plan (计划名称, 排程名称): its column sorts the rows or
 * says what they are about (equipment to service, a product to make, a plan), never names a task.
 */
function isThingHeader(h: HeaderCol): boolean {
  const k = h.keys[0] ?? "";
  // A plan's or scheme's own name (计划名称, 排程名称): a list of plans, each row a whole plan.
  return (
    /(类型|类别|级别|等级|状态|优先级|方式|ID|主键|编码|编号|设备|产品|规格|型号|物料)/.test(k) ||
    /(计划|排程|方案)名称$/.test(k)
  );
}

/**
 * A header saying only "what" (内容, 描述, 工作内容描述, 事项): beside a plan's one date over dated
 * rows, its column is the task, as an empty header's would be; a party or place (甲方名称, 地点) is not.
 */
function isWhatHeader(h: HeaderCol): boolean {
  return isWhatKey(h.keys[0] ?? "");
}

/**
 * A header naming the work itself (项目进度, 工作计划, 任务, 目标) over a column right of which both ends
 * of a plan stand: the tasks, as an empty header's would be; a booking list's 会议室 or 预订人 is not.
 */
function isPlanWordHeader(h: HeaderCol): boolean {
  return /(进度|计划|任务|工作|事项|内容|目标)/.test(h.keys[0] ?? "");
}

/** A task headed as what is planned or aimed at (计划完成内容, 计划任务, 当日目标, 学习目标). */
const PLANNED_TASK = /^计划(?:完成)?(?:内容|任务|事项)$|目标(?:任务)?$/;

function isWhatKey(k: string): boolean {
  return RANGE_TASK_KEYS.has(k) || /(内容|描述|事项)$/.test(k);
}

/** A plan's milestone column (时间节点, 完成节点): the date each row is due, one date to a cell. */
function isNodeKey(k: string): boolean {
  return /节点$/.test(k);
}

/** A column holding nothing but 计划 and 实际, each at least twice: every task on a plan row and an actual row. */
function planActualRows(rows: PRow[]): boolean {
  const counts = new Map<number, { plan: number; actual: number; other: number }>();
  for (const row of rows) {
    for (const x of row.cells) {
      if (typeof x.v !== "string") continue;
      let n = counts.get(x.c);
      if (!n) counts.set(x.c, (n = { plan: 0, actual: 0, other: 0 }));
      const t = compact(x.t);
      if (t === "计划") n.plan++;
      else if (t === "实际") n.actual++;
      else n.other++;
    }
  }
  return [...counts.values()].some((n) => n.plan >= 2 && n.actual >= 2 && n.other === 0);
}

/**
 * A plan's only date column (计划时间, 预计时间) whose values are mostly ranges written in one cell
 * (`2024/10/12-2024/10/30`) holds both ends of the plan: it is read as start and end, as 起止日期 is.
 */
function splitRangeColumn(ctx: Ctx, columns: Record<string, ColumnRef>, rows: PRow[]): void {
  const one =
    columns.planStart && !columns.planEnd
      ? "planStart"
      : columns.planEnd && !columns.planStart
        ? "planEnd"
        : undefined;
  if (!one) return;
  const r = columns[one];
  let values = 0;
  let ranges = 0;
  for (const row of rows) {
    const x = row.cells.find((y) => y.c === r.col);
    if (!x || isBlank(x.t)) continue;
    values++;
    const p = parseDate(x.v, { date1904: ctx.date1904 });
    if (p.status === "invalid" && p.reason === "date-range") ranges++;
  }
  if (ranges < 2 || ranges * 2 < values) return;
  columns.planStart = { ...r, part: "start" };
  columns.planEnd = { ...r, part: "end" };
}

// ---------------------------------------------------------------------------
// Data region

interface Region {
  /** Timeline bands and filling instructions right under the header: not data. */
  bandRows: number[];
  dataRows: number[];
  totalRows: number[];
  footerRows: number[];
  sectionRows: number[];
  /** A task's second line holding its actual dates, by the task's own row (actualLines). */
  actualRows?: Map<number, number>;
  /** Index in ctx.rows where the outer scan resumes. */
  next: number;
}

/** A row holding nothing but its pre-filled 序号 (`12`, `1.2`), as templates ship, is blank. */
function isNumberingOnly(cells: PCell[], numbering: Set<number>): boolean {
  return (
    numbering.size > 0 &&
    cells.every((x) => numbering.has(x.c) && (typeof x.v === "number" || /^\d+(\.\d+)*$/.test(x.t)))
  );
}

function scanRegion(
  ctx: Ctx,
  start: number,
  c1: number,
  c2: number,
  numbering: Set<number>,
  dataCols: Set<number>,
  anchorCols: Set<number>,
  mappedCols: Set<number>,
  headerText: Map<number, string> = new Map(),
  labelOnly = false,
  underBlock = false,
  dateCols: Set<number> = new Set(),
): Region {
  const { rows } = ctx;
  const bandRows: number[] = [];
  const dataRows: number[] = [];
  const dataIdx: number[] = [];
  const totalRows: number[] = [];
  const footerRows: number[] = [];
  const sectionRows: number[] = [];
  let prev = start > 0 ? rows[start - 1].r : 0;
  // A new table follows a gap, a total, a footer or a title line, never a plain data row.
  let mayStartTable = false;
  // After a signature or 制表人 line the table is over; a 注：/说明： line alone does not end it.
  let closed = false;
  // A heading merged across the row beside its row number (`=ROW()` | `Week 9: Meeting on 21/3 …` over
  // B:H), or beside its group's name merged down over the rows it groups (项目名称 over A2:A12 |
  // `汽修管理（2020-04-07~2020-04-10）` over B:E): a heading once the number, a cell no field reads, or
  // the group's name is set aside.
  const numberedSection = (r: number, cells: PCell[]) => {
    const own = cells.filter(
      (x) =>
        !numbering.has(x.c) && !(typeof x.v === "number" && !dataCols.has(x.c)) && !mergedDown(ctx, r, x.c),
    );
    return own.length > 0 && own.length < cells.length && isSectionRow(ctx, r, own, dataCols);
  };
  let k = start;
  for (; k < rows.length; k++) {
    const row = rows[k];
    if (row.r - prev - 1 >= BLANK_RUN_END) break;
    // The next contract's key/value block on the same sheet (签定日期：…): this contract's rows end.
    if (underBlock && isBlockLine(row)) break;
    // After a gap, labels written left of the table with their values beside them (`市场启动会议： |
    // 2016-08-05`): notes on the sheet below the table, which is over.
    const label =
      dataRows.length > 0 && row.r > prev + 1 ? row.cells.find((x) => x.c < c1 && isLabel(x)) : undefined;
    if (label && row.cells.every((x) => x.c < c1 || x.c <= label.c + 1)) break;
    const cells = cellsIn(row, c1, c2);
    if (cells.length === 0 || isNumberingOnly(cells, numbering) || isUnusedTemplateRow(cells, dataCols)) {
      // A band beside the header (weeks and weekdays over the chart's grid) before any data.
      if (cells.length === 0 && dataRows.length === 0 && k - start < 4 && row.r === prev + 1) {
        bandRows.push(row.r);
        prev = row.r;
        continue;
      }
      mayStartTable = true;
      continue;
    }
    const again = repeatsHeader(cells, headerText);
    // The next table's header (one we recognise, or another table's after an empty row) ends ours.
    if (
      !again &&
      (((mayStartTable || row.r > prev + 1) && mayBeHeader(row) && headerAt(ctx, k)) ||
        otherHeader(ctx, k, c1, c2, dateCols, dataIdx) ||
        namesDates(cells, dateCols))
    ) {
      // Single-cell lines right above the next header are its title, not our data.
      let below = row.r;
      while (dataIdx.length > 0) {
        const above = rows[dataIdx[dataIdx.length - 1]];
        if (above.r !== below - 1 || above.cells.length !== 1 || typeof above.cells[0].v !== "string") break;
        dataIdx.pop();
        dataRows.pop();
        below = above.r;
      }
      break;
    }
    prev = row.r;
    mayStartTable = true;
    if (
      dataRows.length === 0 &&
      k - start < 4 &&
      // A monthly ledger's first rows are all numbers, and still its rows.
      !underBlock &&
      // A row of numbers with a real date under the table's own date column (`1 | 127 | 2026-08-17 |
      // 12`) is a row of a ledger kept in numbers, not a timeline band.
      !holdsDate(ctx, row.r, cells, dateCols) &&
      isBandRow(
        bandCells(ctx, row.r, cells, anchorCols, mappedCols),
        anchorCols,
        dataCols,
        mappedCols,
        headerText,
      )
    ) {
      bandRows.push(row.r);
      continue;
    }
    if (isTotalRow(cells) || isMergedSum(ctx, row.r, cells)) totalRows.push(row.r);
    else if (isFooterRow(cells)) {
      footerRows.push(row.r);
      if (!isNoteRow(cells)) closed = true;
    } else if (closed) break;
    else if (
      isSectionRow(ctx, row.r, cells, dataCols) ||
      isSpareTaskRow(cells) ||
      numberedSection(row.r, cells)
    )
      sectionRows.push(row.r);
    // The header written again further down (a ledger pasted together from pieces, a plan kept in
    // blocks per version): the table goes on, and the one-cell lines right above it (`S9版本`, a
    // note closing the block before) head the block, they are no rows.
    else if (
      cells.filter((x) => typeof x.v === "string" && headerText.get(x.c) === compact(x.t)).length >= 2
    ) {
      bandRows.push(row.r);
      let below = row.r;
      while (dataIdx.length > 0) {
        const above = rows[dataIdx[dataIdx.length - 1]];
        const line = cellsIn(above, c1, c2);
        const heading = line.length <= 2 && line.every((x) => typeof x.v === "string" && !dataCols.has(x.c));
        if (above.r !== below - 1 || !heading) break;
        dataIdx.pop();
        dataRows.pop();
        sectionRows.push(above.r);
        below = above.r;
      }
    }
    // A lone label in a ledger (`补充协议` over the supplements below), or a lone line in a plan outside
    // its task column (`版本描述` under 阶段 before the notes, `2.统一登录验证` continuing the 描述
    // above): no row of its own.
    else if (
      cells.length === 1 &&
      typeof cells[0].v === "string" &&
      !dataCols.has(cells[0].c) &&
      (labelOnly ? !/\d/.test(cells[0].t) : !anchorCols.has(cells[0].c))
    )
      sectionRows.push(row.r);
    // Nothing in any column the table reads (`保留格式，勿删`, `……` under the 序号): a note, not a row.
    else if (!cells.some((x) => mappedCols.has(x.c))) sectionRows.push(row.r);
    // A reserved or kept-for-format line (`583 | 预留`, `保留格式，勿删`), or one label written across
    // the row (`补充协议 | 补充协议 | 补充协议`): not a row of its own.
    else if (isPlaceholderRow(cells, numbering, anchorCols) || isRepeatedLabel(cells, dataCols))
      sectionRows.push(row.r);
    else {
      dataRows.push(row.r);
      dataIdx.push(k);
      mayStartTable = row.cells.length === 1;
    }
  }
  // Lines after the last row holding only numbers, nothing naming a row (a chart's helper
  // values, sums without a 合计 label): not rows.
  while (dataRows.length > 1) {
    const last = rows[dataIdx[dataIdx.length - 1]];
    const cells = cellsIn(last, c1, c2);
    if (cells.some((x) => typeof x.v === "string" || anchorCols.has(x.c))) break;
    if (anchorCols.size === 0) break;
    totalRows.push(last.r);
    dataRows.pop();
    dataIdx.pop();
  }
  // A lone line after a gap at the end (`新版本不同之处` over a list of notes under the plan): a
  // heading of what follows, not a row.
  while (dataRows.length > 1) {
    const last = rows[dataIdx[dataIdx.length - 1]];
    const cells = cellsIn(last, c1, c2);
    if (last.r <= dataRows[dataRows.length - 2] + 1) break;
    if (cells.length !== 1 || typeof cells[0].v !== "string" || dataCols.has(cells[0].c)) break;
    sectionRows.push(last.r);
    dataRows.pop();
    dataIdx.pop();
  }
  // Blocks laid out below the last dated row: a title (`进度管理内容与措施`) over another block's header
  // of plain words, one of them in a date column of ours (`内容 | 计划措施`), and nothing dated after.
  // The table ended at that title.
  const dated = (i: number) => datedRow(ctx, i, c1, c2, dateCols);
  let lastDated = dataIdx.length - 1;
  while (lastDated >= 0 && !dated(dataIdx[lastDated])) lastDated--;
  for (let j = lastDated + 1; lastDated >= 0 && j < dataIdx.length; j++) {
    const k = dataIdx[j];
    const next = cellsIn(rows[k], c1, c2);
    const title = k > 0 && rows[k - 1].r === rows[k].r - 1 ? cellsIn(rows[k - 1], c1, c2) : [];
    const headed =
      next.length >= 2 &&
      next.every((x) => typeof x.v === "string" && !/\d/.test(x.t) && !PLACEHOLDER.test(x.t)) &&
      next.some((x) => dateCols.has(x.c));
    if (title.length !== 1 || typeof title[0].v !== "string" || !headed) continue;
    // The title too, where it was taken for a row.
    const from = j > 0 && dataIdx[j - 1] === k - 1 ? j - 1 : j;
    footerRows.push(...dataRows.splice(from));
    dataIdx.splice(from);
    break;
  }
  // A legend under the last row (`未开始 | 进行中 | 完成` laid across the row): a note, not a row.
  while (dataRows.length > 2) {
    const cells = cellsIn(rows[dataIdx[dataIdx.length - 1]], c1, c2);
    const above = dataIdx.slice(0, -1).map((i) => cellsIn(rows[i], c1, c2));
    if (!isLegendRow(cells, above)) break;
    footerRows.push(dataRows.pop()!);
    dataIdx.pop();
  }
  totalRows.sort((a, b) => a - b);
  sectionRows.sort((a, b) => a - b);
  footerRows.sort((a, b) => a - b);
  return { bandRows, dataRows, totalRows, footerRows, sectionRows, next: k };
}

/**
 * The header of another table after an empty row in a dated table (`序号 | 姓名 | 部门 | 职务` over a
 * staff list below a plan): three or more short labels, no number, date or digit among them and
 * none a value its column holds above, and under it rows with no date in the table's date columns,
 * where most of the table's rows so far had one.
 */
function otherHeader(
  ctx: Ctx,
  k: number,
  c1: number,
  c2: number,
  dateCols: Set<number>,
  dataIdx: number[],
): boolean {
  const { rows } = ctx;
  const cells = cellsIn(rows[k], c1, c2);
  if (cells.length < 3 || dateCols.size === 0 || dataIdx.length === 0) return false;
  // An empty sheet row right above it, or above its one-cell title.
  const gap = (i: number) => i > 0 && rows[i - 1].r < rows[i].r - 1;
  const titled = k > 0 && rows[k - 1].r === rows[k].r - 1 && rows[k - 1].cells.length === 1 && gap(k - 1);
  if (!gap(k) && !titled) return false;
  if (!cells.every((x) => typeof x.v === "string" && x.t.trim().length <= 12 && !/\d/.test(x.t)))
    return false;
  const dated = (i: number) => datedRow(ctx, i, c1, c2, dateCols);
  const under = rows[k + 1];
  if (!under || under.r !== rows[k].r + 1 || cellsIn(under, c1, c2).length < 2) return false;
  for (let i = k + 1; i < Math.min(rows.length, k + 4) && rows[i].r - rows[k].r <= 3; i++)
    if (dated(i)) return false;
  // The rows just above (at most 200, so the cost stays in proportion): mostly dated, and none
  // holding one of the labels in its column (an owner's name, a state written again).
  const recent = dataIdx.slice(-200);
  if (recent.filter(dated).length * 2 <= recent.length) return false;
  const seen = new Set<string>();
  for (const i of recent) for (const x of cellsIn(rows[i], c1, c2)) seen.add(`${x.c} ${compact(x.t)}`);
  return !cells.some((x) => seen.has(`${x.c} ${compact(x.t)}`));
}

/** Whether ctx.rows[i] holds a date in one of `dateCols` (within c1..c2). */
function datedRow(ctx: Ctx, i: number, c1: number, c2: number, dateCols: Set<number>): boolean {
  return cellsIn(ctx.rows[i], c1, c2).some((x) => dateCols.has(x.c) && dateLike(x, ctx.date1904));
}

/**
 * A row of short texts, one under the table's date columns a date header itself (`文档名 | 版本 |
 * 计划日期 | 实际日期` under a plan dated in C and D): the header of another table laid out below,
 * with or without an empty row between. A date column holds no such words.
 */
function namesDates(cells: PCell[], dateCols: Set<number>): boolean {
  if (cells.length < 3 || !cells.every((x) => typeof x.v === "string" && !/\d/.test(x.t))) return false;
  const under = cells.filter((x) => dateCols.has(x.c));
  return under.some((x) => isDateHeader(x.t));
}

/** A header naming a date as such (计划日期, 完成时间), specifically: a plain 完成 is a state as well. */
function isDateHeader(text: string): boolean {
  const { key } = normaliseHeader(text);
  if (!/日期|时间|DATE|TIME/.test(key)) return false;
  return KINDS.some((kind) => {
    const hit = lookupKey(kind, key);
    return (
      hit !== undefined &&
      !hit.weak &&
      KIND_DEFS[kind].fields.find((f) => f.field === hit.field)?.type === "date"
    );
  });
}

/**
 * A legend: texts, most of them (two at least) values that one column of the rows above holds (its
 * states or categories), written side by side across other columns.
 */
function isLegendRow(cells: PCell[], above: PCell[][]): boolean {
  if (cells.length < 2 || !cells.every((x) => typeof x.v === "string")) return false;
  const values = new Map<number, Set<string>>();
  for (const line of above) {
    for (const x of line) {
      if (typeof x.v !== "string") continue;
      let set = values.get(x.c);
      if (!set) values.set(x.c, (set = new Set()));
      set.add(compact(x.t));
    }
  }
  return [...values].some(([c, set]) => {
    const known = cells.filter((x) => x.c !== c && set.has(compact(x.t))).length;
    return known >= 2 && known * 2 > cells.length;
  });
}

/** The table's own header written again: two or more cells, most of the row, as the header has them. */
function repeatsHeader(cells: PCell[], headerText: Map<number, string>): boolean {
  let same = 0;
  for (const x of cells) if (typeof x.v === "string" && headerText.get(x.c) === compact(x.t)) same++;
  return same >= 2 && same * 2 >= cells.length;
}

/**
 * Words a template leaves in a row kept free: 预留, 空白, 保留格式，勿删, 此行需保留; or a dash or slash
 * alone (`4 | | | -`), a spare numbered row struck through.
 */
const PLACEHOLDER =
  /^(?:预留|备用|空白|空行|以下空白|此处空白|待定|待补充|保留格式.*|.*勿删.*|此行.*保留.*|[.…·。]{2,}|[-—–－/／]+)$/;

/** A row of only placeholders and numbering, nothing in the columns naming a row but placeholders. */
function isPlaceholderRow(cells: PCell[], numbering: Set<number>, anchorCols: Set<number>): boolean {
  let words = 0;
  for (const x of cells) {
    if (typeof x.v === "string" && PLACEHOLDER.test(compact(x.t))) words++;
    else if (numbering.has(x.c) || (typeof x.v !== "string" && !anchorCols.has(x.c))) continue;
    else return false;
  }
  return words > 0;
}

/** The same label in two or more cells and nothing else, outside the columns holding dates or amounts. */
function isRepeatedLabel(cells: PCell[], dataCols: Set<number>): boolean {
  if (cells.length < 2) return false;
  const first = compact(cells[0].t);
  return cells.every((x) => typeof x.v === "string" && !dataCols.has(x.c) && compact(x.t) === first);
}

/** Filling instructions under a header (`填写说明：…`, `1.项目合同编号通用命名规则…`). */
const INSTRUCTIONS = /^(填写说明|填表说明|说明|注)[:：]?|规则|请填写|请按|格式为|下拉选择|自动计算|公式/;

/**
 * A row right under the header that belongs to the chart or the form, not to the data: a
 * timeline band (`第 1 周` …, `一 二 三 四 五`, day numbers, dates) with nothing in the row's
 * subject column, more header text under columns the table does not read, or a line of filling
 * instructions.
 */
function isBandRow(
  cells: PCell[],
  anchorCols: Set<number>,
  dataCols: Set<number>,
  mappedCols: Set<number>,
  headerText: Map<number, string>,
): boolean {
  if (cells.some((x) => typeof x.v === "string" && INSTRUCTIONS.test(compact(x.t)))) {
    return cells.every((x) => typeof x.v === "string");
  }
  // Another ledger's headers mirrored under ours (`ZC序号 | / | ZC采购名称`): system-prefixed names.
  if (
    cells.every((x) => typeof x.v === "string") &&
    cells.filter((x) => /^[A-Z]{2,4}[\u4e00-\u9fff]/.test(compact(x.t))).length >=
      Math.max(2, cells.length / 2)
  )
    return true;
  // A header cell merged down over the rows below repeats its text there.
  const repeats = (x: PCell) => typeof x.v === "string" && headerText.get(x.c) === compact(x.t);
  if (cells.some((x) => anchorCols.has(x.c) && (!isTimelineCell(x) || isIdentifier(x)) && !repeats(x)))
    return false;
  // More header cells under columns the table does not read (a three-row header's lower rows).
  if (cells.every((x) => repeats(x) || (typeof x.v === "string" && !mappedCols.has(x.c) && !isBlank(x.t))))
    return true;
  const timeline = cells.filter(isTimelineCell).length;
  return (
    timeline >= Math.max(1, cells.length / 2) && cells.every((x) => isTimelineCell(x) || !dataCols.has(x.c))
  );
}

/**
 * A band row's cells without the first phase's name merged across the task columns at its left
 * (`Analisis` over A:B beside week numbers 1, 2, 3 …): the row is still the timeline band.
 */
function bandCells(
  ctx: Ctx,
  r: number,
  cells: PCell[],
  anchorCols: Set<number>,
  mappedCols: Set<number>,
): PCell[] {
  const rest = cells.filter(
    (x) => !(typeof x.v === "string" && anchorCols.has(x.c) && mergeEnd(ctx, r, x.c) > x.c),
  );
  // The rest lies wholly in columns the table does not read (the chart's grid).
  const inGrid = rest.every((x) => !mappedCols.has(x.c));
  return rest.length < cells.length && rest.length >= 3 && inGrid ? rest : cells;
}

/** Whether a cell under one of `cols` holds a date: a number formatted as one, or text reading as one. */
function holdsDate(ctx: Ctx, r: number, cells: PCell[], cols: Set<number>): boolean {
  return cells.some(
    (x) =>
      cols.has(x.c) &&
      (typeof x.v === "number"
        ? isDateFormat(ctx.sheet.rows[r - 1]?.[x.c - 1]?.numFmt)
        : // A date written as text (2019-08-17, 2019.8.17, 2019年8月17日) is as real a date.
          parseDate(x.v, { date1904: ctx.date1904 }).status === "ok"),
  );
}

/** A template's spare row (`活动 25 | | 0 | 0 | 0`): zeros in every dated or counted column. */
function isUnusedTemplateRow(cells: PCell[], dataCols: Set<number>): boolean {
  const data = cells.filter((x) => dataCols.has(x.c));
  return data.length >= 2 && data.every((x) => x.v === 0);
}

/** A template's numbered stand-in for a task (`任务 26`, `Task 5`, `活动 3`). */
const SPARE_TASK = /^(?:任务|活动|工作|TASK|ACTIVITY)\d+$/i;

/**
 * A Gantt template's spare line: its numbered stand-in name (`任务 26`) and nothing but the counts
 * its formulas fill in (`1` day) — no name of its own, no date.
 */
function isSpareTaskRow(cells: PCell[]): boolean {
  const texts = cells.filter((x) => typeof x.v === "string");
  return (
    texts.length === 1 &&
    SPARE_TASK.test(compact(texts[0].t)) &&
    cells.every((x) => typeof x.v === "string" || (typeof x.v === "number" && Math.abs(x.v) < 1000))
  );
}

/** `单位：万元` written in the lines above a table applies to its money columns without a unit. */
function unitAbove(ctx: Ctx, from: number, topIdx: number): string | undefined {
  for (let j = topIdx - 1; j >= Math.max(from, topIdx - 5); j--) {
    for (const x of ctx.rows[j].cells) {
      if (typeof x.v !== "string") continue;
      const m = /单位[:：]?(万元|千元|亿元|元)/.exec(compact(x.t));
      if (m) return m[1];
    }
  }
  return undefined;
}

function buildTable(ctx: Ctx, f: Found, hit: HeaderHit, region: Region, unit: string | undefined) {
  const headerRow = ctx.rows[hit.idx].r;
  const m = f.mapping;
  if (unit) {
    const money = new Set(KIND_DEFS[m.kind].fields.filter((d) => d.type === "money").map((d) => d.field));
    const apply = (field: string, r: ColumnRef | undefined) => {
      if (!r || r.unit || !money.has(field)) return;
      r.unit = unit;
      const s = UNIT_SCALE[unit];
      if (s) r.scale = s;
    };
    for (const [field, r] of Object.entries(m.columns)) apply(field, r);
    for (const g of m.groups.values()) for (const [field, r] of Object.entries(g.columns)) apply(field, r);
  }
  const lastRow = region.dataRows.length > 0 ? region.dataRows[region.dataRows.length - 1] : headerRow;
  const firstRow = headerRow + 1;
  const used = new Set([
    ...region.bandRows,
    ...region.dataRows,
    ...region.totalRows,
    ...region.footerRows,
    ...region.sectionRows,
    ...(region.actualRows?.keys() ?? []),
  ]);
  const blankRows: number[] = [];
  for (let r = firstRow; r < lastRow; r++) if (!used.has(r)) blankRows.push(r);
  const area: Range = { r1: headerRow - hit.headerRows + 1, c1: f.c1, r2: lastRow, c2: f.c2 };
  const mergedInside = hit.headerRows === 2 || ctx.sheet.merges.some((mg) => overlaps(mg, area));
  const existing = ctx.sheet.tables.find(
    (t) => t.range.r1 >= area.r1 && t.range.r1 <= headerRow && t.range.c1 <= f.c2 && f.c1 <= t.range.c2,
  );
  const table: RecognisedTable = {
    kind: m.kind,
    sheet: ctx.sheet.name,
    headerRow,
    headerRows: hit.headerRows,
    firstRow,
    lastRow,
    firstCol: f.c1,
    lastCol: f.c2,
    columns: m.columns,
    groups: [...m.groups.values()].sort((a, b) => a.n - b.n),
    unmapped: m.unmapped,
    dataRows: region.dataRows,
    blankRows,
    totalRows: region.totalRows,
    footerRows: region.footerRows,
    sectionRows: region.sectionRows,
    bandRows: region.bandRows,
    mergedInside,
  };
  if (region.actualRows?.size) table.actualRows = Object.fromEntries(region.actualRows);
  if (existing) table.existingTable = existing.name;
  const span = m.kind === "schedule" ? taskSpan(ctx, table) : undefined;
  if (span) table.taskSpan = span;
  const phases = hit.headerRows === 2 && m.kind === "schedule" ? tablePhases(f) : undefined;
  if (phases) {
    table.phases = phases;
    const phaseCols = new Set(phases.flatMap((p) => [p.start.col, p.end.col]));
    table.unmapped = table.unmapped.filter((u) => !phaseCols.has(u.col));
  }
  return table;
}

/**
 * The phases of a schedule under a two-row header, when there are two or more and the plan's
 * dates are the first phase's pair (a plan with its own 计划开始 beside a phase block is not one).
 */
function tablePhases(f: Found): PhaseColumns[] | undefined {
  const m = f.mapping;
  const pairs = phasePairs(f.cols.filter((x) => x.c >= f.c1 && x.c <= f.c2));
  if (pairs.length < 2) return undefined;
  if (m.columns.planStart?.col !== pairs[0].start || m.columns.planEnd?.col !== pairs[0].end)
    return undefined;
  const byCol = new Map(f.cols.map((x) => [x.c, x]));
  // A phase column the user mapped to a field of its own (列映射) is that field's, not a phase's.
  const mapped = new Set(Object.values(m.columns).map((r) => r.col));
  const own = pairs.filter((p, i) => i === 0 || !(mapped.has(p.start) || mapped.has(p.end)));
  if (own.length < 2) return undefined;
  return own.map((p, i) => ({
    name: p.name.trim(),
    start: i === 0 ? m.columns.planStart : ref(byCol.get(p.start), p.start),
    end: i === 0 ? m.columns.planEnd : ref(byCol.get(p.end), p.end),
  }));
}

const NUMBERING_KEYS = new Set(["序号", "序", "编号", "NO", "NO.", "行号"]);

function numberingCols(f: Found): Set<number> {
  const out = new Set<number>();
  const wbs = f.mapping.columns.wbs;
  if (wbs) out.add(wbs.col);
  for (const x of f.cols)
    if (x.c >= f.c1 && x.c <= f.c2 && NUMBERING_KEYS.has(x.keys[x.keys.length - 1])) out.add(x.c);
  return out;
}

/** Fields that name a row rather than describe it; a section heading may sit in their columns. */
const LABEL_FIELDS = new Set([
  "wbs",
  "task",
  "phase",
  "contractNo",
  "contractName",
  "customer",
  "node",
  "note",
]);

/** Columns holding what a row is about (owner, dates, amounts…): a section row has nothing there. */
function dataColumns(f: Found): Set<number> {
  const out = new Set<number>();
  for (const [field, r] of Object.entries(f.mapping.columns)) if (!LABEL_FIELDS.has(field)) out.add(r.col);
  for (const g of f.mapping.groups.values()) for (const r of Object.values(g.columns)) if (r) out.add(r.col);
  return out;
}

/** Columns of the kind's dates its rows are dated by (KindDef.coreDates). */
function dateColumns(f: Found): Set<number> {
  const out = new Set<number>();
  for (const field of KIND_DEFS[f.mapping.kind].coreDates) {
    const r = f.mapping.columns[field];
    if (r) out.add(r.col);
  }
  return out;
}

function mappedColumns(f: Found): Set<number> {
  const out = new Set<number>();
  for (const r of Object.values(f.mapping.columns)) out.add(r.col);
  for (const g of f.mapping.groups.values()) for (const r of Object.values(g.columns)) if (r) out.add(r.col);
  return out;
}

/** A label and one amount merged across three or more columns (`项目费用 | 29000` over B:H): a sum, not a row. */
function isMergedSum(ctx: Ctx, r: number, cells: PCell[]): boolean {
  if (cells.length > 2) return false;
  return cells.some((x) => typeof x.v === "number" && mergeEnd(ctx, r, x.c) - x.c >= 2);
}

/** Columns naming what a row is (its task, its contract): a band row has nothing there. */
function anchorColumns(f: Found): Set<number> {
  const out = new Set<number>();
  for (const field of ["task", "contractNo", "contractName"]) {
    const r = f.mapping.columns[field];
    if (r) out.add(r.col);
  }
  // A monthly ledger's rows are named by their month.
  const month = f.mapping.columns.dueDate;
  if (month?.period === "month") out.add(month.col);
  return out;
}

/** A plan's column headed 计划 alone. */
const BARE_PLAN_KEYS = new Set([normaliseHeader("计划").key]);
/** A header naming a plan's two ends in one column. */
const RANGE_HEADER = /^(?:计划)?(?:起止|起讫)(?:日期|时间)$/;

/**
 * A number recognition takes for a date: a serial of these years, or the digits of a real date typed
 * as a number (20160415, as a system's export writes it; values.ts reads them so).
 */
export function dateLikeNumber(v: number): boolean {
  return (
    (v >= 3000 && v < 80000) ||
    (Number.isInteger(v) &&
      v >= 19500101 &&
      v <= 20991231 &&
      parseDate(v, { date1904: false }).status === "ok")
  );
}

/**
 * A serial from 1908 to 2119 or yyyymmdd digits, a month and day typed as a number (`11.24`, a
 * faulty date), or text that reads as a date (or a range of dates).
 */
function dateLike(x: PCell, date1904: boolean): boolean {
  if (typeof x.v === "number") return dateLikeNumber(x.v) || isMonthDayNumber(x.v);
  const p = parseDate(x.v, { date1904 });
  if (p.status === "ok") return true;
  // A range, a month and day with the year left out (`3月24`, `3月31号`), day and month in an
  // order the text does not tell (`5/7/2025`), or a month named with a two-digit year (`19-Sep-24`):
  // dates, if faulty ones.
  return (
    p.status === "invalid" &&
    (p.reason === "date-range" ||
      p.reason === "ambiguous-date" ||
      (p.reason === "two-digit-year" && namesMonth(x.t)) ||
      (p.reason === "partial-date" && MONTH_DAY.test(x.t)))
  );
}

// With a part of the day after it (`6月17日下午`) as a plan kept by the half-day writes it.
const MONTH_DAY = /^\d{1,2}(?:月\d{1,2}[日号]?|\.\d{1,2})(?:上午|下午|中午|晚上|晚间|傍晚|早上|凌晨|晚|早)?$/;

/** Of the first 50 data rows, how many hold a value in column `col` and how many of those pass `test`. */
function sampleColumn(
  ctx: Ctx,
  region: Region,
  col: number,
  test: (x: NonNullable<ReturnType<typeof cellIn>>, r: number) => boolean,
): { values: number; hits: number } {
  let values = 0;
  let hits = 0;
  for (const r of region.dataRows.slice(0, 50)) {
    const x = cellIn(ctx, r, col);
    if (!x || isBlank(x.t)) continue;
    values++;
    if (test(x, r)) hits++;
  }
  return { values, hits };
}

function cellIn(ctx: Ctx, r: number, col: number) {
  return rowIndex(ctx)
    .get(r)
    ?.cells.find((c) => c.c === col);
}

/** The fields a row of the kind is named by: a plan's task, a contract's number or name. */
const NAMING: Partial<Record<Kind, string[]>> = {
  schedule: ["task"],
  contracts: ["contractNo", "contractName"],
  payments: ["contractNo"],
};

/**
 * Whether any row names what it is about: a template's numbered empty rows (`1 | | ID # of task`)
 * or an order-lines export whose 合同号 column was never filled name nothing, and are no table yet.
 */
function namesSomeRow(ctx: Ctx, f: Found, region: Region): boolean {
  const cols = (NAMING[f.mapping.kind] ?? [])
    .map((k) => f.mapping.columns[k]?.col)
    .filter((c): c is number => c !== undefined);
  if (cols.length === 0 || region.dataRows.length === 0) return true;
  for (const r of region.dataRows.slice(0, 200))
    for (const c of cols) {
      const x = cellIn(ctx, r, c);
      if (x && !isBlank(x.t)) return true;
    }
  return false;
}

/**
 * Values back the header up: when the kind's date columns hold values, some of them are dates.
 * A timetable's 开始时间 | 结束时间 of `08:00` is not a plan, whatever its headers say.
 */
function plausible(ctx: Ctx, f: Found, region: Region): boolean {
  if (!namesSomeRow(ctx, f, region)) return false;
  // A milestone column standing for the task names its rows, not numbers them (Milestone 4, 4.6: a
  // status report's references to the plan's milestones); no task column holds numbers alone (a
  // ledger's TASK of cost codes beside its ProjectNumber and CostCenter).
  const task = f.mapping.columns.task;
  if (task && f.mapping.kind === "schedule") {
    let words = 0;
    const { values, hits: names } = sampleColumn(ctx, region, task.col, (x) => {
      const named = isNameText(x, ctx.date1904);
      if (named && !CODE_ONLY.test(compact(x.t))) words++;
      return named;
    });
    if (f.mapping.namesNeeded && (names === 0 || names * 2 < values)) return false;
    if (values >= 3 && words === 0) return false;
  }
  // A bare 计划 holding the plan's day holds numbers formatted as dates, or text read as one (`5月30`).
  // Plain numbers under it are planned amounts (任务 | 计划 | 实际 of 12000 and 9800), however many fall in
  // a serial's range.
  const bare = f.mapping.barePlan ? f.mapping.columns.planEnd : undefined;
  if (bare) {
    const { values, hits } = sampleColumn(ctx, region, bare.col, (x, r) =>
      typeof x.v === "number"
        ? isDateFormat(ctx.sheet.rows[r - 1]?.[x.c - 1]?.numFmt)
        : dateLike(x, ctx.date1904),
    );
    if (hits < 2 || hits * 2 < values) return false;
  }
  if (f.mapping.needsRanges !== undefined) {
    const { values, hits: ranges } = sampleColumn(ctx, region, f.mapping.needsRanges, (x) => {
      const p = parseDate(x.v, { date1904: ctx.date1904 });
      return p.status === "invalid" && p.reason === "date-range";
    });
    if (ranges >= 1 && (ranges >= 2 || ranges === values) && ranges * 2 >= values) return true;
    // Beside a task named specifically (功能 | 时间节点), single dates count as well as ranges; beside
    // a plain 内容 (a diary's), only ranges say it is a plan — or a milestone column's single dates
    // (事项 | 时间节点: each row's due date), which no diary keeps.
    // So do single dates beside what each day or row is planned for (日期 | 星期 | 当日目标, 时间 |
    // 计划完成内容): a diary's 内容 says what was done, a goal what is to be.
    const task = f.mapping.columns.task;
    const node = isNodeKey(normaliseHeader(f.mapping.columns.planEnd?.header ?? "").key);
    if (!task) return false;
    const taskKey = normaliseHeader(task.header).key;
    if (!node && !PLANNED_TASK.test(taskKey) && (isWhatKey(taskKey) || ranges === 0)) return false;
    const { hits: dated } = sampleColumn(ctx, region, f.mapping.needsRanges, (x) =>
      dateLike(x, ctx.date1904),
    );
    return dated >= 3 && dated * 3 >= values * 2;
  }
  const needs = f.mapping.needsDates ? f.mapping.columns[f.mapping.needsDates]?.col : undefined;
  if (needs !== undefined) {
    const { values, hits: dates } = sampleColumn(ctx, region, needs, (x) => dateLike(x, ctx.date1904));
    return dates >= 2 && dates * 2 >= values;
  }
  const dated = KIND_DEFS[f.mapping.kind].coreDates.filter((k) => f.mapping.columns[k]);
  const cols = dated.map((k) => f.mapping.columns[k]!.col);
  if (cols.length === 0) return true;
  // A header alone with its dates headed only plainly (开始时间 | 结束时间, as a timesheet has them):
  // no row below says it is a plan.
  if (
    f.mapping.kind === "schedule" &&
    region.dataRows.length === 0 &&
    dated.every((k) => f.mapping.weakFields.has(k))
  )
    return false;
  const want = new Set(cols);
  let values = 0;
  let dates = 0;
  const byRow = rowIndex(ctx);
  for (const r of region.dataRows.slice(0, 50)) {
    for (const x of byRow.get(r)?.cells ?? []) {
      if (!want.has(x.c) || isBlank(x.t)) continue;
      values++;
      if (dateLike(x, ctx.date1904)) dates++;
    }
  }
  // Dates headed only plainly and never filled in (编号 | 功能 | 说明 | 开始时间 | 结束时间, a requirements
  // list with columns for dates nobody gave): nothing says it is a plan.
  if (
    f.mapping.kind === "schedule" &&
    values === 0 &&
    !f.mapping.columns.duration &&
    dated.every((k) => f.mapping.weakFields.has(k))
  )
    return false;
  if (values < 2 || dates > 0) return true;
  // A plan drawn in periods (start in week 3, 4 weeks long) is still a plan when it has durations.
  const dur = f.mapping.columns.duration?.col;
  return (
    dur !== undefined &&
    region.dataRows
      .slice(0, 50)
      .some((r) => byRow.get(r)?.cells.some((x) => x.c === dur && typeof x.v === "number"))
  );
}

function rowIndex(ctx: Ctx): Map<number, PRow> {
  if (!ctx.byRow) ctx.byRow = new Map(ctx.rows.map((row) => [row.r, row]));
  return ctx.byRow;
}

/**
 * Columns right of the task column with no header, before the next column that has one, that hold
 * text on rows whose task cell is empty: the task names of an outline indented across columns.
 */
function taskSpan(ctx: Ctx, t: RecognisedTable): ColumnRef[] | undefined {
  const task = t.columns.task;
  if (!task) return undefined;
  const headed = new Set<number>(t.unmapped.map((u) => u.col));
  for (const ref of Object.values(t.columns)) if (ref) headed.add(ref.col);
  for (const g of t.groups) for (const ref of Object.values(g.columns)) if (ref) headed.add(ref.col);
  const cols: number[] = [];
  for (let c = task.col + 1; c <= t.lastCol && !headed.has(c); c++) cols.push(c);
  if (cols.length === 0) return undefined;
  const byRow = rowIndex(ctx);
  const used = new Set<number>();
  for (const r of t.dataRows) {
    const cells = byRow.get(r)?.cells ?? [];
    const own = cells.find((x) => x.c === task.col);
    if (own && !isBlank(own.t)) continue;
    const first = cells.find((x) => cols.includes(x.c) && !isBlank(x.t) && typeof x.v === "string");
    if (first) used.add(first.c);
  }
  const span = cols.filter((c) => used.has(c));
  return span.length ? span.map((c) => ({ col: c, letter: colLetter(c), header: task.header })) : undefined;
}

/**
 * Phase headings of an outline (`1 | 项目构思和发起` with nothing in the date, owner or amount
 * columns, its tasks 1.1, 1.2 … below; or `1 项目构思和发起` in one cell): labels, not tasks.
 */
function phaseRows(ctx: Ctx, f: Found, region: Region): void {
  if (f.mapping.kind !== "schedule") return;
  const byRow = rowIndex(ctx);
  const dataCols = dataColumns(f);
  const wbsCol = f.mapping.columns.wbs?.col ?? outlineColumn(ctx, f, region);
  const keep: number[] = [];
  const rows = region.dataRows;
  const wbsOf = (r: number) => {
    const x = byRow.get(r)?.cells.find((c) => c.c === wbsCol);
    return x ? x.t.replace(/\s/g, "") : undefined;
  };
  // Headings already told apart by their numbering (`阶段 1 | 项目前期准备`) fill the same columns;
  // a row filling just those, with nothing in a data column, is one more (`结题答辩 | 项目答辩`).
  const shapeOf = (cells: PCell[]) => cells.map((x) => x.c).join(",");
  const headingShapes = new Map<string, number>();
  for (const r of region.sectionRows) {
    const cells = cellsIn(byRow.get(r) as PRow, f.c1, f.c2).filter((x) => !isBlank(x.t));
    if (cells.length >= 2) headingShapes.set(shapeOf(cells), (headingShapes.get(shapeOf(cells)) ?? 0) + 1);
  }
  // A date over the rows it is for (`11.24` or `11.24—25 | 2d`, the tasks below carrying none): a heading.
  const taskCol = f.mapping.columns.task?.col;
  const whenCols = new Set(
    ["planStart", "planEnd", "duration"]
      .map((k) => f.mapping.columns[k]?.col)
      .filter((c): c is number => c !== undefined),
  );
  const mapped = mappedColumns(f);
  const lineAt = (i: number) => cellsIn(byRow.get(rows[i]) as PRow, f.c1, f.c2).filter((x) => !isBlank(x.t));
  const dateHeading = (i: number, cells: PCell[]) =>
    taskCol !== undefined &&
    i + 1 < rows.length &&
    cells.some((x) => whenCols.has(x.c)) &&
    cells.every((x) => whenCols.has(x.c) || !mapped.has(x.c)) &&
    lineAt(i + 1).some((x) => x.c === taskCol) &&
    !lineAt(i + 1).some((x) => whenCols.has(x.c));
  // A name alone on its row over dated tasks, among tasks nearly all dated (`企画 - 準備` over its
  // tasks): a heading. A name alone with no dated task after it is a task not yet planned.
  const lines = rows.map((_, i) => lineAt(i));
  const isDated = (cells: PCell[]) => cells.some((x) => whenCols.has(x.c));
  const datedCount = lines.filter(isDated).length;
  const lone = (cells: PCell[]) =>
    cells.length === 1 && cells[0].c === taskCol && typeof cells[0].v === "string";
  const mostlyDated = datedCount >= 3 && datedCount >= 2 * lines.filter(lone).length;
  // The name (or a run of such names) is followed by two dated tasks at least: it groups them.
  // Worked out from the last row up, so a long run of names is walked once.
  const groups = new Array<boolean>(lines.length + 1).fill(false);
  for (let j = lines.length - 1; j >= 0; j--)
    groups[j] = lone(lines[j])
      ? groups[j + 1]
      : j + 1 < lines.length && isDated(lines[j]) && isDated(lines[j + 1]);
  const headsDated = (i: number) => groups[i + 1];
  // Where names alone already head groups of tasks (two such headings at least), one alone over a
  // single dated task and the next name (`企画 - 検証` over its one task) heads it too.
  const grouping = mostlyDated && lines.filter((cells, i) => lone(cells) && headsDated(i)).length >= 2;
  const headsOne = (i: number) =>
    i + 1 < lines.length &&
    isDated(lines[i + 1]) &&
    !lone(lines[i + 1]) &&
    (i + 2 === lines.length || lone(lines[i + 2]));
  // Rows numbered in a 序号 column, but for a name without a number over numbered rows whose names
  // are indented under it (`注意力测评` over `  注意力分配测验`): a heading, its span or not.
  const numbered = wbsCol !== undefined ? rows.filter((r) => (wbsOf(r) ?? "") !== "").length : 0;
  const ownerCol = f.mapping.columns.owner?.col;
  // As typed, leading spaces kept: the indent is the outline.
  const taskText = (i: number) => {
    const v = lines[i].find((x) => x.c === taskCol)?.v;
    return typeof v === "string" ? v : undefined;
  };
  const unnumberedHeading = (i: number, cells: PCell[]) =>
    wbsCol !== undefined &&
    numbered >= 3 &&
    numbered * 3 >= rows.length * 2 &&
    (wbsOf(rows[i]) ?? "") === "" &&
    i + 1 < rows.length &&
    (wbsOf(rows[i + 1]) ?? "") !== "" &&
    !cells.some((x) => x.c === ownerCol) &&
    cells.every((x) => x.c === taskCol || whenCols.has(x.c)) &&
    /^\S/.test(taskText(i) ?? "") &&
    /^\s+\S/.test(taskText(i + 1) ?? "");
  for (let i = 0; i < rows.length; i++) {
    const cells = lines[i];
    const empty = cells.every((x) => !dataCols.has(x.c));
    let phase = false;
    if (dateHeading(i, cells)) phase = true;
    else if (unnumberedHeading(i, cells)) phase = true;
    else if (mostlyDated && lone(cells) && headsDated(i)) phase = true;
    else if (grouping && lone(cells) && headsOne(i)) phase = true;
    else if (empty && cells.length === 1 && /^\d+(\.\d+)*[\s、.．]+\S/.test(cells[0].t)) phase = true;
    else if (empty && cells.length >= 2 && (headingShapes.get(shapeOf(cells)) ?? 0) >= 2) phase = true;
    else if (empty && wbsCol !== undefined) {
      const w = wbsOf(rows[i]);
      const next = i + 1 < rows.length ? wbsOf(rows[i + 1]) : undefined;
      phase =
        w !== undefined &&
        w !== "" &&
        next !== undefined &&
        (next.startsWith(w + ".") || next.startsWith(w + "-"));
    } else if (empty && taskCol !== undefined) {
      // The outline written into the task's own text (`1.2 데이터 모델링` over ` 1.2.1 UI 설계`).
      const own = outlineOf(cells.find((x) => x.c === taskCol)?.t);
      const below =
        i + 1 < rows.length ? outlineOf(lineAt(i + 1).find((x) => x.c === taskCol)?.t) : undefined;
      phase = own !== undefined && below !== undefined && below.startsWith(own + ".");
    }
    if (phase) region.sectionRows.push(rows[i]);
    else keep.push(rows[i]);
  }
  if (keep.length !== rows.length) {
    region.dataRows = keep;
    region.sectionRows.sort((a, b) => a - b);
  }
}

/** Days given as a range (`2-3d`, `1-2天`): an estimate, read as a duration's values are. */
const DAYS_RANGE = /^\d+(?:\.\d+)?\s*[-~～至]\s*\d+(?:\.\d+)?\s*(?:天|日|d|days?)$/i;

/**
 * A plan's one date column holding the days each task takes instead (计划时间 | `10d`, `2-3d`): its
 * duration. Told by the values, each with its unit written: no date column holds `15天`.
 */
function daysInDateColumn(ctx: Ctx, f: Found, region: Region): void {
  const m = f.mapping;
  const cols = m.columns;
  if (m.kind !== "schedule" || cols.duration || (cols.planStart && cols.planEnd)) return;
  const field = cols.planEnd ? "planEnd" : cols.planStart ? "planStart" : undefined;
  const own = field && cols[field];
  if (!field || !own || own.part) return;
  const { values, hits: days } = sampleColumn(
    ctx,
    region,
    own.col,
    (x) =>
      typeof x.v === "string" &&
      ((/[^\d.\s]/.test(x.t) && parseDays(x.v).status === "ok") || DAYS_RANGE.test(x.t)),
  );
  if (days < 2 || days * 3 < values * 2) return;
  cols.duration = { ...own };
  delete cols[field];
  m.weakFields.delete(field);
  if (m.needsDates === field) delete m.needsDates;
}

/**
 * A plan's progress column written in words (进度: 已完成 | 计划中 | 待开发), as many plans keep it: a
 * column of states, not of percentages, so it is left unmapped rather than each word reported as no
 * number. Most of its values must be words; a column of numbers with a word or two stays progress.
 */
function wordsInProgress(ctx: Ctx, f: Found, region: Region): void {
  const m = f.mapping;
  const own = m.columns.progress;
  if (m.kind !== "schedule" || !own || own.part) return;
  const { values, hits: words } = sampleColumn(
    ctx,
    region,
    own.col,
    (x) => typeof x.v === "string" && parsePercent(x.v, { fractions: false }).status === "invalid",
  );
  if (words < 2 || words * 3 < values * 2) return;
  delete m.columns.progress;
  m.weakFields.delete("progress");
  m.unmapped = [...m.unmapped, { col: own.col, letter: own.letter, header: own.header }].sort(
    (a, b) => a.col - b.col,
  );
}

/**
 * A field's column left empty on every row, beside another column headed for the same field that is
 * filled (`Contrato` empty, `Número do Contrato` filled; a template's spare 负责人 before the one used):
 * the filled one is the field's.
 */
function emptyGivesWay(ctx: Ctx, f: Found, region: Region): void {
  if (region.dataRows.length === 0 || f.mapping.unmapped.length === 0) return;
  const byRow = rowIndex(ctx);
  const filled = (c: number) =>
    region.dataRows.some((r) => byRow.get(r)?.cells.some((x) => x.c === c && !isBlank(x.t)));
  const cols = f.mapping.columns;
  for (const [field, own] of Object.entries(cols)) {
    if (own.part || filled(own.col)) continue;
    // The other column's keys as mapColumns read them.
    const headed = (c: number) => f.cols.find((x) => x.c === c);
    const other = f.mapping.unmapped.find(
      (u) =>
        (headed(u.col)?.keys ?? []).some((k) => lookupKey(f.mapping.kind, k)?.field === field) &&
        filled(u.col),
    );
    if (!other) continue;
    cols[field] = ref(headed(other.col), other.col);
    f.mapping.unmapped = f.mapping.unmapped.map((u) =>
      u === other ? { col: own.col, letter: own.letter, header: own.header } : u,
    );
  }
}

/**
 * Tasks on two lines (a 工程表: 予定 over 実績), the task's name merged down over both and the second
 * line filling only the plan's date columns and the grid beside them: the second line holds the
 * task's actual dates, not a task of its own. Two such tasks at least, and only where the table has
 * no actual-date column of its own to say otherwise.
 */
function actualLines(ctx: Ctx, f: Found, region: Region): void {
  const cols = f.mapping.columns;
  const task = cols.task;
  if (f.mapping.kind !== "schedule" || !task || !cols.planStart || cols.actualStart || cols.actualEnd) return;
  const byRow = rowIndex(ctx);
  const data = new Set(region.dataRows);
  const when = new Set([cols.planStart.col, cols.planEnd?.col, cols.duration?.col]);
  const mapped = mappedColumns(f);
  // The last task's second line, dates alone, was taken for a line of sums.
  const sums = new Set(region.totalRows);
  const pairs = new Map<number, number>();
  for (const mg of ctx.sheet.merges) {
    if (mg.c1 !== task.col || mg.r2 !== mg.r1 + 1 || !data.has(mg.r1)) continue;
    if (!data.has(mg.r2) && !sums.has(mg.r2)) continue;
    const second = cellsIn(byRow.get(mg.r2) ?? { r: mg.r2, cells: [] }, f.c1, f.c2).filter(
      (x) => !isBlank(x.t),
    );
    const dated = second.some((x) => x.c === cols.planStart!.col || x.c === cols.planEnd?.col);
    // Its own cells: the plan's dates, and grid marks in columns no field has.
    if (dated && second.every((x) => when.has(x.c) || !mapped.has(x.c))) pairs.set(mg.r2, mg.r1);
  }
  if (pairs.size < 2) return;
  region.dataRows = region.dataRows.filter((r) => !pairs.has(r));
  region.totalRows = region.totalRows.filter((r) => !pairs.has(r));
  region.actualRows = pairs;
}

/** The outline number a task's text begins with (`1.2 数据建模` → `1.2`), if any. */
function outlineOf(t: string | undefined): string | undefined {
  return t === undefined ? undefined : /^\s*(\d{1,3}(?:\.\d{1,3}){0,4})[\s、.．]+\S/.exec(t)?.[1];
}

/**
 * A task header merged over two columns (`任务名称` over A:B) whose first column holds only numbers
 * (1, 2, 3): the names are in the next column, and the numbers are the outline.
 */
function taskInMergedHeader(ctx: Ctx, f: Found, region: Region): void {
  const task = f.mapping.columns.task;
  const head = task && f.cols.find((x) => x.c === task.col);
  if (!task || !head) return;
  const byRow = rowIndex(ctx);
  const rows = region.dataRows;
  if (rows.length === 0) return;
  const count = (c: number, test: (x: PCell) => boolean) =>
    rows.filter((r) => byRow.get(r)?.cells.some((x) => x.c === c && test(x))).length;
  const numbers = count(task.col, (x) => typeof x.v === "number" || /^\d+(\.\d+)*$/.test(x.t));
  // Its first column holds only numbers (the outline), or next to nothing (`内容` over B:F, the names
  // written from C on).
  const filled = count(task.col, (x) => !isBlank(x.t));
  const outline = numbers * 2 >= rows.length && count(task.col, (x) => isNameText(x, ctx.date1904)) === 0;
  if (!outline && filled * 4 > rows.length) return;
  // The outline under the header's own span; the names under the span of a header cell merged across
  // and down over a two-row header, when its first column is next to empty.
  const top = rows[0];
  const merged = outline
    ? undefined
    : ctx.sheet.merges.find((mg) => mg.c1 === task.col && mg.c2 > mg.c1 && mg.r2 < top && mg.r2 >= top - 4);
  // Or, for the outline, the column right of it when that has no header at all (议定事项 over the
  // numbers 1, 2 and nothing over the matters themselves beside them).
  // So is one headed as the item's description (工作项 over the numbers 1, 2 | 工作任务描述 beside them).
  const beside = f.cols.find((x) => x.c === head.end + 1);
  const bare = outline && (!beside || DESCRIBES.test(beside.keys[0] ?? "")) ? head.end + 1 : 0;
  const end = Math.max(head.end, merged?.c2 ?? 0, bare);
  if (end === head.c) return;
  const mapped = mappedColumns(f);
  for (let c = task.col + 1; c <= end; c++) {
    if (mapped.has(c)) return;
    // Names of different tasks: on half the rows at least, or on every other one when each task
    // has a 计画 row over an 実績 row; a column of a few words repeated (計画, 実績) is no task.
    const names = new Set<string>();
    const named = count(c, (x) => isNameText(x, ctx.date1904) && names.add(compact(x.t)) !== undefined);
    if (named * (outline ? 2 : 3) < rows.length || names.size * 2 < named) continue;
    if (outline && !f.mapping.columns.wbs) f.mapping.columns.wbs = { ...task };
    f.mapping.columns.task = { ...task, col: c, letter: colLetter(c) };
    f.mapping.unmapped = f.mapping.unmapped.filter((u) => u.col !== c);
    if (outline) {
      // The first rows' numbers (1, 2, 3 …) beside names were taken for a band of week numbers while
      // the numbers were the task's: with a name beside them they are tasks.
      const named = (r: number) => byRow.get(r)?.cells.some((x) => x.c === c && isNameText(x, ctx.date1904));
      const back = region.bandRows.filter(named);
      if (back.length > 0) {
        region.bandRows = region.bandRows.filter((r) => !back.includes(r));
        region.dataRows = [...region.dataRows, ...back].sort((a, b) => a - b);
      }
    }
    if (!outline) {
      // A line written only in the header's first column (`システム開発演習` over the tasks) heads them.
      const only = (r: number) =>
        cellsIn(byRow.get(r) as PRow, f.c1, f.c2).every((x) => x.c === task.col || isBlank(x.t));
      const headings = rows.filter(only);
      if (headings.length > 0) {
        region.dataRows = rows.filter((r) => !only(r));
        region.sectionRows = [...region.sectionRows, ...headings].sort((a, b) => a - b);
      }
    }
    return;
  }
}

/** A header describing the row's item (任务描述, 工作任务描述, 说明, Description). */
const DESCRIBES = /(?:描述|说明|DESCRIPTION)$/;

/** An unmapped column left of the task holding outline numbers (1, 1.1, 1.2 under 分级 or no header). */
function outlineColumn(ctx: Ctx, f: Found, region: Region): number | undefined {
  const task = f.mapping.columns.task?.col;
  if (task === undefined) return undefined;
  const byRow = rowIndex(ctx);
  for (const u of f.mapping.unmapped) {
    if (u.col >= task) break;
    let outline = 0;
    let dotted = 0;
    for (const r of region.dataRows) {
      const x = byRow.get(r)?.cells.find((c) => c.c === u.col);
      // 1.2.3, or 1-1 as some sheets number sub-tasks.
      if (!x || !/^\d{1,3}(?:[.-]\d{1,3}){0,4}$/.test(x.t)) continue;
      outline++;
      if (/[.-]/.test(x.t)) dotted++;
    }
    if (dotted > 0 && outline >= region.dataRows.length * 0.6) return u.col;
  }
  return undefined;
}

/**
 * Columns right of the last mapped one with nothing in any data row (a Gantt chart's grid,
 * formatted but empty) are not part of the table, nor of its normalised copy.
 */
function trimGrid(ctx: Ctx, f: Found, region: Region): void {
  let lastMapped = f.c1;
  for (const r of Object.values(f.mapping.columns)) lastMapped = Math.max(lastMapped, r.col);
  for (const g of f.mapping.groups.values())
    for (const r of Object.values(g.columns)) if (r) lastMapped = Math.max(lastMapped, r.col);
  if (lastMapped >= f.c2) return;
  const byRow = rowIndex(ctx);
  let lastUsed = lastMapped;
  for (const r of region.dataRows) {
    for (const x of byRow.get(r)?.cells ?? [])
      if (x.c > lastUsed && x.c <= f.c2 && !isBlank(x.t)) lastUsed = x.c;
  }
  if (lastUsed >= f.c2) return;
  // The header cell of the last kept column may be merged further right.
  const header = f.cols.find((x) => x.c === lastUsed);
  f.c2 = Math.max(lastUsed, header && header.end <= f.c2 ? header.end : lastUsed);
  f.mapping.unmapped = f.mapping.unmapped.filter((u) => u.col <= f.c2);
}

const PAYS = /付款|已付|应付|实付|支付(金额|款|计划|进度)|进度款/;
const RECEIVES = /收款|已收|应收|实收|到账|回款|来款/;

/**
 * Money that goes out: payment columns named 付款, 已付, 应付 (and none for money coming in), or a
 * payment list kept by 供应商. A purchase contract ledger without payment columns stays a
 * contract ledger.
 */
function isPayable(t: RecognisedTable, cols: HeaderCol[]): boolean {
  if (t.kind !== "contracts" && t.kind !== "payments") return false;
  const name = simplifiedHeader(compact(t.sheet));
  if (RECEIVES.test(name)) return false;
  // A sheet kept for paying (资金计划、进度款支付…, 付款台账) holds payables whatever its columns.
  if (/付款|支付|应付/.test(name)) return true;
  // A contract ledger tracking what has been paid so far is still a contract ledger.
  if (t.kind !== "payments") return false;
  // Headers read in simplified characters, as matching reads them (應付 is 应付, 廠商 厂商).
  const headers = cols
    .filter((x) => x.c >= t.firstCol && x.c <= t.lastCol)
    .map((x) => simplifiedHeader(compact(x.header)));
  // Who paid us (付款单位) or where money came in (收款银行) says receipts, whatever else 付款 says.
  if (headers.some((h) => RECEIVES.test(h) || RECEIPT_WORD.test(h))) return false;
  return headers.some((h) => PAYS.test(h) || PAYEE.test(h));
}

const HINTS = KINDS.flatMap((k) => {
  const h = KIND_DEFS[k].sheetHint;
  return h ? [{ kind: k, ...h }] : [];
}).sort((a, b) => a.rank - b.rank);

function sheetKindHint(name: string): Kind | undefined {
  const s = compact(name);
  return HINTS.find((h) => h.re.test(s))?.kind;
}

/** The header the user declared: the kind they named, mapped from their column to the row's last cell. */
function declaredHeader(ctx: Ctx, i: number, d: DeclaredTable): HeaderHit | undefined {
  const row = ctx.rows[i];
  const c1 = colNumber(d.column);
  const cols = singleHeader(ctx, row).filter((x) => x.c >= c1 && !isTimelineText(x.header));
  if (cols.length === 0) return undefined;
  const c2 = Math.max(...cols.map((x) => x.end));
  const mapping = mapColumns(ctx, d.kind, cols, c1, c2);
  mapping.valid = true;
  return { found: [{ mapping, c1, c2, cols }], idx: i, headerRows: 1 };
}

function matchedHeaders(m: Mapping): string[] {
  const out: Array<{ col: number; header: string }> = [];
  for (const r of Object.values(m.columns)) out.push({ col: r.col, header: r.header });
  for (const g of m.groups.values())
    for (const r of Object.values(g.columns)) if (r) out.push({ col: r.col, header: r.header });
  return out.sort((a, b) => a.col - b.col).map((x) => x.header);
}

/**
 * The fields of the core sets of a schedule, a contract ledger and a payment plan: one of them named
 * specifically (任务名称, 合同编号, 计划开始时间) is enough to say which of the three a sheet came close to.
 * The other kinds need two headers, as their single ones (提交日期, Resolved) say little on their own.
 */
const NEAR_KINDS: readonly Kind[] = ["schedule", "contracts", "payments"];
const CORE_FIELDS = Object.fromEntries(
  KINDS.map((k) => [
    k,
    new Set(NEAR_KINDS.includes(k) ? KIND_DEFS[k].core.flat().filter((f) => f !== "@groups") : []),
  ]),
) as Record<Kind, Set<string>>;

/**
 * How close a row that is no header comes to one: the kind with the most matched fields, when
 * at least two of them are named specifically, one names its subject beside another field, or
 * one names a field of the kind's core specifically (Task Name, 合同编号, 计划开始时间) — never
 * on generic headers alone (备注, 序号, 金额, 负责人), which any list may have.
 */
function nearMiss(ctx: Ctx, row: PRow): NearMiss | undefined {
  if (row.cells.length < 2 || !row.cells.some((x) => typeof x.v === "string")) return undefined;
  if (!row.cells.some((x) => typeof x.v === "string" && isKnownKey(normaliseHeader(x.t).key)))
    return undefined;
  const cols = singleHeader(ctx, row).filter((x) => !isTimelineText(x.header));
  if (cols.length < 2) return undefined;
  const c2 = cols[cols.length - 1].end;
  let best: { m: Mapping; n: number } | undefined;
  for (const kind of KINDS) {
    const m = mapColumns(ctx, kind, cols, cols[0].c, c2);
    const n = Object.keys(m.columns).filter((f) => !GENERIC.has(f)).length + m.groups.size;
    const core = Object.keys(m.columns).some((f) => CORE_FIELDS[kind].has(f) && !m.weakFields.has(f));
    // A sheet named for the kind (整体计划, 合同台账) with two of its fields however plainly headed
    // (开始时间 | 结束时间) is one the user meant as that kind.
    const named = kind === ctx.kindHint && NEAR_KINDS.includes(kind) && n >= 2;
    if (m.strong < 2 && !(m.strong >= 1 && n >= 2) && !(m.strong >= 1 && core) && !named) continue;
    if (!best || n > best.n) best = { m, n };
  }
  if (!best) return undefined;
  const { m } = best;
  let missing = coreMissing(m.kind, m.columns);
  if (missing.length === 0) {
    missing = KIND_DEFS[m.kind].fields.filter((f) => f.required && !m.columns[f.field]).map((f) => f.field);
  }
  const near: NearMiss = { kind: m.kind, headerRow: row.r, matched: matchedHeaders(m), missing };
  const instead = coreInstead(m.kind, m.columns, missing);
  if (instead.length > 0) near.instead = instead;
  return near;
}

/**
 * When one field is all a near miss lacks, the other single fields that would complete a core set
 * just as well (a task beside 计划完成 or 工期 instead of 计划开始), in the kind's order.
 */
function coreInstead(kind: Kind, columns: Record<string, ColumnRef>, missing: string[]): string[] {
  if (missing.length !== 1) return [];
  const out: string[] = [];
  for (const set of KIND_DEFS[kind].core) {
    if (set.includes("@groups")) continue;
    const lack = set.filter((f) => columns[f] === undefined);
    if (lack.length === 1 && lack[0] !== missing[0] && !out.includes(lack[0])) out.push(lack[0]);
  }
  return out;
}

function nearer(a: NearMiss | undefined, b: NearMiss | undefined): NearMiss | undefined {
  if (!a || !b) return a ?? b;
  return b.matched.length > a.matched.length ? b : a;
}

/** A block fact with the column its label stands in. */
interface BlockFact extends SheetFact {
  labelCol: number;
}

/** Rows at the top of a sheet a contract's key/value block is looked for in. */
const BLOCK_ROWS = 10;
/** Contracts fields a key/value block may state; two of them make the block. */
const BLOCK_FIELDS = new Set(["contractNo", "contractName", "customer", "signDate", "amount"]);
/** `合同编号:CX13-0329`, `签定日期：2013年6月9日`: a short label, a colon, the value (maybe none). */
const LABEL_VALUE = /^([^:：]{2,14})[:：]\s*([\s\S]*)$/;

/**
 * The contracts field a block label names, by the contracts vocabulary; a site's own prefix
 * before 合同编号 (`长兴合同编号：`) is allowed.
 */
function blockField(label: string): string | undefined {
  const key = normaliseHeader(label).key;
  for (let i = 0; i <= 4 && key.length - i >= 2; i++) {
    const hit = lookupKey("contracts", key.slice(i));
    if (hit && BLOCK_FIELDS.has(hit.field) && (i === 0 || hit.field === "contractNo")) return hit.field;
  }
  return undefined;
}

/** A value that says nothing: empty, only a bracketed note (`（长兴合同）`), `无`, `/`. */
function blankValue(text: string): boolean {
  const t = compact(text.replace(/[（(][^）)]*[）)]/g, ""));
  return t === "" || /^(无|\/|-|—|没写|合同没写)$/.test(t);
}

/** A contract number out of its cell's text: the first run up to a space, bracket or punctuation. */
function contractNumber(text: string): string | undefined {
  const t = text.replace(/[（(][^）)]*[）)]/g, " ").trim();
  const m = /^[^\s，,；;。：:（(]+/.exec(t);
  return m && /[0-9A-Za-z]/.test(m[0]) && !/[年月]/.test(m[0]) ? m[0] : undefined;
}

/**
 * A contract's key/value block at the top of a sheet: two or more cells naming a contract's facts
 * (合同编号, 签订日期, 施工单位, 工程名称, 合同金额), each with its value in the same cell after a colon or
 * in the next cell. Undefined when the top of the sheet is no such block.
 */
function sheetBlock(ctx: Ctx, from: number): BlockFact[] | undefined {
  const facts: BlockFact[] = [];
  const top = ctx.rows[from]?.r ?? 0;
  for (let i = from; i < ctx.rows.length; i++) {
    const row = ctx.rows[i];
    if (row.r >= top + BLOCK_ROWS) break;
    for (let k = 0; k < row.cells.length; k++) {
      const x = row.cells[k];
      if (typeof x.v !== "string" || x.t.length > 200) continue;
      const m = LABEL_VALUE.exec(x.t);
      const label = m ? m[1] : x.t;
      const field = blockField(label);
      if (!field) continue;
      let at: PCell = x;
      let text = m ? m[2].trim() : "";
      const next = row.cells[k + 1];
      if (
        blankValue(text) &&
        next &&
        next.c <= x.c + 2 &&
        // The value in the next cell, unless that cell is a label of its own (`合同编号： | 供应日期：`).
        !LABEL_VALUE.test(next.t) &&
        !blockField(next.t)
      ) {
        at = next;
        text = next.t;
      } else if (!m) continue; // a bare label with no value beside it: a header, not a block
      facts.push({
        field,
        cell: `${colLetter(at.c)}${row.r}`,
        row: row.r,
        col: at.c,
        labelCol: x.c,
        label,
        text,
        value: at === x ? text : at.v,
      });
    }
  }
  return facts.length >= 2 ? facts : undefined;
}

/**
 * The contract whose block stands above columns c1..c2 (two contracts may be kept side by side on
 * one sheet, each with its block over its own rows): two or more facts labelled inside the columns.
 */
function blockFor(ctx: Ctx, c1: number, c2: number): SheetContract | undefined {
  if (!ctx.block) return undefined;
  const facts: Partial<Record<string, SheetFact>> = {};
  let n = 0;
  for (const f of ctx.block) {
    if (f.labelCol < c1 || f.labelCol > c2 || facts[f.field]) continue;
    const { labelCol: _, ...fact } = f;
    facts[f.field] = fact;
    n++;
  }
  if (n < 2) return undefined;
  const no = facts.contractNo;
  const num = no ? contractNumber(no.text) : undefined;
  const first = Object.values(facts).sort((a, b) => a!.row - b!.row || a!.col - b!.col)[0]!;
  const at = no ?? first;
  const cell = cellAtRow(ctx, at.row, at.col);
  return { key: num ?? ctx.sheet.name, cell: at.cell, display: cell?.t ?? "", facts };
}

/** A row opening a contract's key/value block: its first cell a contract fact with its value. */
function isBlockLine(row: PRow): boolean {
  const x = row.cells[0];
  if (!x || typeof x.v !== "string") return false;
  const m = LABEL_VALUE.exec(x.t);
  if (m) return blockField(m[1]) !== undefined;
  // `签定日期 | 41346`: the label alone, its value in the next cell.
  return row.cells.length >= 2 && blockField(x.t) !== undefined;
}

function cellAtRow(ctx: Ctx, r: number, c: number): PCell | undefined {
  return rowIndex(ctx)
    .get(r)
    ?.cells.find((x) => x.c === c);
}

/**
 * The rows under a header for one reading of it, with what the values say about its columns: the
 * task's names further right under a merged header, an empty key column giving way, days in a date
 * column, a progress column of words.
 */
function readRegion(ctx: Ctx, f: Found, start: number, declared: boolean): Region {
  const region = scanRegion(
    ctx,
    start,
    f.c1,
    f.c2,
    numberingCols(f),
    dataColumns(f),
    anchorColumns(f),
    mappedColumns(f),
    new Map(f.cols.map((x) => [x.c, compact(x.header)])),
    f.mapping.kind !== "schedule",
    f.mapping.kind === "payments" && !f.mapping.columns.contractNo && blockFor(ctx, f.c1, f.c2) !== undefined,
    dateColumns(f),
  );
  // The task's names may stand further right under its header merged across: found before asking
  // whether any row names a task.
  taskInMergedHeader(ctx, f, region);
  emptyGivesWay(ctx, f, region);
  daysInDateColumn(ctx, f, region);
  if (!declared) wordsInProgress(ctx, f, region);
  return region;
}

/** The best reading of a header's columns as another kind than `f`'s, when one is valid. */
function otherKind(ctx: Ctx, f: Found): Found | undefined {
  let best: Mapping | undefined;
  for (const kind of KINDS) {
    if (kind === f.mapping.kind) continue;
    const m = mapColumns(ctx, kind, f.cols, f.c1, f.c2);
    if (m.valid && (!best || m.score > best.score)) best = m;
  }
  return best && { ...f, mapping: best };
}

function recogniseSheet(ctx: Ctx, out: Recognition): void {
  const { rows } = ctx;
  const tablesBefore = out.tables.length;
  let near: NearMiss | undefined;
  let rejected: NearMiss | undefined;
  let blockStart = 0;
  let afterTable = 0;
  // Rows outside tables: runs of adjacent rows with two or more cells are data nobody recognised.
  let run = 0;
  let runCells = 0;
  let strayCells = 0;
  let prevRow = -1;
  let i = 0;
  while (i < rows.length) {
    const row = rows[i];
    // A contract's key/value block at the top of the sheet, or right after the previous contract.
    if (i === afterTable) ctx.block = sheetBlock(ctx, i);
    if (i > 0 && row.r - rows[i - 1].r > 1) blockStart = i;
    const declared = ctx.declared.find((d) => d.row === row.r);
    const hit = declared
      ? declaredHeader(ctx, i, declared)
      : i - blockStart < HEADER_SCAN_ROWS && !ctx.declared.some((d) => d.row > row.r && d.row - row.r <= 2)
        ? headerAt(ctx, i)
        : undefined;
    if (!hit && i - blockStart < HEADER_SCAN_ROWS && out.tables.length === tablesBefore) {
      near = nearer(near, nearMiss(ctx, row));
    }
    if (!hit) {
      const dataLike = row.cells.length >= 2 && !isLabelRow(row.cells);
      if (dataLike && row.r === prevRow + 1 && run > 0) {
        run++;
        runCells += row.cells.length;
      } else {
        run = dataLike ? 1 : 0;
        runCells = dataLike ? row.cells.length : 0;
      }
      if (run === 3) strayCells += runCells;
      else if (run > 3) strayCells += row.cells.length;
      prevRow = row.r;
      i++;
      continue;
    }
    run = 0;
    const unit = unitAbove(ctx, afterTable, hit.idx - hit.headerRows + 1);
    let next = hit.idx + 1;
    for (const found of hit.found) {
      let f = found;
      let region = readRegion(ctx, f, hit.idx + 1, declared !== undefined);
      next = Math.max(next, region.next);
      if (!declared && !plausible(ctx, f, region)) {
        // The values gainsay the kind the headers scored best: the next kind those headers make, if
        // its values bear it out (a support-contract register whose TASK column holds cost codes).
        const other = otherKind(ctx, f);
        const otherRegion = other && readRegion(ctx, other, hit.idx + 1, false);
        if (other && otherRegion && plausible(ctx, other, otherRegion)) {
          f = other;
          region = otherRegion;
          next = Math.max(next, region.next);
        } else {
          out.rejected.push({ sheet: ctx.sheet.name, kind: f.mapping.kind, headerRow: ctx.rows[hit.idx].r });
          rejected ??= {
            kind: f.mapping.kind,
            headerRow: ctx.rows[hit.idx].r,
            matched: matchedHeaders(f.mapping),
            missing: [],
            valuesMismatch: true,
          };
          continue;
        }
      }
      phaseRows(ctx, f, region);
      actualLines(ctx, f, region);
      trimGrid(ctx, f, region);
      const table = buildTable(ctx, f, hit, region, unit);
      if (isPayable(table, f.cols)) table.payable = true;
      const contract = table.kind === "payments" && !table.columns.contractNo && blockFor(ctx, f.c1, f.c2);
      if (contract) {
        // Two contracts of one sheet without numbers are told apart by where their blocks stand.
        if (out.tables.some((t) => t.sheet === table.sheet && t.sheetContract?.key === contract.key))
          contract.key = `${contract.key}（${contract.cell}）`;
        table.sheetContract = contract;
        // The block's lines above the header are the contract's facts, not stray data.
        strayCells = 0;
      }
      out.tables.push(table);
    }
    i = next;
    blockStart = i;
    afterTable = i;
    prevRow = -1;
  }
  const found = out.tables.length > tablesBefore;
  if (!found && rejected) near = rejected;
  if (found) near = undefined;
  if (strayCells > 0 || near) {
    const u: Recognition["unrecognised"][number] = { sheet: ctx.sheet.name, cells: strayCells };
    if (near) u.near = near;
    const first = rows.find(
      (x) => x.cells.length >= 2 && x.cells.every((c) => typeof c.v === "string") && !isLabelRow(x.cells),
    );
    if (first) u.shape = first.cells.map((c) => `${c.c}:${normaliseHeader(c.t).key}`).join("|");
    out.unrecognised.push(u);
  }
}

/** Find the tables of every sheet and map their columns (overrides applied after automatic mapping). */
export function recognise(wb: WorkbookSnapshot, opts: RecogniseOptions = {}): Recognition {
  const skip = new Set([...DEFAULT_SKIP_SHEETS, ...(opts.skipSheets ?? [])]);
  const stats = opts.stats ?? { cells: 0, rows: 0 };
  const out: Recognition = { tables: [], unrecognised: [], rejected: [] };
  for (const sheet of wb.sheets) {
    if (skip.has(sheet.name)) continue;
    const mergesByRow = new Map<number, Range[]>();
    for (const m of sheet.merges) {
      const list = mergesByRow.get(m.r1);
      if (list) list.push(m);
      else mergesByRow.set(m.r1, [m]);
    }
    const ctx: Ctx = {
      sheet,
      rows: readRows(sheet, stats),
      mergesByRow,
      overrides: (opts.overrides ?? []).filter((o) => o.sheet === sheet.name),
      kindHint: sheetKindHint(sheet.name),
      date1904: wb.date1904,
      declared: (opts.declared ?? []).filter((d) => d.sheet === sheet.name),
    };
    recogniseSheet(ctx, out);
  }
  return out;
}
