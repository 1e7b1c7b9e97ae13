/**
 * The pane's heavy work, as plain data in and plain data out, so it runs in a Web Worker
 * (./worker.ts) and, where there is none (jsdom tests), on the page itself (./engine.ts).
 * Web mode hands the file's bytes: reading happens here too. Excel hands the snapshot
 * Office.js read on the page; a write comes back as the patch for the page to apply.
 */

import {
  applyAndLog,
  forLog,
  outcomeOf,
  shanghaiTimestamp,
  type ApplyOutcome,
  type Stage,
} from "../app/apply";
import type { CheckReport, LocalisedFinding } from "../app/check";
import { runBaselineSet } from "../app/baseline";
import { formatFinding } from "../i18n/messages";
import { runSettingsEdit } from "../app/settings";
import { analyseWorkbook, type Analysis } from "../core/check";
import { recheck, startLive, type CellEdit, type LiveState, type Touched } from "../core/live";
import { todayInShanghai, type IsoDate } from "../core/dates";
import type { Finding } from "../core/findings";
import type { NoticePlan } from "../core/notices";
import type { HostNote, WorkbookPatch } from "../core/patch";
import { snapshotAfter } from "../core/patch-snapshot";
import { refusalMessage, type BaselineRefusal } from "../core/plan/baseline";
import type { SettingsEdit } from "../core/plan/settings-edit";
import { planApply } from "../core/plan";
import { markIssued, registerSheet } from "../core/register";
import { textOf, type TypedRow } from "../core/rows";
import type { Lang } from "../core/settings";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { WorkbookHost } from "../host/host";
import { applyPatchXlsxWithNotes } from "../host/xlsx/apply";
import { readXlsxBytes } from "../host/xlsx/read";

/** A finding with what the worklist filters and sorts by. */
export interface PaneFinding extends LocalisedFinding {
  /** 负责人, 客服经理, 销售经理 of its row (and of its contract, for a task or payment-plan row). */
  who?: string[];
  /** 合同编号 of its row. */
  contract?: string;
  /** Days overdue (overdue, late-start and late-report rules). */
  days?: number;
  /** ¥ outstanding (payments) or due. */
  amount?: number;
}

export interface PaneReport extends CheckReport {
  findings: PaneFinding[];
}

/**
 * Bytes of an .xlsx (web mode) or a snapshot read by Office.js (Excel). `token` names one version
 * of the bytes: what was read of it is kept for the next job on the same version.
 */
export type JobInput =
  | { bytes: Uint8Array; token: number }
  | { snapshot: WorkbookSnapshot }
  /** Live validation in Excel: the cells read again after an edit, laid over the last check's snapshot. */
  | { edits: CellEdit[] };

export interface JobBase {
  input: JobInput;
  lang: Lang;
  asOf?: IsoDate;
  /** The page's clock, so a worker and the page agree on today. */
  now: number;
}

export type Job =
  | (JobBase & { kind: "open" })
  | (JobBase & { kind: "check" })
  /** Live validation: input is `{ edits }`; re-checks what the edits can change. */
  | (JobBase & { kind: "live" })
  | (JobBase & {
      kind: "apply";
      notices: boolean;
      noticeKeys?: string[];
      user: string;
      /** The workbook's file name, printed on the 校验报告. */
      file?: string;
    })
  | (JobBase & { kind: "settings"; edit: SettingsEdit; user: string })
  | (JobBase & { kind: "baseline"; name?: string; replace: boolean; user: string });

export interface JobResult {
  /** Absent after "open", which only reads. */
  report?: PaneReport;
  /** apply: what was done (its report is `report`). */
  outcome?: Omit<ApplyOutcome, "report">;
  /** settings: how many changes were saved. */
  saved?: number;
  /** baseline: the baseline saved, or why not (nothing is written then). */
  baseline?: PaneBaselineOutcome;
  /** Web mode after a write: the workbook's new bytes. */
  bytes?: Uint8Array;
  /** Excel after a write: the patch for the page to apply with Office.js. */
  patch?: WorkbookPatch;
  /** The time the job's 操作日志 rows carry, for the page's own log row of host notes. */
  stamp?: string;
  /** live: no check of this workbook to build on here; read it all and check. */
  stale?: boolean;
  /** live: how the edits were checked — only what they change, or in full on the kept snapshot. */
  live?: "incremental" | "full";
}

