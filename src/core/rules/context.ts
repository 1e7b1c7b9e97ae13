/**
 * What every rule sees: the typed tables, the as-of date, the settings, the
 * working-day calendar and the cross-table indexes (contracts by number,
 * payment nodes). Built once per check so no rule has to scan another table.
 */

import type { IsoDate } from "../dates";
import type { Finding, MessageArgs, RuleId, Severity } from "../findings";
import type { Kind } from "../kinds";
import type { RecogniseResult } from "../recognise";
import { dateOf, numOf, readAs, textOf, type FieldCell, type TypedRow, type TypedTable } from "../rows";
import type { Settings } from "../settings";
import type { CellValue, WorkbookSnapshot } from "../snapshot";

/** The part of WorkCalendar the rules use. */
export interface Workdays {
  /** The n-th working day after d. */
  addWorkdays(d: IsoDate, n: number): IsoDate;
  /** Working days in (a, b]. */
  workdaysBetween(a: IsoDate, b: IsoDate): number;
  isWorkday(d: IsoDate): boolean;
  missingYears(): number[];
}

/** One payment node of a contract, wherever it is written. */
export interface PaymentNode {
  /** Notice key: `${contractNo}#${n}`; a single 应收 column uses its due date as n (see nodesFromContract). */
  key: string;
  contractNo: string;
  n: number;
  /** 款项 text from a 收款计划表 row, "" otherwise. */
  label: string;
  /** Keyed by an invoice number, not a contract's (a receivables list per invoice). */
  invoice?: boolean;
  /** group: numbered 约定收款日期N columns; single: one 应收 column; plan: a 收款计划表 row. */
  source: "group" | "single" | "plan";
  /** The row the node is written on (a contracts row, or a 收款计划表 row). */
  row: TypedRow;
  dueDate?: FieldCell;
  dueAmount?: FieldCell;
  receivedAmount?: FieldCell;
  receivedDate?: FieldCell;
  /** Contract-level for group/single nodes, the row's own for plan rows. */
  dunningDate?: FieldCell;
  reportDate?: FieldCell;
}

export interface RuleContext {
  wb: WorkbookSnapshot;
  asOf: IsoDate;
  settings: Settings;
  calendar: Workdays;
  recognition: RecogniseResult;
  tables: TypedTable[];
  /** First contracts row per contract number, over every contracts table. */
  contracts: Map<string, TypedRow>;
  /** True when some contracts table maps contractNo (cross-table rules need it). */
  hasContracts: boolean;
  nodes: PaymentNode[];
  nodesByContract: Map<string, PaymentNode[]>;
  /** 收款计划表 rows per contract number. */
  planRows: Map<string, TypedRow[]>;
  report(f: Omit<Finding, "severity">): void;
  /**
   * Live validation judging part of a table again: the rows a rule with `reach` reports on (it
   * keeps its other findings). Undefined: every row.
   */
  only?: ReadonlySet<number>;
}

/** A cell an edit changed: its sheet row and column, its value before and after. */
export interface ChangedCell {
  row: number;
  col: number;
  before?: CellValue;
  after?: CellValue;
}

/** What an edit changed on one table, for a rule that can judge part of it again (TableRule.reach). */
export interface TableEdit {
  /** The table before and after: the same rows in the same order, some of them parsed again. */
  before: TypedTable;
  after: TypedTable;
  /** The rows parsed again. */
  rows: ReadonlySet<number>;
  /** The fields whose value changed on them. */
  fields: ReadonlySet<string>;
  /** Every cell of the table's sheet whose value changed, inside the table or not. */
  cells: readonly ChangedCell[];
  /** What the rules saw before the edit (its tables and indexes) and see now. */
  was: Omit<RuleContext, "report">;
  now: Omit<RuleContext, "report">;
}

interface RuleBase {
  id: RuleId;
  severity: Severity;
  /** Section of seed/项目实施规范.txt the rule comes from, when it has one. */
  source?: string;
}

