/**
 * `ptrack` — the command-line face of the engine (SPEC §9).
 * Exit status: 0 no error findings, 1 error findings, 2 unusable input or usage.
 */

import { userInfo } from "node:os";
import { basename, dirname, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { checkSnapshot, type CheckReport } from "../app/check";
import { dayNumber, fromDayNumber, isValidYmd } from "../core/dates";
import { parseKindWord } from "../core/kinds";
import type { DeclaredTable, MappingOverride } from "../core/recognise";
import type { GanttMode, Lang } from "../core/settings";
import { parseMappingField, parseMappingKey, parseSheetCell } from "../core/workbook-settings";
import { colNumber, type WorkbookSnapshot } from "../core/snapshot";
import { InputError, loadXlsxFile, readXlsx } from "../host/xlsx/read";
import { baselineWords } from "../i18n/baseline";
import { cliWords, USAGE } from "../i18n/cli";
import { inputErrorMessage } from "../i18n/errors";
import { outputErrorMessage, outputIsInputMessage } from "../i18n/output";
import { checkOutputPath, OutputError, sameFile, saveAtomically } from "./output";
import { delayedProgress, progressBar, type Progress } from "./progress";
import { formatReport } from "./report";

/**
 * Loads a module of the CLI on demand: `check` needs none of the writing side (exceljs alone
 * costs ~0.45 s of start-up). require(), because the CLI runs as CommonJS through tsx's require
 * hook, which does not cover import() of a .ts file.
 */
function load<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as T;
}

/** A usage mistake: one sentence, then the usage text, exit 2. */
export class UsageError extends Error {}
/** A --table or --map the workbook cannot honour (no such sheet, no header there): its sentence alone. */
export class OptionError extends Error {}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  now?: Date;
  progress?: Progress;
}

const NODE_IO: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

