/**
 * Live validation's trigger: calls `onChange` when the user (or a co-author) changes a sheet the
 * check reads. Changes the add-in makes itself, and changes on the product's own sheets (report,
 * notice register, log, notices, normalised copies) are not the user's data and are ignored; the
 * 设置 sheet is the user's to edit and counts. The handler does nothing but call `onChange`: no
 * UI, no dialogs, no throwing — the caller debounces and decides what to do. A co-author's
 * change that arrives while the add-in applies is still the user's: it is never taken for the
 * add-in's own.
 *
 * Needs WorksheetCollection.onChanged (ExcelApi 1.9); without it, watching is a no-op.
 */

import { isApplying, type ExcelRunner } from "./host";
import type { Supports } from "./read";

/** Runs a batch on a given request context: `Excel.run(context, batch)`. */
export type ExcelContextRunner = <T>(
  ctx: Excel.RequestContext,
  batch: (ctx: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface WatchOptions {
  run?: ExcelRunner;
  /** Handlers must be removed through the context they were added with. */
  runIn?: ExcelContextRunner;
  supports?: Supports;
  /** Whether a change seen now is the add-in's own; defaults to isApplying(). */
  isOwnChange?: () => boolean;
}

/** What changed, as the event says: the sheet by name, the range on it, and how (RangeEdited …). */
export interface SheetChange {
  sheet: string;
  address: string;
  changeType: string;
}

/**
 * Resolves to the function that stops watching (and resolves when it has). `onChange` is given
 * the change when its sheet could be named; without it, the caller must look at the whole workbook.
 */
export async function watchWorkbook(
  onChange: (change?: SheetChange) => void,
  opts: WatchOptions = {},
): Promise<() => Promise<void>> {
  const supports =
    opts.supports ?? ((minor) => Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`));
  const noop = async () => {};
  if (!supports(9)) return noop;
  const run: ExcelRunner = opts.run ?? ((batch) => Excel.run(batch));
  const runIn: ExcelContextRunner = opts.runIn ?? ((ctx, batch) => Excel.run(ctx, batch));
  const own = opts.isOwnChange ?? (() => isApplying());
  // Loaded here, not with the module: the pane's check chunk already carries them.
  const [{ isProductSheet }, { SETTINGS_SHEET }, { loadNames, readMarkers }] = await Promise.all([
    import("../../core/check"),
    import("../../core/workbook-settings"),
    import("./owned"),
  ]);
  const formula = supports(7);
  // The product's sheets by their markers; a workbook of an earlier version, without any marker,
  // by their names. A user's own sheet named 校验报告 beside the product's marked one is watched.
  let owned: Set<string> | undefined;
  /** A sheet's changes matter to a check unless the product wrote the sheet. */
  const watched = (name: string) =>
    name === SETTINGS_SHEET || !(owned ? owned.has(name) : isProductSheet(name));

  // Events name the sheet by id: names by id, refreshed when an id is new (an added sheet).
  const names = new Map<string, string>();
  const learn = (items: Excel.Worksheet[], named: Excel.NamedItemCollection) => {
    names.clear();
    for (const ws of items) names.set(ws.id, ws.name);
    const { owners } = readMarkers(
      named,
      formula,
      items.map((ws) => ws.name),
    );
    owned = owners.size > 0 ? new Set(owners.keys()) : undefined;
  };
  const nameOf = async (id: string): Promise<string | undefined> => {
    if (!names.has(id))
      await run(async (ctx) => {
        const sheets = ctx.workbook.worksheets.load("items/id,items/name");
        const named = loadNames(ctx.workbook, formula);
        await ctx.sync();
        learn(sheets.items, named);
      });
    return names.get(id);
  };

  const handler = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    try {
      // A co-author's edit (source Remote) is never the add-in's own, even while it applies.
      const mine = () => event.source !== "Remote" && own();
      if (event.triggerSource === "ThisLocalAddin" || mine()) return;
      const name = await nameOf(event.worksheetId);
      // A sheet gone before we could name it: let the caller look.
      if (name !== undefined && !watched(name)) return;
      if (mine()) return;
      onChange(
        name === undefined
          ? undefined
          : { sheet: name, address: event.address, changeType: event.changeType },
      );
    } catch {
      // An event handler has no one to tell; the next change will try again.
    }
  };

  let registered: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
  try {
    registered = await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/id,items/name");
      const named = loadNames(ctx.workbook, formula);
      const result = ctx.workbook.worksheets.onChanged.add(handler);
      await ctx.sync();
      learn(sheets.items, named);
      return result;
    });
  } catch {
    // Live validation is optional: a host that will not register the handler gets none.
    return noop;
  }

  let removed = false;
  return async () => {
    if (removed) return;
    removed = true;
    try {
      await runIn(registered.context as Excel.RequestContext, async (ctx) => {
        registered.remove();
        await ctx.sync();
      });
    } catch {
      // The workbook is closing or the context is gone: nothing left to call us.
    }
  };
}
