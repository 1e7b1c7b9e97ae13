/** Part paths inside an OPC package (the zip an .xlsx is), shared by the reader and the writer. */

/** The folder of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets`. */
export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(path: string): string {
  const dir = dirOf(path);
  const base = path.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? dir + "/" : ""}_rels/${base}.rels`;
}

/** A relationship target resolved against its source's folder: `../tables/table1.xml` → `xl/tables/table1.xml`. */
export function resolvePart(baseDir: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // A stray % in a part name: use it as written.
  }
  const joined = t.startsWith("/") ? t.slice(1) : baseDir ? `${baseDir}/${t}` : t;
  const parts: string[] = [];
  for (const p of joined.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}