/** Runs the CLI and returns its exit status. */
export async function main(argv: string[], io: Io = NODE_IO): Promise<number> {
  let lang: Lang = langFromArgv(argv);
  try {
    const [command, ...rest] = argv;
    if (!command || command === "help" || command === "--help" || command === "-h") {
      io.stdout(USAGE[lang] + "\n");
      return command ? 0 : 2;
    }
    const { values, positionals } = parseOptions(rest);
    lang = values.lang;
    if (command !== "baseline" && (values.name !== undefined || values.replace))
      throw new UsageError(
        baselineWords(lang).onlyForBaseline(values.name !== undefined ? "--name" : "--replace"),
      );
    switch (command) {
      case "check": {
        const file = onlyFile(positionals, lang);
        const progress = io.progress ?? delayedProgress(progressBar(process.stderr, lang), 1000);
        const report = await check(file, values, io.now, progress);
        if (values.json) for (const chunk of jsonChunks(file, report)) io.stdout(chunk);
        else io.stdout(formatReport(file, report, lang, io.isTty));
        return report.summary.errors > 0 ? 1 : 0;
      }
      case "apply":
      case "clear": {
        const file = onlyFile(positionals, lang);
        if (values.output && values.inPlace) throw new UsageError(cliWords(lang).outputOrInPlace);
        return await writeCommand(command, file, values, io);
      }
      case "baseline": {
        const { baselineCommand } = load<typeof import("./baseline")>("./baseline");
        return await baselineCommand(positionals, values, io);
      }
      case "demo": {
        const { runDemo } = load<typeof import("./demo")>("./demo");
        const result = await runDemo(positionals[0] ?? "demo-output", { today: values.today, lang });
        io.stdout(`${cliWords(lang).demoWrote(result.workbook)}\n\n`);
        io.stdout(formatReport(result.workbook, result.report, lang, io.isTty));
        io.stdout(`\n${cliWords(lang).demoApplied(result.applied)}\n`);
        return 0;
      }
      default:
        throw new UsageError(cliWords(lang).unknownCommand(command));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE[lang]}\n`);
      return 2;
    }
    if (e instanceof OptionError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(inputErrorMessage(e, lang, argv[1] ?? "") + "\n");
      return 2;
    }
    if (e instanceof OutputError) {
      io.stderr(outputErrorMessage(e, lang) + "\n");
      return 2;
    }
    // Anything else is our fault: one sentence, no stack trace (set PTRACK_DEBUG to see it).
    if (process.env.PTRACK_DEBUG) io.stderr(String((e as Error).stack) + "\n");
    io.stderr(cliWords(lang).internal(e instanceof Error ? e.message : String(e)) + "\n");
    return 2;
  }
}

async function check(
  file: string,
  o: Options,
  now: Date | undefined,
  progress: Progress,
): Promise<CheckReport> {
  progress.stage("read");
  try {
    const wb = await readXlsx(file);
    handGivenFits(wb, o);
    progress.stage("check");
    return checkSnapshot(wb, {
      asOf: o.today,
      lang: o.lang,
      now,
      overrides: o.overrides,
      declared: o.declared,
    });
  } finally {
    progress.done();
  }
}

export interface Options {
  today?: string;
  json: boolean;
  lang: Lang;
  output?: string;
  inPlace: boolean;
  normalize: boolean;
  notices: boolean;
  /** --company: the 公司名称 for this run's notice letterheads when 设置 has none. */
  company?: string;
  gantt?: GanttMode;
  declared: DeclaredTable[];
  overrides: MappingOverride[];
  /** `baseline`: the baseline's name, and saving over an existing one. */
  name?: string;
  replace: boolean;
}

/**
 * Reads the input of a command that writes a workbook and settles where it goes: -o OUT (default
 * NAME.ptrack.xlsx beside the input) or the input itself with --in-place. Undefined, with its one
 * sentence on stderr, when the output is the input without --in-place, or --in-place is refused
 * because the file holds parts the writer is not trusted to carry through.
 */
export async function openForWrite(
  file: string,
  o: Options,
  io: Io,
): Promise<{ bytes: Uint8Array; out: string } | undefined> {
  const { uncarriedParts } = load<typeof import("../host/xlsx/apply")>("../host/xlsx/apply");
  const { partLabel } = load<typeof import("../i18n/parts")>("../i18n/parts");
  const bytes = await loadXlsxFile(file);
  const out = o.inPlace ? file : (o.output ?? defaultOutput(file));
  await checkOutputPath(out);
  if (!o.inPlace && o.output !== undefined && !/\.xlsx$/i.test(o.output))
    throw new OutputError("not-xlsx", out);
  // The same file however it is spelt: a symlink, "..", a hard link.
  const overInput = o.inPlace || (await sameFile(out, file));
  if (overInput && !o.inPlace) {
    io.stderr(outputIsInputMessage(file, out, o.lang) + "\n");
    return undefined;
  }
  const parts = overInput ? uncarriedParts(bytes) : [];
  if (parts.length) {
    io.stderr(
      cliWords(o.lang).inPlaceRefused(
        file,
        parts.map((p) => partLabel(p, o.lang)),
      ) + "\n",
    );
    return undefined;
  }
  return { bytes, out };
}

/**
 * `apply` and `clear`: read the file once, run the use-case on the .xlsx host, and write the
 * result to -o OUT (default: NAME.ptrack.xlsx beside the input), or over the input with
 * --in-place — refused when the file holds parts the writer is not trusted to carry through.
 */
async function writeCommand(command: "apply" | "clear", file: string, o: Options, io: Io): Promise<number> {
  const w = cliWords(o.lang);
  const { runApply, runClear } = load<typeof import("../app/apply")>("../app/apply");
  const { XlsxHost } = load<typeof import("../host/xlsx/host")>("../host/xlsx/host");
  const opened = await openForWrite(file, o, io);
  if (!opened) return 2;
  const { bytes, out } = opened;
  const progress = io.progress ?? progressBar(process.stderr, o.lang);
  const host = new XlsxHost(bytes);
  const user = process.env.PTRACK_USER || userName();
  let code = 0;
  if (command === "apply") {
    const outcome = await runApply(host, {
      asOf: o.today,
      lang: o.lang,
      normalize: o.normalize,
      notices: o.notices,
      requireCompany: true,
      company: o.company,
      ...(o.gantt ? { gantt: o.gantt } : {}),
      user,
      now: io.now,
      onStage: (s) => progress.stage(s),
      overrides: o.overrides,
      declared: o.declared,
      accept: (wb) => handGivenFits(wb, o),
      file: basename(file),
    }).catch((e: unknown) => {
      // A refusal is a sentence of its own: the bar goes first.
      progress.done();
      throw e;
    });
    progress.stage("save");
    // The bar is cleared on failure too, so a sentence about the output starts its own line.
    await saveAtomically(out, host.bytes).finally(() => progress.done());
    io.stdout(formatReport(file, outcome.report, o.lang, io.isTty));
    if (o.normalize) io.stdout(w.normalized(outcome.normalized.length) + "\n");
    if (outcome.deferredNotices) io.stdout(w.deferredNotices(outcome.deferredNotices) + "\n");
    if (outcome.noCompanyNotices) io.stdout(w.noCompany(outcome.noCompanyNotices) + "\n");
    if (outcome.protection?.sheets.length) io.stdout(w.protectedSheets(outcome.protection.sheets) + "\n");
    if (outcome.protection?.newSheets.length)
      io.stdout(w.structureProtected(outcome.protection.newSheets) + "\n");
    if (outcome.protection?.notices) io.stdout(w.noticesProtected(outcome.protection.notices) + "\n");
    if (outcome.reportOmitted)
      io.stdout(
        w.reportOmitted(outcome.report.findings.length - outcome.reportOmitted, outcome.reportOmitted, file) +
          "\n",
      );
    for (const r of outcome.renamed) io.stdout(w.renamed(r.wanted, r.sheet) + "\n");
    for (const g of outcome.gantt) io.stdout(w.gantt(g.sheet, g.tasks, g.columns, g.rules) + "\n");
    code = outcome.report.summary.errors > 0 ? 1 : 0;
  } else {
    const cleared = await runClear(host, {
      lang: o.lang,
      user,
      now: io.now,
      onStage: (s) => progress.stage(s),
    });
    progress.stage("save");
    await saveAtomically(out, host.bytes).finally(() => progress.done());
    if (cleared.protectedSheets.length) io.stdout(w.clearProtected(cleared.protectedSheets) + "\n");
  }
  io.stdout(w.wrote(out) + "\n");
  return code;
}

export function defaultOutput(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.ptrack.xlsx`);
}