/** A rule run once per recognised table of the kinds it names. */
export interface TableRule extends RuleBase {
  scope: "table";
  /** Per kind, the field sets the rule needs; any one complete set is enough. */
  needs: Partial<Record<Kind, string[][]>>;
  /** A workbook-level precondition, e.g. "a contracts table exists". */
  when?: (ctx: RuleContext) => boolean;
  check(ctx: RuleContext, table: TypedTable): void;
  /**
   * The rows whose findings an edit can change (live validation judges those again, with
   * ctx.only, and keeps the rest); undefined when that cannot be said cheaply (all are judged),
   * empty when nothing can change. A rule whose reach names rows reports only on rows, and only on
   * ctx.only's when that is set.
   */
  reach?(edit: TableEdit): ReadonlySet<number> | undefined;
}

/** A rule run once per workbook (recognition, calendar). */
export interface WorkbookRule extends RuleBase {
  scope: "workbook";
  check(ctx: RuleContext): void;
}

export type Rule = TableRule | WorkbookRule;

/** Whether a table rule can run on this table; undefined when the rule does not concern its kind. */
export function ruleApplies(rule: TableRule, table: TypedTable, ctx: RuleContext): boolean | undefined {
  const sets = rule.needs[table.kind];
  if (!sets) return undefined;
  const hasFields = sets.some((set) => set.every((f) => table.fields.has(f)));
  return hasFields && (rule.when?.(ctx) ?? true);
}

/** The subject of a row for messages: task wbs/name or contract number. */
export function subjectArgs(row: TypedRow): MessageArgs {
  const args: MessageArgs = {};
  const wbs = textOf(row.fields.wbs);
  const task = textOf(row.fields.task);
  const contractNo = textOf(row.fields.contractNo);
  if (wbs !== undefined) args.wbs = wbs;
  if (task !== undefined) args.task = task;
  if (contractNo !== undefined) args.contractNo = contractNo;
  return args;
}

/** A finding located at a cell of a row. */
export function at(
  row: TypedRow,
  fc: FieldCell | undefined,
  field?: string,
): Omit<Finding, "severity" | "rule" | "args"> {
  const loc: Omit<Finding, "severity" | "rule" | "args"> = { sheet: row.sheet, row: row.row };
  const f = fc?.field ?? field;
  if (f !== undefined) loc.field = f;
  if (fc) {
    loc.cell = fc.cell;
    loc.value = fc.display;
  }
  return loc;
}

/**
 * A finding at a cell of a row, as `{ rule, ...at(row, fc, field), args }` says it, built at once in
 * the shape runRules gives every finding: no location object to copy, and runRules fills in the
 * severity instead of copying the finding again (a workbook can have 100,000 findings).
 */
export function findingAt(
  rule: RuleId,
  row: TypedRow,
  fc: FieldCell | undefined,
  args: MessageArgs,
  field?: string,
): Omit<Finding, "severity"> {
  const f: Finding = {
    rule,
    severity: SEVERITY_UNSET,
    sheet: row.sheet,
    row: row.row,
    field: fc?.field ?? field,
    cell: fc?.cell,
    value: fc?.display,
    args,
  };
  return f;
}

/** The severity of a finding findingAt built, until runRules sets the rule's. */
const SEVERITY_UNSET = undefined as unknown as Severity;

/** A finding findingAt built: it already has every key, severity included. */
export function hasSeveritySlot(f: Omit<Finding, "severity">): f is Finding {
  return "severity" in f;
}

/** 合同状态 says the contract was terminated: deadline rules no longer apply to it. */
export function isTerminated(contract: TypedRow | undefined): boolean {
  return (textOf(contract?.fields.status) ?? "").includes("终止");
}

/** 合同状态 says the work is complete even when 实际完成日期 was not filled in. */
export function isMarkedComplete(contract: TypedRow | undefined): boolean {
  return (textOf(contract?.fields.status) ?? "").includes("已完成");
}

