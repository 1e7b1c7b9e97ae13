/**
 * The Office.js host: the open workbook as a WorkbookHost. read() takes two round trips (three
 * when the workbook has custom conditional formats) while its cells fit one response, plus one
 * per ~4 MB of cells beyond; apply() one (two when the patch sets data validation), plus one per
 * ~4 MB of queued writes on very large patches — never one per row.
 *
 * read() also learns what apply() needs and Office.js would otherwise make it read again: the
 * sheets in tab order, the tables and their extents, and which conditional formats are the
 * product's. apply() after read() on the same host uses that; a host that has not read yet
 * reads first. The use-cases always read before they apply.
 */

import type { HostNote, WorkbookPatch } from "../../core/patch";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { WorkbookHost } from "../host";
import { applyPatchExcel, type ApplyOptions, type ExcelApplyNote } from "./apply";
import { readWorkbook, type ReadOptions, type Structure, type Supports } from "./read";

/** Runs a batch on a request context: `Excel.run` in the add-in, a fake in tests. */
export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions extends ApplyOptions, ReadOptions {
  run?: ExcelRunner;
  /** Whether ExcelApi 1.`minor` is available; defaults to Office.context.requirements. */
  supports?: Supports;
}

/**
 * Excel reports a change event some time after the sync that made the change, possibly after
 * apply() has returned: changes reported this long after an apply ended are still taken for it.
 */
export const APPLY_ECHO_MS = 1000;

let applies = 0;
let lastApplyEnd = Number.NEGATIVE_INFINITY;

/**
 * Whether an ExcelHost.apply() of this add-in is running, or ended less than APPLY_ECHO_MS ago:
 * the workbook changes seen now are the add-in's own, not the user's.
 */
export function isApplying(now: number = Date.now()): boolean {
  const since = now - lastApplyEnd;
  return applies > 0 || (since >= 0 && since < APPLY_ECHO_MS);
}

export class ExcelHost implements WorkbookHost {
  private structure?: Structure;
  /** What the last read() gave, for apply() to check its targets against. */
  private snapshot?: WorkbookSnapshot;
  private readonly run: ExcelRunner;
  private readonly supports: Supports;
  /** What the last apply() did differently from the patch, for the log. */
  notes: ExcelApplyNote[] = [];

  constructor(private readonly opts: ExcelHostOptions = {}) {
    this.run = opts.run ?? ((batch) => Excel.run(batch));
    this.supports =
      opts.supports ?? ((minor) => Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`));
  }

  async read(): Promise<WorkbookSnapshot> {
    return this.run(async (ctx) => {
      const { snapshot, structure } = await readWorkbook(ctx, this.supports, this.opts);
      this.structure = structure;
      this.snapshot = snapshot;
      return snapshot;
    });
  }

  async apply(patch: WorkbookPatch): Promise<HostNote[]> {
    applies++;
    try {
      await this.run(async (ctx) => {
        const planned = this.structure
          ? { structure: this.structure, snapshot: this.snapshot }
          : { structure: (await readWorkbook(ctx, this.supports, this.opts)).structure };
        // What we learned is spent: the patch changes it, so the next apply reads again.
        this.structure = undefined;
        this.snapshot = undefined;
        this.notes = await applyPatchExcel(ctx, patch, planned, this.supports, this.opts);
      });
    } finally {
      applies--;
      lastApplyEnd = Date.now();
    }
    return this.notes;
  }
}
