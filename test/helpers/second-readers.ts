/**
 * A workbook read by two applications independent of ours: LibreOffice (every sheet converted to
 * CSV by `soffice --headless --convert-to`) and openpyxl (/usr/bin/python3). Each returns the
 * sheets it could read, by name, as rows of cell text; either throws when the application cannot
 * open the file at all, with what it said.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";

export type SheetRows = Map<string, string[][]>;

function sofficeBin(): string {
  const bin = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
  if (!bin) throw new Error("LibreOffice is not installed (apt-get install libreoffice-calc)");
  return bin;
}

/** RFC 4180 CSV → rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * Every sheet of each file as LibreOffice reads it (values as shown, trailing empty cells
 * dropped). One soffice run for all the files; a file it cannot load throws.
 */
export function libreOfficeSheets(files: string[]): SheetRows[] {
  const dir = mkdtempSync(join(tmpdir(), "ptrack-lo-csv-"));
  try {
    // Filter options: comma, double quote, UTF-8, …, the last one (-1) writes every sheet.
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
    const said = execFileSync(
      sofficeBin(),
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        filter,
        "--outdir",
        dir,
        ...files,
      ],
      { timeout: 240_000, stdio: "pipe", encoding: "utf8" },
    );
    const csvs = readdirSync(dir).filter((f) => f.endsWith(".csv"));
    return files.map((file) => {
      const base = basename(file, extname(file));
      const out: SheetRows = new Map();
      for (const csv of csvs) {
        if (!csv.startsWith(`${base}-`)) continue;
        const rows = parseCsv(readFileSync(join(dir, csv), "utf8")).map((r) => {
          while (r.length && r[r.length - 1] === "") r.pop();
          return r;
        });
        out.set(csv.slice(base.length + 1, -4), rows);
      }
      if (out.size === 0) throw new Error(`LibreOffice could not open ${file}: ${said}`);
      return out;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const OPENPYXL = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def text(v):
    if v is None: return ""
    if isinstance(v, bool): return "TRUE" if v else "FALSE"
    if isinstance(v, (datetime.datetime, datetime.date)): return v.isoformat()[:10]
    if isinstance(v, float) and v.is_integer(): return str(int(v))
    return str(v)
out = {}
for ws in wb.worksheets:
    rows = [[text(c.value) for c in row] for row in ws.iter_rows()]
    for r in rows:
        while r and r[-1] == "": r.pop()
    out[ws.title] = rows
print(json.dumps(out, ensure_ascii=False))
`;

/** Every sheet of the file as openpyxl reads it (dates as YYYY-MM-DD); a file it refuses throws. */
export function openpyxlSheets(file: string): SheetRows {
  const json = execFileSync("/usr/bin/python3", ["-c", OPENPYXL, file], {
    timeout: 120_000,
    stdio: "pipe",
    encoding: "utf8",
    maxBuffer: 256 * 2 ** 20,
  });
  return new Map(Object.entries(JSON.parse(json) as Record<string, string[][]>));
}
