/**
 * CSV for spreadsheets, shared by the exports (audit log, open data of initiatives): cells are
 * quoted when needed, and a cell a spreadsheet would run as a formula is neutralised.
 */

/** The byte-order mark that makes Excel read a CSV file as UTF-8. */
export const BOM = "\uFEFF";

/**
 * One CSV cell: quoted when it holds a separator (comma or semicolon), quote or line break; and a
 * cell a spreadsheet would run as a formula (starting with = + - @, or a tab/carriage return) gets
 * a leading `'` (plain numbers, negative ones too, stay numbers).
 */
export function csvCell(value: string): string {
  // A plain number (e.g. a negative indicator value, "-3" or "-2,5") is data, not a formula.
  const isNumber = /^-?\d+(?:[.,]\d+)?$/.test(value);
  const safe = !isNumber && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line of cells with `separator` and a CRLF line end. */
export function csvLine(cells: string[], separator: "," | ";"): string {
  return `${cells.map(csvCell).join(separator)}\r\n`;
}
