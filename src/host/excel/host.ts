/**
 * The Office.js host: the open workbook as a WorkbookHost. read() takes two round trips (three
 * when the workbook has custom conditional formats), apply() one (two when the patch sets data
 * validation), plus one per ~4 MB of queued writes on very large patches — never one per row.
 *
 * read() also learns what apply() needs and Office.js would otherwise make it read again: the
 * sheets in tab order, the tables and their extents, and which conditional formats are the
 * product's. apply() after read() on the same host uses that; a host that has not read yet
 * reads first. The use-cases always read before they apply.
 */

import type { WorkbookPatch } from "../../core/patch";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { WorkbookHost } from "../host";
import { applyPatchExcel, type ApplyOptions, type ExcelApplyNote } from "./apply";
import { readWorkbook, type Structure, type Supports } from "./read";

/** Runs a batch on a request context: `Excel.run` in the add-in, a fake in tests. */
export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions extends ApplyOptions {
  run?: ExcelRunner;
  /** Whether ExcelApi 1.`minor` is available; defaults to Office.context.requirements. */
  supports?: Supports;
}

export class ExcelHost implements WorkbookHost {
  private structure?: Structure;
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
      const { snapshot, structure } = await readWorkbook(ctx, this.supports);
      this.structure = structure;
      return snapshot;
    });
  }

  async apply(patch: WorkbookPatch): Promise<void> {
    await this.run(async (ctx) => {
      const structure = this.structure ?? (await readWorkbook(ctx, this.supports)).structure;
      // What we learned is spent: the patch changes it, so the next apply reads again.
      this.structure = undefined;
      this.notes = await applyPatchExcel(ctx, patch, structure, this.supports, this.opts);
    });
  }
}