export type JobStage = Stage | "send";

/** 设为基线's outcome as the pane shows it: the name saved, or the refusal in one sentence. */
export type PaneBaselineOutcome =
  | { ok: true; name: string; version: number; tasks: number; replaced: boolean }
  | { ok: false; reason: BaselineRefusal["reason"]; message: string };

/** The last version of a file read, so 校验 after opening does not read it again. */
let lastRead: { token: number; wb: WorkbookSnapshot } | undefined;

/**
 * Live validation's memory, Excel only: the snapshot of the last check with what it found, so an
 * edit is checked by reading and judging only its rows (../core/live.ts). Built after the check's
 * result has gone to the page (prepareLive), or at the first edit. Any other job drops it.
 */
let lastCheck:
  | { wb: WorkbookSnapshot; analysis: Analysis; lang: Lang; asOf?: IsoDate; today: IsoDate; live?: LiveState }
  | undefined;

/** Builds live validation's memory of the last check, if not yet built; the worker calls it when idle. */
export function prepareLive(): void {
  if (lastCheck && !lastCheck.live)
    lastCheck.live = startLive(lastCheck.wb, lastCheck.analysis, {
      asOf: lastCheck.asOf,
      today: lastCheck.today,
    });
}

/** Reads the input once; a write goes to the bytes or is kept for the page. */
class JobHost implements WorkbookHost {
  wb?: WorkbookSnapshot;
  patch?: WorkbookPatch;
  bytes?: Uint8Array;
  constructor(private input: JobInput) {}
  async read(): Promise<WorkbookSnapshot> {
    if (this.wb) return this.wb;
    const input = this.input;
    if ("edits" in input) throw new Error("live edits are not a workbook");
    if (!("bytes" in input)) return (this.wb = input.snapshot);
    if (lastRead?.token !== input.token) {
      lastRead = undefined;
      lastRead = { token: input.token, wb: readXlsxBytes(input.bytes) };
    }
    return (this.wb = lastRead.wb);
  }
  /**
   * Web mode writes the bytes, one patch after another; in Excel the page applies the patch
   * itself and learns the host's notes then, so here there are none.
   */
  async apply(patch: WorkbookPatch): Promise<HostNote[]> {
    if (!("bytes" in this.input)) {
      this.patch = this.patch ? { ops: [...this.patch.ops, ...patch.ops] } : patch;
      return [];
    }
    const { bytes, notes } = applyPatchXlsxWithNotes(this.bytes ?? this.input.bytes, patch);
    this.bytes = bytes;
    return notes;
  }
}

const num = (v: string | number | undefined) => (typeof v === "number" ? v : undefined);

/** The people and the contract a worklist filters a row's findings by. */
export function enrich(a: Pick<Analysis, "tables" | "model">, findings: Finding[], out: PaneFinding[]): void {
  const rows = new Map<string, Map<number, TypedRow>>();
  for (const t of a.tables) {
    const byRow = rows.get(t.sheet) ?? new Map<number, TypedRow>();
    for (const r of t.rows) byRow.set(r.row, r);
    rows.set(t.sheet, byRow);
  }
  // A row has several findings, each naming the same people: worked out once per row and contract.
  const whoOf = peopleOf(a.model.contracts);
  findings.forEach((f, i) => {
    const o = out[i];
    const row = f.row === undefined ? undefined : rows.get(f.sheet)?.get(f.row);
    const contract = (row && textOf(row.fields.contractNo)) ?? (f.args.contractNo as string | undefined);
    if (contract !== undefined) o.contract = String(contract);
    const who = whoOf(row, contract === undefined ? undefined : String(contract));
    if (who) o.who = who;
    const days = num(f.args.days);
    if (days !== undefined && /overdue|late/.test(f.rule)) o.days = days;
    const amount = num(f.args.outstanding) ?? num(f.args.dueAmount);
    if (amount !== undefined) o.amount = amount;
  });
}

