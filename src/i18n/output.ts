/** One sentence for each way the output of `apply` or `clear` cannot be written (zh-CN, en-US). */

import type { OutputError } from "../cli/output";
import type { Lang } from "../core/settings";

export function outputErrorMessage(e: OutputError, lang: Lang): string {
  const zh = lang === "zh";
  const f = e.path;
  switch (e.code) {
    case "is-folder":
      return zh
        ? `无法写入 ${f}：这是一个文件夹；请用 -o 给出要写入的 .xlsx 文件名。`
        : `Cannot write ${f}: it is a folder; give -o the name of the .xlsx file to write.`;
    case "no-folder":
      return zh
        ? `无法写入 ${f}：所在的文件夹不存在；请先创建文件夹或换一个位置。`
        : `Cannot write ${f}: its folder does not exist; create the folder first or choose another place.`;
    case "read-only":
      return zh
        ? `无法写入 ${f}：位置是只读的或没有写入权限，未写入任何文件；请换一个可写的位置或检查权限。`
        : `Cannot write ${f}: the place is read-only or you may not write there, so nothing was written; choose another place or check the permissions.`;
    case "disk-full":
      return zh
        ? `无法写入 ${f}：磁盘空间不足，未写入任何文件；请腾出空间或换一个位置后再试。`
        : `Cannot write ${f}: the disk is full, so nothing was written; free some space or choose another place and try again.`;
    case "name-too-long":
      return zh
        ? `无法写入 ${f}：文件名太长，文件系统不接受；请换一个短一些的名字。`
        : `Cannot write ${f}: the file name is longer than the file system allows; choose a shorter name.`;
    case "not-xlsx":
      return zh
        ? `不会写入 ${f}：输出文件名应以 .xlsx 结尾，否则会用工作簿覆盖别的文件；请用 -o 给出 .xlsx 文件名。`
        : `Will not write ${f}: the output name must end in .xlsx, or another file would be overwritten with a workbook; give -o a .xlsx name.`;
    case "not-folder":
      return zh
        ? `无法写入 ${f}：这是一个文件，不是文件夹；请给出要放示例工作簿的文件夹。`
        : `Cannot write ${f}: it is a file, not a folder; give the folder to put the sample workbooks in.`;
    case "failed":
      return zh
        ? `无法写入 ${f}：文件系统报告错误（${e.detail}），未写入任何文件；请换一个位置后再试。`
        : `Cannot write ${f}: the file system reported an error (${e.detail}); nothing was written, so choose another place and try again.`;
  }
}

/** -o names the input itself (through any path, link or hard link) without --in-place. */
export function outputIsInputMessage(file: string, out: string, lang: Lang): string {
  return lang === "zh"
    ? `-o ${out} 就是输入文件 ${file} 本身；要覆盖原文件请用 --in-place，否则请换一个输出文件名。`
    : `-o ${out} is the input file ${file} itself; use --in-place to replace the original, or give another output name.`;
}
