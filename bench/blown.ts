/**
 * A WPS plan whose last rows were copied out to column XFD: 16,384 cells a row, most of them
 * repeating the row's text or a formatted blank. Real files of this shape took minutes to check;
 * `npm run bench` times `check` on it (goal 2 s) and test/bench checks what it recognises.
 *
 *   npx tsx bench/blown.ts OUT.xlsx
 */
import { writeFileSync } from "node:fs";
import { rawXlsx, worksheetXml } from "../test/helpers/workbook";

export const BLOWN_TASKS = 200;
/** The last task rows with a value copied across every column, then formatted blank rows to XFD. */
export const BLOWN_FILLED = 20;
export const BLOWN_BLANK = 20;
const XFD = 16384;

function col(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const COLS = Array.from({ length: XFD }, (_, i) => col(i + 1));

/** The workbook's bytes: one sheet 计划, a title, a header at row 2, tasks below, rows out to XFD. */
export function blownWorkbook(): Uint8Array {
  const strings = [
    "某系统上线计划",
    "序号",
    "任务名称",
    "负责人",
    "计划开始",
    "计划完成",
    "完成率",
    "周一",
    "吴二",
  ];
  const sst = (t: string) => {
    let i = strings.indexOf(t);
    if (i < 0) i = strings.push(t) - 1;
    return i;
  };
  const s = (ref: string, t: string) => `<c r="${ref}" t="s"><v>${sst(t)}</v></c>`;
  const n = (ref: string, v: number, style = 0) =>
    `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${v}</v></c>`;
  const rows: string[] = [];
  rows.push(`<row r="1">${s("A1", "某系统上线计划")}</row>`);
  rows.push(
    `<row r="2">${["序号", "任务名称", "负责人", "计划开始", "计划完成", "完成率"].map((h, i) => s(`${COLS[i]}2`, h)).join("")}</row>`,
  );
  const start = 46054; // 2026-01-31
  let r = 3;
  for (let k = 1; k <= BLOWN_TASKS; k++, r++) {
    const progress = k % 3 === 0 ? 1 : 0.5;
    // The last rows' 完成率 filled right to XFD by a slip of the mouse.
    const fill =
      k > BLOWN_TASKS - BLOWN_FILLED
        ? COLS.slice(6)
            .map((c) => n(`${c}${r}`, progress))
            .join("")
        : "";
    rows.push(
      `<row r="${r}"${fill ? ` spans="1:${XFD}"` : ""}>${n(`A${r}`, k)}${s(`B${r}`, `任务${k}`)}` +
        `${s(`C${r}`, k % 2 ? "周一" : "吴二")}${n(`D${r}`, start + k, 1)}${n(`E${r}`, start + k + 5, 1)}` +
        `${n(`F${r}`, progress)}${fill}</row>`,
    );
  }
  for (let k = 0; k < BLOWN_BLANK; k++, r++) {
    rows.push(`<row r="${r}" spans="1:${XFD}">${COLS.map((c) => `<c r="${c}${r}" s="2"/>`).join("")}</row>`);
  }
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
    `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs>` +
    `</styleSheet>`;
  return rawXlsx({
    sheets: [
      {
        name: "计划",
        xml: worksheetXml(rows.join(""), {
          dimension: `A1:XFD${r - 1}`,
          cols: `<col min="1" max="${XFD}" width="9"/>`,
        }),
      },
    ],
    sharedStrings: strings,
    stylesXml: styles,
  });
}

if (require.main === module) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write("usage: npx tsx bench/blown.ts OUT.xlsx\n");
    process.exit(2);
  }
  writeFileSync(out, blownWorkbook());
}