/**
 * The people of a row and of its contract's row (负责人, 客服经理, 销售经理; a cell may name several:
 * 「李娜、赵强」), each once, in that order; undefined when none. The same row and contract give the
 * same array, which is never changed.
 */
export function peopleOf(
  contracts: ReadonlyMap<string, TypedRow>,
): (row: TypedRow | undefined, contract: string | undefined) => string[] | undefined {
  const ofRow = new Map<TypedRow, string[]>();
  const people = (r: TypedRow | undefined): string[] => {
    if (!r) return [];
    let list = ofRow.get(r);
    if (!list) {
      list = [r.fields.owner, r.fields.serviceManager, r.fields.salesManager].flatMap(
        (c) => textOf(c)?.split(/[、,，/;；\s]+/) ?? [],
      );
      ofRow.set(r, list);
    }
    return list;
  };
  // Nearly always a row is asked about with its own contract: one entry per row, a map for others.
  interface Made {
    contract: string | undefined;
    who: string[] | undefined;
    others?: Map<string | undefined, string[] | undefined>;
  }
  const made = new Map<TypedRow | undefined, Made>();
  return (row, contract) => {
    const known = made.get(row);
    if (known && known.contract === contract) return known.who;
    if (known?.others?.has(contract)) return known.others.get(contract);
    const contractRow = contract === undefined ? undefined : contracts.get(contract);
    const who = [...new Set([...people(row), ...(contractRow !== row ? people(contractRow) : [])])].filter(
      (x): x is string => !!x,
    );
    const out = who.length ? who : undefined;
    if (!known) made.set(row, { contract, who: out });
    else (known.others ??= new Map()).set(contract, out);
    return out;
  };
}

/**
 * Pane findings already made, per finding: live validation words and enriches only the findings an
 * edit made, and enriches again those on the rows it parsed again or naming a contract whose row
 * it parsed again (their people or contract may have changed, not their words). Dropped unless
 * `touched` (what a live edit parsed again).
 */
let made: { lang: Lang; byFinding: WeakMap<Finding, PaneFinding> } | undefined;

function report(a: Analysis, lang: Lang, notices?: NoticePlan[], touched?: Touched): PaneReport {
  if (!touched || made?.lang !== lang) made = { lang, byFinding: new WeakMap() };
  const byFinding = made.byFinding;
  const fresh: Finding[] = [];
  const out: PaneFinding[] = [];
  const rowsOf = touched?.rows ?? new Map<string, Set<number>>();
  const contracts = touched?.contracts ?? new Set<string>();
  const stale = (f: Finding, p: PaneFinding) =>
    (f.row !== undefined && rowsOf.get(f.sheet)?.has(f.row) === true) ||
    (contracts.size > 0 &&
      ((p.contract !== undefined && contracts.has(p.contract)) ||
        (typeof f.args.contractNo === "string" && contracts.has(f.args.contractNo))));
  const findings = a.result.findings.map((f) => {
    let p = byFinding.get(f);
    if (p !== undefined && stale(f, p)) {
      p = { ...p };
      delete p.who;
      delete p.contract;
      delete p.days;
      delete p.amount;
      byFinding.set(f, p);
      fresh.push(f);
      out.push(p);
    }
    if (p === undefined) {
      // Field by field, as localise() does: rest-spreading 100k findings costs more than wording them.
      p = {
        rule: f.rule,
        severity: f.severity,
        sheet: f.sheet,
        row: f.row,
        field: f.field,
        cell: f.cell,
        value: f.value,
        message: formatFinding(f, lang),
      };
      byFinding.set(f, p);
      fresh.push(f);
      out.push(p);
    }
    return p;
  });
  if (fresh.length) enrich(a, fresh, out);
  const r: PaneReport = { ...a.result, findings };
  if (notices) r.notices = notices;
  return r;
}

/** The pane's report of a snapshot, as the worker makes it. */
export function paneReport(
  wb: WorkbookSnapshot,
  opts: { lang: Lang; asOf?: IsoDate; today: IsoDate },
): PaneReport {
  return report(analyseWorkbook(wb, { asOf: opts.asOf, today: opts.today }), opts.lang);
}

