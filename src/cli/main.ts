/**
 * `ptrack` — the command-line face of the engine (SPEC §9).
 * Exit status: 0 no error findings, 1 error findings, 2 unusable input or usage.
 */

import { parseArgs } from "node:util";
import { checkSnapshot, type CheckReport } from "../app/check";
import { dayNumber, fromDayNumber, isValidYmd } from "../core/dates";
import type { Lang } from "../core/settings";
import { InputError, readXlsx } from "../host/xlsx/read";
import { cliWords, USAGE } from "../i18n/cli";
import { inputErrorMessage } from "../i18n/errors";
import { runDemo } from "./demo";
import { formatReport } from "./report";

/** A usage mistake: one sentence, then the usage text, exit 2. */
class UsageError extends Error {}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  now?: Date;
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
    switch (command) {
      case "check": {
        const file = positionals[0];
        if (!file || positionals.length > 1) throw new UsageError(cliWords(lang).missingFile);
        const report = await check(file, values.today, lang, io.now);
        io.stdout(values.json ? toJson(file, report) : formatReport(file, report, lang, io.isTty));
        return report.summary.errors > 0 ? 1 : 0;
      }
      case "demo": {
        const result = await runDemo(positionals[0] ?? "demo-output", { today: values.today, lang });
        io.stdout(`${cliWords(lang).demoWrote(result.workbook)}\n\n`);
        io.stdout(formatReport(result.workbook, result.report, lang, io.isTty));
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
    if (e instanceof InputError) {
      io.stderr(inputErrorMessage(e, lang, argv[1] ?? "") + "\n");
      return 2;
    }
    // Anything else is our fault: one sentence, no stack trace (set PTRACK_DEBUG to see it).
    if (process.env.PTRACK_DEBUG) io.stderr(String((e as Error).stack) + "\n");
    io.stderr(cliWords(lang).internal(e instanceof Error ? e.message : String(e)) + "\n");
    return 2;
  }
}

async function check(file: string, today: string | undefined, lang: Lang, now?: Date): Promise<CheckReport> {
  const wb = await readXlsx(file);
  return checkSnapshot(wb, { asOf: today, lang, now });
}

function parseOptions(args: string[]): {
  values: { today?: string; json: boolean; lang: Lang };
  positionals: string[];
} {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        today: { type: "string" },
        json: { type: "boolean", default: false },
        lang: { type: "string", default: "zh" },
      },
    });
  } catch (e) {
    throw new UsageError(cliWords(langFromArgv(args)).badOption((e as Error).message));
  }
  const { today, json, lang } = parsed.values;
  if (lang !== "zh" && lang !== "en") throw new UsageError(cliWords("zh").badLang(String(lang)));
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(cliWords(lang).badToday(today));
  return { values: { today, json: Boolean(json), lang }, positionals: parsed.positionals };
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
  return (
    JSON.stringify({
      file,
      asOf: r.asOf,
      tables: r.tables.map((t) => ({
        sheet: t.sheet,
        kind: t.kind,
        headerRow: t.headerRow,
        firstRow: t.firstRow,
        lastRow: t.lastRow,
        columns: t.columns,
        unmapped: t.unmapped,
        skippedRules: t.skippedRules,
      })),
      findings: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        sheet: f.sheet,
        row: f.row,
        field: f.field,
        cell: f.cell,
        value: f.value,
        message: f.message,
      })),
      notices: r.notices.map((n) => ({ type: n.type, key: n.key, sheet: n.sheet, row: n.row })),
      summary: r.summary,
    }) + "\n"
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