export function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return "";
  }
}

function parseOptions(args: string[]): { values: Options; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      // A bare --gantt means by day.
      args: args.map((a) => (a === "--gantt" ? "--gantt=day" : a)),
      allowPositionals: true,
      strict: true,
      options: {
        today: { type: "string" },
        json: { type: "boolean", default: false },
        lang: { type: "string", default: "zh" },
        output: { type: "string", short: "o" },
        "in-place": { type: "boolean", default: false },
        normalize: { type: "boolean", default: false },
        "no-notices": { type: "boolean", default: false },
        company: { type: "string" },
        gantt: { type: "string" },
        table: { type: "string", multiple: true },
        map: { type: "string", multiple: true },
        name: { type: "string" },
        replace: { type: "boolean", default: false },
      },
    });
  } catch (e) {
    const w = cliWords(langFromArgv(args));
    const name = /'(-[^'\s]*)/.exec((e as Error).message)?.[1] ?? "";
    const code = (e as { code?: string }).code;
    throw new UsageError(
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && name
        ? w.unknownOption(name)
        : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && name
          ? /argument missing/.test((e as Error).message)
            ? w.optionNeedsValue(name)
            : w.optionTakesNoValue(name)
          : w.badOption((e as Error).message),
    );
  }
  const v = parsed.values;
  const lang = v.lang;
  if (lang !== "zh" && lang !== "en") throw new UsageError(cliWords("zh").badLang(String(lang)));
  if (v.today !== undefined && !isIsoDate(v.today)) throw new UsageError(cliWords(lang).badToday(v.today));
  if (v.company !== undefined && !v.company.trim()) throw new UsageError(cliWords(lang).badCompany);
  const gantt = v.gantt;
  if (gantt !== undefined && gantt !== "day" && gantt !== "week" && gantt !== "off")
    throw new UsageError(cliWords(lang).badGantt(gantt));
  return {
    values: {
      today: v.today,
      json: Boolean(v.json),
      lang,
      output: v.output,
      inPlace: Boolean(v["in-place"]),
      normalize: Boolean(v.normalize),
      notices: !v["no-notices"],
      company: v.company?.trim(),
      ...(gantt ? { gantt } : {}),
      declared: (v.table ?? []).map((t) => parseTableOption(t, lang)),
      overrides: (v.map ?? []).map((m) => parseMapOption(m, lang)),
      name: v.name,
      replace: Boolean(v.replace),
    },
    positionals: parsed.positionals,
  };
}

/** The one file a command works on: none, or more than one, is a usage error. */
function onlyFile(positionals: string[], lang: Lang): string {
  if (positionals.length > 1) throw new UsageError(cliWords(lang).oneFile(positionals));
  if (!positionals[0]) throw new UsageError(cliWords(lang).missingFile);
  return positionals[0];
}

/**
 * A --table or --map must name a sheet the workbook has, and a --table the first cell of a
 * header: otherwise the check would quietly go on without what the user asked for.
 */