/** Build the contract index and payment nodes from the typed tables. */
export function buildIndexes(
  tables: TypedTable[],
): Pick<RuleContext, "contracts" | "hasContracts" | "nodes" | "nodesByContract" | "planRows"> {
  const contracts = new Map<string, TypedRow>();
  let hasContracts = false;
  const nodes: PaymentNode[] = [];
  const planRows = new Map<string, TypedRow[]>();
  for (const t of tables) {
    if (t.kind !== "contracts" || !t.fields.has("contractNo")) continue;
    hasContracts = true;
    for (const row of t.rows) {
      const no = textOf(row.fields.contractNo);
      if (no === undefined) continue;
      if (!contracts.has(no)) {
        contracts.set(no, row);
        nodesFromContract(no, row, nodes);
      } else if (row.continuation) {
        // The contract goes on over this row (合同编号 merged down): its payment node counts too.
        nodesFromContract(no, row, nodes);
      }
    }
  }
  for (const t of tables) {
    if (t.kind !== "payments") continue;
    if (t.source.sheetContract) {
      ledgerNodes(t, planRows, nodes);
      continue;
    }
    for (const row of t.rows) {
      const no = textOf(row.fields.contractNo);
      if (no === undefined) continue;
      const list = planRows.get(no) ?? [];
      list.push(row);
      planRows.set(no, list);
      const n = list.length;
      const f = row.fields;
      const node = paymentNode(
        `${no}#${n}`,
        no,
        n,
        textOf(f.node) ?? "",
        "plan",
        row,
        f,
        f.dunningDate,
        f.reportDate,
      );
      if (t.source.columns.contractNo?.invoice) node.invoice = true;
      nodes.push(node);
    }
  }
  const nodesByContract = new Map<string, PaymentNode[]>();
  for (const node of nodes) {
    const list = nodesByContract.get(node.contractNo);
    if (list) list.push(node);
    else nodesByContract.set(node.contractNo, [node]);
  }
  return { contracts, hasContracts, nodes, nodesByContract, planRows };
}

/**
 * A monthly ledger on a contract's own sheet (月份 | … | 合同规定当月应收货款 | 当月实收货款): each
 * month's 应收 is a node due at the month's end, and what was received, whatever month it was
 * entered in, pays the oldest months first. A month is overdue for what of it is still unpaid.
 */
function ledgerNodes(t: TypedTable, planRows: Map<string, TypedRow[]>, nodes: PaymentNode[]): void {
  let received = 0;
  for (const row of t.rows) received += numOf(row.fields.receivedAmount) ?? 0;
  for (const row of t.rows) {
    const no = textOf(row.fields.contractNo);
    if (no === undefined) continue;
    const list = planRows.get(no) ?? [];
    list.push(row);
    planRows.set(no, list);
    const f = row.fields;
    const due = numOf(f.dueAmount);
    if (due === undefined || due <= 0) continue;
    const paid = Math.min(due, Math.max(0, received));
    received -= paid;
    const month = dateOf(f.dueDate);
    const label = month ? `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月应收货款` : "";
    const cells = { ...f, receivedAmount: f.receivedAmount && readAs(f.receivedAmount, paid) };
    nodes.push(
      paymentNode(
        `${no}#${month ?? row.row}`,
        no,
        list.length,
        label,
        "plan",
        row,
        cells,
        f.dunningDate,
        f.reportDate,
      ),
    );
  }
}

/** Every node built by one literal, so all of them share one shape. */
function paymentNode(
  key: string,
  contractNo: string,
  n: number,
  label: string,
  source: PaymentNode["source"],
  row: TypedRow,
  cells: Partial<Record<string, FieldCell>>,
  dunningDate: FieldCell | undefined,
  reportDate: FieldCell | undefined,
): PaymentNode {
  return {
    contractNo,
    label,
    row,
    dunningDate,
    reportDate,
    key,
    n,
    source,
    dueDate: cells.dueDate,
    dueAmount: cells.dueAmount,
    receivedAmount: cells.receivedAmount,
    receivedDate: cells.receivedDate,
  };
}

function nodesFromContract(no: string, row: TypedRow, out: PaymentNode[]): void {
  const f = row.fields;
  for (const g of row.groups) {
    out.push(paymentNode(`${no}#${g.n}`, no, g.n, "", "group", row, g.fields, f.dunningDate, f.reportDate));
  }
  if (f.dueDate || f.dueAmount) {
    // A single 应收 column holds whichever node is next, so its number is not stable;
    // the due date identifies the node (and its notice) instead.
    const due = dateOf(f.dueDate);
    out.push(paymentNode(`${no}#${due ?? "应收"}`, no, 0, "", "single", row, f, f.dunningDate, f.reportDate));
  }
}