export async function runJob(job: Job, stage: (s: JobStage) => void = () => undefined): Promise<JobResult> {
  const host = new JobHost(job.input);
  const now = new Date(job.now);
  const today = todayInShanghai(now);
  const analyse = (wb: WorkbookSnapshot) => analyseWorkbook(wb, { asOf: job.asOf, today });
  const written = () => ("bytes" in job.input ? { bytes: host.bytes } : { patch: host.patch });
  const kept = lastCheck;
  if (job.kind !== "live") lastCheck = undefined;
  switch (job.kind) {
    case "live": {
      if (
        !("edits" in job.input) ||
        !kept ||
        kept.lang !== job.lang ||
        kept.asOf !== job.asOf ||
        kept.today !== today
      )
        return { stale: true };
      stage("check");
      kept.live ??= startLive(kept.wb, kept.analysis, { asOf: kept.asOf, today: kept.today });
      if (!kept.live) return { stale: true };
      const again = recheck(kept.live, job.input.edits);
      if (again) {
        kept.analysis = again;
        return { report: report(again, job.lang, undefined, kept.live.touched), live: "incremental" };
      }
      // Only a full check can say; the snapshot already holds the edits.
      const a = analyse(kept.wb);
      lastCheck = { ...kept, analysis: a, live: undefined };
      return { report: report(a, job.lang), live: "full" };
    }
    case "open": {
      stage("read");
      await host.read();
      return {};
    }
    case "check": {
      stage("read");
      const wb = await host.read();
      stage("check");
      const a = analyse(wb);
      if ("snapshot" in job.input) lastCheck = { wb, analysis: a, lang: job.lang, asOf: job.asOf, today };
      return { report: report(a, job.lang) };
    }
    case "apply": {
      stage("read");
      const wb = await host.read();
      stage("plan");
      const stamp = shanghaiTimestamp(now);
      const plan = planApply(wb, {
        asOf: job.asOf,
        today,
        now: stamp,
        user: job.user,
        lang: job.lang,
        normalize: false,
        notices: job.notices,
        noticeKeys: job.noticeKeys,
        ...(job.file ? { file: job.file } : {}),
      });
      stage("write");
      const hostNotes = await applyAndLog(host, forLog(wb), plan.patch, {
        now: stamp,
        user: job.user,
        lang: job.lang,
      });
      // The notices with the numbers the register now gives them: only the register is laid over.
      // The register is known by its marker; a new one is the sheet the plan marks as the register.
      const registerName =
        registerSheet(wb)?.sheet.name ??
        plan.patch.ops.find(
          (op) => (op.op === "writeSheet" || op.op === "ensureSheet") && op.owner.kind === "register",
        )?.sheet;
      const after = snapshotAfter(
        { ...wb, sheets: wb.sheets.filter((s) => s.name === registerName) },
        { ops: plan.patch.ops.filter((op) => "sheet" in op && op.sheet === registerName) },
      );
      const outcome: JobResult["outcome"] = outcomeOf(plan, hostNotes);
      const notices = markIssued(after, plan.result.notices);
      return { report: report(plan.analysis, job.lang, notices), outcome, stamp, ...written() };
    }
    case "baseline": {
      stage("write");
      const out = await runBaselineSet(host, {
        name: job.name,
        replace: job.replace,
        lang: job.lang,
        user: job.user,
        now,
      });
      if (!out.ok)
        return {
          baseline: {
            ok: false,
            reason: out.refusal.reason,
            message: refusalMessage(out.refusal, job.lang, "pane"),
          },
        };
      stage("check");
      const { name, version, tasks, replaced } = out;
      return {
        report: report(analyse(out.workbook), job.lang),
        baseline: { ok: true, name, version, tasks, replaced },
        stamp: shanghaiTimestamp(now),
        ...written(),
      };
    }
    case "settings": {
      stage("write");
      const saved = await runSettingsEdit(host, job.edit, job.lang, { user: job.user, now });
      stage("check");
      return {
        report: report(analyse(saved.workbook), job.lang),
        saved: saved.operations,
        stamp: shanghaiTimestamp(now),
        ...written(),
      };
    }
  }
}