function handGivenFits(wb: WorkbookSnapshot, o: Options): void {
  const w = cliWords(o.lang);
  const names = wb.sheets.map((s) => s.name);
  const shown = names.length > 8 ? [...names.slice(0, 8), "…"] : names;
  const sheetOf = (opt: string, given: string, name: string) => {
    const s = wb.sheets.find((x) => x.name === name);
    if (!s) throw new OptionError(w.noSheet(`${opt} ${given}`, name, shown));
    return s;
  };
  for (const d of o.declared) {
    const given = `${d.sheet}!${d.column}${d.row}`;
    const row = sheetOf("--table", given, d.sheet).rows[d.row - 1] ?? [];
    const from = colNumber(d.column) - 1;
    if (!row.some((c, i) => i >= from && c !== undefined && c !== null && c.value !== null && c.value !== ""))
      throw new OptionError(w.emptyHeader(`--table ${given}`, d.row, d.column));
  }
  for (const m of o.overrides) sheetOf("--map", `${m.sheet}!${m.column}`, m.sheet);
}

/** `--table 'Sheet1!A3=schedule'`: the header row 3 of Sheet1, from column A, is a schedule. */
function parseTableOption(text: string, lang: Lang): DeclaredTable {
  const eq = text.lastIndexOf("=");
  const at = eq > 0 ? parseSheetCell(text.slice(0, eq)) : undefined;
  const kind = eq > 0 ? parseKindWord(text.slice(eq + 1)) : undefined;
  if (!at || !kind) throw new UsageError(cliWords(lang).badTable(text));
  return { ...at, kind };
}

/** `--map 'Sheet1!F=planEnd'` (or `=计划完成`, `=不映射`): what column F of Sheet1 holds. */
function parseMapOption(text: string, lang: Lang): MappingOverride {
  const eq = text.lastIndexOf("=");
  const key = eq > 0 ? parseMappingKey(`列映射:${text.slice(0, eq)}`) : undefined;
  const field = eq > 0 ? parseMappingField(text.slice(eq + 1)) : undefined;
  if (!key || key === "bad" || !field) throw new UsageError(cliWords(lang).badMap(text));
  return { sheet: key.sheet, column: key.column, field: field.field };
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])) && fromDayNumber(dayNumber(s)) === s;
}

/** The lang flag as early as possible, so even a usage error speaks the user's language. */
function langFromArgv(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "zh";
  const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return v === "en" ? "en" : "zh";
}

/** Exactly the documented `check --json` shape (SPEC §9). */
export function toJson(file: string, r: CheckReport): string {
  return [...jsonChunks(file, r)].join("");
}

/** Findings per piece of jsonChunks. */
const JSON_CHUNK = 2000;

/**
 * toJson in pieces the CLI writes as it makes them: a check with 100k findings
 * then never holds the whole document (~25M characters, twice that in bytes) at once.
 */
export function* jsonChunks(file: string, r: CheckReport): Generator<string> {
  const head = JSON.stringify({
    file,
    asOf: r.asOf,
    tables: r.tables.map((t) => ({
      sheet: t.sheet,
      kind: t.payable ? "payables" : t.kind,
      headerRow: t.headerRow,
      ...(t.headerRows ? { headerRows: t.headerRows } : {}),
      firstRow: t.firstRow,
      lastRow: t.lastRow,
      columns: t.columns,
      unmapped: t.unmapped,
      skippedRules: t.skippedRules,
      ...(t.phases ? { phases: t.phases, tasks: t.tasks } : {}),
      ...(t.contract ? { contract: t.contract } : {}),
    })),
  });
  yield `${head.slice(0, -1)},"findings":[`;
  for (let i = 0; i < r.findings.length; i += JSON_CHUNK) {
    const part = JSON.stringify(
      r.findings.slice(i, i + JSON_CHUNK).map((f) => ({
        rule: f.rule,
        severity: f.severity,
        sheet: f.sheet,
        row: f.row,
        field: f.field,
        cell: f.cell,
        value: f.value,
        message: f.message,
      })),
    );
    yield (i > 0 ? "," : "") + part.slice(1, -1);
  }
  const notices = r.notices.map((n) => ({ type: n.type, key: n.key, sheet: n.sheet, row: n.row }));
  yield `],"notices":${JSON.stringify(notices)},"summary":${JSON.stringify(r.summary)}}\n`;
}

/** The process entry: `ptrack … | head` closing the pipe early is a normal end, not a crash. */
export function runCli(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runCli();
