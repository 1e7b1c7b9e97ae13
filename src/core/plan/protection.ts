/**
 * Protection, as Excel enforces it: a protected sheet takes no change at all, and a workbook
 * whose structure is protected takes no new sheet and no sheet hidden or shown. The planner
 * leaves such parts out instead of planning what Excel would refuse (the Office.js host would
 * fail halfway through; the .xlsx writer would quietly get round the protection), and says what
 * it left out.
 */

import type { PatchOp } from "../patch";
import type { WorkbookSnapshot } from "../snapshot";

export interface ProtectionSkips {
  /** Protected sheets the run would have changed and left alone, in workbook order. */
  sheets: string[];
  /** Sheets the run would have added (or hidden or shown), left out: the structure is protected. */
  newSheets: string[];
  /** Notices not written (their sheets and register rows go together or not at all). */
  notices: number;
}

export class Protection {
  private readonly existing: Map<string, { name: string; protected: boolean; visibility: string }>;
  readonly structure: boolean;
  private readonly skippedSheets = new Set<string>();
  private readonly skippedNew = new Set<string>();
  private skippedNotices = 0;

  constructor(private readonly wb: WorkbookSnapshot) {
    this.existing = new Map(
      wb.sheets.map((s) => [
        s.name.toLowerCase(),
        { name: s.name, protected: s.protected === true, visibility: s.visibility },
      ]),
    );
    this.structure = wb.structureProtected === true;
  }

  /** True when the sheet exists and is protected. */
  isProtected(sheet: string): boolean {
    return this.existing.get(sheet.toLowerCase())?.protected === true;
  }

  /** True when the op may run: its sheet is not protected, and it adds no sheet to a protected structure. */
  allows(op: PatchOp): boolean {
    const known = this.existing.get(op.sheet.toLowerCase());
    if (known?.protected) return false;
    if (!known && this.structure && (op.op === "writeSheet" || op.op === "ensureSheet")) return false;
    return true;
  }

  /**
   * The ops that may run, each other one noted; a kept writeSheet or ensureSheet of an existing
   * sheet keeps that sheet's visibility when the structure is protected.
   */
  filter(ops: PatchOp[]): PatchOp[] {
    const out: PatchOp[] = [];
    for (const op of ops) {
      if (this.allows(op)) {
        out.push(this.keepVisibility(op));
        continue;
      }
      if (this.isProtected(op.sheet)) this.skippedSheets.add(op.sheet.toLowerCase());
      else this.skippedNew.add(op.sheet);
    }
    return out;
  }

  /**
   * The notice ops, all of them or none: `count` notices are left out when any op is refused. A
   * protected sheet among them is named; new notice sheets are only counted.
   */
  notices(ops: PatchOp[], count: number): PatchOp[] {
    const refused = ops.filter((op) => !this.allows(op));
    if (refused.length === 0) return ops;
    for (const op of refused) if (this.isProtected(op.sheet)) this.skippedSheets.add(op.sheet.toLowerCase());
    this.skippedNotices += count;
    return [];
  }

  private keepVisibility(op: PatchOp): PatchOp {
    if (!this.structure || (op.op !== "writeSheet" && op.op !== "ensureSheet")) return op;
    const known = this.existing.get(op.sheet.toLowerCase());
    if (!known || known.visibility === op.visibility) return op;
    // veryHidden cannot be asked for; a product sheet the user made veryHidden stays hidden.
    return { ...op, visibility: known.visibility === "visible" ? "visible" : "hidden" };
  }

  /** What was left out, or undefined when nothing was. */
  skips(): ProtectionSkips | undefined {
    if (this.skippedSheets.size === 0 && this.skippedNew.size === 0 && this.skippedNotices === 0)
      return undefined;
    return {
      sheets: this.wb.sheets.filter((s) => this.skippedSheets.has(s.name.toLowerCase())).map((s) => s.name),
      newSheets: [...this.skippedNew],
      notices: this.skippedNotices,
    };
  }
}
