/** Why a workbook file cannot be used; shared by the reader and the writer of the package. */

export type InputErrorCode =
  "not-found" | "unsupported-format" | "encrypted" | "corrupt" | "empty" | "directory" | "unreadable";

/**
 * Unusable input. `detail` by code: unsupported-format → the format actually found
 * (`.xls`, `.csv`, `.xlsm`, `.xlsb`, `.ods`, … or `text` / `html` when the content is
 * a text or web page renamed); corrupt → `zero-length`, `not-zip`, `damaged`,
 * `no-workbook` or `missing <part>`; unreadable → `too-large`, `not-a-file`,
 * `unpacked-too-large` (a part or the whole package would inflate past the caps) or the OS
 * error code.
 */
export class InputError extends Error {
  constructor(
    public code: InputErrorCode,
    public detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "InputError";
  }
}
