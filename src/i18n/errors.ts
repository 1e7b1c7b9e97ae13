/**
 * One sentence for a person when a workbook cannot be used (SPEC §8): what is wrong
 * and what to do, in zh-CN (default) or en-US. Never a stack trace.
 */

import type { Lang } from "../core/settings";
import type { InputError } from "../host/xlsx/read";
import { MAX_PACKAGE_BYTES, MAX_PART_BYTES } from "../host/xlsx/limits";

/** Readable names of the formats we refuse, keyed by InputError detail. */
const FORMAT_NAMES: Record<string, Record<Lang, string>> = {
  ".xls": { zh: "旧版 .xls 工作簿（Excel 97-2003）", en: "a legacy .xls workbook (Excel 97-2003)" },
  ".xlsm": { zh: "含宏的 .xlsm 工作簿", en: "a macro-enabled .xlsm workbook" },
  ".xltm": { zh: "含宏的 .xltm 模板", en: "a macro-enabled .xltm template" },
  ".xlam": { zh: ".xlam 加载项", en: "an .xlam add-in" },
  ".xlsb": { zh: "二进制 .xlsb 工作簿", en: "a binary .xlsb workbook" },
  ".csv": { zh: ".csv 文本文件", en: "a .csv text file" },
  ".tsv": { zh: ".tsv 文本文件", en: "a .tsv text file" },
  ".txt": { zh: ".txt 文本文件", en: "a .txt text file" },
  text: { zh: "文本文件（例如 CSV）", en: "a text file (such as CSV)" },
  html: { zh: "网页（HTML）文件", en: "a web page (HTML)" },
  xml: { zh: "XML 文件（例如 Excel 2003 XML 表格）", en: "an XML file (such as Excel 2003 XML Spreadsheet)" },
  ".ods": { zh: "OpenDocument .ods 表格", en: "an OpenDocument .ods spreadsheet" },
  ".et": { zh: "WPS .et 表格", en: "a WPS .et spreadsheet" },
  ".ett": { zh: "WPS .ett 模板", en: "a WPS .ett template" },
  ".numbers": { zh: "Numbers 表格", en: "a Numbers spreadsheet" },
  ".docx": { zh: "Word 文档", en: "a Word document" },
  ".doc": { zh: "Word 文档", en: "a Word document" },
  ".pptx": { zh: "PowerPoint 演示文稿", en: "a PowerPoint presentation" },
  ".pdf": { zh: "PDF 文件", en: "a PDF file" },
};

function formatName(detail: string | undefined, lang: Lang): string {
  const known = detail ? FORMAT_NAMES[detail] : undefined;
  if (known) return known[lang];
  if (detail && detail.startsWith(".")) return lang === "zh" ? `${detail} 文件` : `a ${detail} file`;
  return lang === "zh" ? "不认识的格式" : "an unknown format";
}

/** True when the file's own extension already says what the format is. */
function extensionSays(file: string, detail: string | undefined): boolean {
  return !!detail && detail.startsWith(".") && file.toLowerCase().endsWith(detail);
}

export function inputErrorMessage(e: InputError, lang: Lang, file: string): string {
  const zh = lang === "zh";
  const f = file || (zh ? "该文件" : "the file");
  switch (e.code) {
    case "not-found":
      return zh ? `找不到文件 ${f}，请检查路径和文件名。` : `Cannot find ${f}; check the path and file name.`;
    case "directory":
      return zh
        ? `${f} 是一个文件夹，不是文件；请指定一个 .xlsx 工作簿。`
        : `${f} is a folder, not a file; give the path of an .xlsx workbook.`;
    case "unreadable":
      if (e.detail === "too-large") {
        return zh
          ? `无法读取 ${f}：文件太大（超过 2 GB），请删除无关的工作表、图片或数据后再试。`
          : `Cannot read ${f}: the file is too large (over 2 GB); remove unrelated sheets, pictures or data and try again.`;
      }
      if (e.detail === "unpacked-too-large") {
        const part = Math.round(MAX_PART_BYTES / 2 ** 20);
        const all = Math.round(MAX_PACKAGE_BYTES / 2 ** 30);
        return zh
          ? `无法读取 ${f}：文件解压后过大（单个部分超过 ${part} MB 或合计超过 ${all} GB），不像正常的工作簿，可能是恶意构造的压缩包；请确认文件来源，或在 Excel 中删除无关的数据后另存再试。`
          : `Cannot read ${f}: it unpacks to too much data (a part over ${part} MB or over ${all} GB in all), which no normal workbook does and a malicious archive would; check where the file came from, or remove unrelated data in Excel, save it again and retry.`;
      }
      if (e.detail === "not-a-file") {
        return zh
          ? `无法读取 ${f}：它不是普通文件，请指定一个 .xlsx 工作簿。`
          : `Cannot read ${f}: it is not a regular file; give the path of an .xlsx workbook.`;
      }
      return zh
        ? `无法读取 ${f}：没有读取权限或文件正被占用，请检查文件权限后再试。`
        : `Cannot read ${f}: permission denied or the file is in use; check its permissions and try again.`;
    case "encrypted":
      return zh
        ? `无法读取 ${f}：文件设置了打开密码（已加密），请在 Excel 中取消密码或另存一份不加密的副本后再试。`
        : `Cannot read ${f}: it is protected with a password (encrypted); remove the password in Excel or save an unprotected copy, then try again.`;
    case "unsupported-format": {
      if (e.detail === ".xlsm" || e.detail === ".xltm") {
        return zh
          ? `无法读取 ${f}：不支持含宏的工作簿，只支持 .xlsx；请在 Excel 中另存为「Excel 工作簿 (*.xlsx)」后再试。`
          : `Cannot read ${f}: macro-enabled workbooks are not supported, only .xlsx; in Excel, save it as "Excel Workbook (*.xlsx)" and try again.`;
      }
      const what = formatName(e.detail, lang);
      if (zh) {
        // 「这是 .csv 文本文件」: a space keeps a Latin extension apart from the Chinese before it.
        const sp = what.startsWith(".") ? " " : "";
        const lead = extensionSays(file, e.detail) ? `这是${sp}${what}` : `这个文件实际上是${sp}${what}`;
        return `无法读取 ${f}：${lead}，只支持 .xlsx 工作簿（Excel 2007 及以后），请在 Excel 中另存为 .xlsx 后再试。`;
      }
      const lead = extensionSays(file, e.detail) ? `it is ${what}` : `the file is actually ${what}`;
      return `Cannot read ${f}: ${lead}; only .xlsx workbooks (Excel 2007 and later) are supported, so save it as .xlsx in Excel and try again.`;
    }
    case "corrupt":
      if (e.detail === "zero-length") {
        return zh
          ? `无法读取 ${f}：文件是空的（0 字节），请确认文件已完整保存或下载。`
          : `Cannot read ${f}: the file is empty (0 bytes); make sure it was saved or downloaded completely.`;
      }
      return zh
        ? `无法读取 ${f}：文件已损坏或不完整，不是有效的 .xlsx 工作簿；请确认它能在 Excel 中打开，必要时重新下载或另存一份。`
        : `Cannot read ${f}: the file is damaged or incomplete and is not a valid .xlsx workbook; check that Excel can open it, or download or save it again.`;
    case "empty":
      return zh
        ? `${f} 中没有任何数据：所有工作表都是空的，请检查是否选错了文件。`
        : `${f} holds no data: every sheet is empty; check that this is the right file.`;
  }
}
