/**
 * Evaluates the conditional-format formulas the product writes, the way Excel does, on the cells
 * of a planned sheet: enough of the formula language for the product's own rules (AND, OR, NOT,
 * IF, ISNUMBER, N, TODAY, LEFT, comparisons, + and −, numbers, text, A1 references with `$`), so a test
 * can say which cells a rule colours on a given day without opening Excel.
 *
 * Excel semantics kept: a reference is relative to the range's top-left cell unless `$` fixes
 * it; an empty cell is 0 in arithmetic and comparisons with numbers and "" with text; text
 * compares above every number; N() of text is 0.
 */

import { colNumber } from "../../src/core/snapshot";

export type Value = number | string | boolean | null;
/** The value at a sheet row and column (1-based); null for an empty cell. */
export type CellLookup = (r: number, c: number) => Value;

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; col: number; colAbs: boolean; row: number; rowAbs: boolean }
  | { t: "fn"; v: string }
  | { t: "op"; v: string }
  | { t: "("; v: "(" }
  | { t: ")"; v: ")" }
  | { t: ","; v: "," };

function tokens(f: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      while (i < f.length) {
        if (f[i] === '"' && f[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (f[i] === '"') break;
        else s += f[i++];
      }
      i++;
      out.push({ t: "str", v: s });
      continue;
    }
    const ref = /^(\$?)([A-Z]{1,3})(\$?)(\d+)/.exec(f.slice(i));
    if (ref) {
      out.push({
        t: "ref",
        colAbs: ref[1] === "$",
        col: colNumber(ref[2]),
        rowAbs: ref[3] === "$",
        row: Number(ref[4]),
      });
      i += ref[0].length;
      continue;
    }
    const fn = /^([A-Z]+)\(/.exec(f.slice(i));
    if (fn) {
      out.push({ t: "fn", v: fn[1] });
      i += fn[1].length;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(f.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[<>=+\-*/])/.exec(f.slice(i));
    if (op) {
      out.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch, v: ch } as Token);
      i++;
      continue;
    }
    throw new Error(`cannot read the formula at ${f.slice(i)}`);
  }
  return out;
}

type Node =
  | { k: "lit"; v: Value }
  | { k: "ref"; col: number; colAbs: boolean; row: number; rowAbs: boolean }
  | { k: "call"; fn: string; args: Node[] }
  | { k: "bin"; op: string; a: Node; b: Node };

function parse(f: string): Node {
  const ts = tokens(f);
  let p = 0;
  const peek = () => ts[p];
  const take = () => ts[p++];
  /** The operator at the cursor when it is one of `ops`. */
  const opAt = (ops: string[]): string | undefined => {
    const t = ts[p];
    return t?.t === "op" && ops.includes(t.v) ? t.v : undefined;
  };
  const compare = (): Node => {
    let a = additive();
    for (let op = opAt(["<", ">", "<=", ">=", "=", "<>"]); op; op = opAt(["<", ">", "<=", ">=", "=", "<>"])) {
      take();
      a = { k: "bin", op, a, b: additive() };
    }
    return a;
  };
  const additive = (): Node => {
    let a = primary();
    for (let op = opAt(["+", "-"]); op; op = opAt(["+", "-"])) {
      take();
      a = { k: "bin", op, a, b: primary() };
    }
    return a;
  };
  const primary = (): Node => {
    const t = take();
    if (t.t === "num" || t.t === "str") return { k: "lit", v: t.v };
    if (t.t === "ref") return { k: "ref", col: t.col, colAbs: t.colAbs, row: t.row, rowAbs: t.rowAbs };
    if (t.t === "fn") {
      take(); // (
      const args: Node[] = [];
      if (peek()?.t !== ")") {
        args.push(compare());
        while (peek()?.t === ",") {
          take();
          args.push(compare());
        }
      }
      take(); // )
      return { k: "call", fn: t.v, args };
    }
    if (t.t === "(") {
      const n = compare();
      take();
      return n;
    }
    throw new Error(`unexpected ${JSON.stringify(t)} in ${f}`);
  };
  const n = compare();
  if (p !== ts.length) throw new Error(`unread tokens in ${f}`);
  return n;
}

/** Excel's order of types in a comparison: numbers < text < booleans; empty takes the other side's type. */
function cmp(a: Value, b: Value): number {
  const rank = (v: Value) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let x = a;
  let y = b;
  if (x === null) x = typeof y === "string" ? "" : typeof y === "boolean" ? false : 0;
  if (y === null) y = typeof x === "string" ? "" : typeof x === "boolean" ? false : 0;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") {
    const [p, q] = [x.toLowerCase(), y.toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

function num(v: Value): number {
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v);
  if (v.trim() === "" || Number.isNaN(n)) throw new Error("#VALUE!");
  return n;
}

function truthy(v: Value): boolean {
  if (typeof v === "string") throw new Error("#VALUE!");
  return num(v) !== 0;
}

/**
 * The formula's value at sheet cell (r, c) of a range whose top-left is (r0, c0), `today` as an
 * Excel serial. An Excel error inside makes the rule false, as in Excel: evalRule returns false.
 */
export function evaluate(
  formula: string,
  at: { r: number; c: number; r0: number; c0: number },
  cells: CellLookup,
  today: number,
): Value {
  const ev = (n: Node): Value => {
    switch (n.k) {
      case "lit":
        return n.v;
      case "ref": {
        const r = n.rowAbs ? n.row : n.row + (at.r - at.r0);
        const c = n.colAbs ? n.col : n.col + (at.c - at.c0);
        return cells(r, c);
      }
      case "bin": {
        const a = ev(n.a);
        const b = ev(n.b);
        switch (n.op) {
          case "+":
            return num(a) + num(b);
          case "-":
            return num(a) - num(b);
          case "<":
            return cmp(a, b) < 0;
          case ">":
            return cmp(a, b) > 0;
          case "<=":
            return cmp(a, b) <= 0;
          case ">=":
            return cmp(a, b) >= 0;
          case "=":
            return cmp(a, b) === 0;
          case "<>":
            return cmp(a, b) !== 0;
        }
        throw new Error(`operator ${n.op}`);
      }
      case "call": {
        const args = n.args;
        switch (n.fn) {
          case "AND":
            return args.every((x) => truthy(ev(x)));
          case "OR":
            return args.some((x) => truthy(ev(x)));
          case "NOT":
            return !truthy(ev(args[0]));
          case "IF":
            return truthy(ev(args[0])) ? ev(args[1]) : args.length > 2 ? ev(args[2]) : false;
          case "ISNUMBER":
            return typeof ev(args[0]) === "number";
          case "N": {
            const v = ev(args[0]);
            return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0;
          }
          case "TODAY":
            return today;
          case "LEFT": {
            const v = ev(args[0]);
            const n = args.length > 1 ? num(ev(args[1])) : 1;
            return (v === null ? "" : String(v)).slice(0, n);
          }
        }
        throw new Error(`function ${n.fn} is not known to the test evaluator`);
      }
    }
  };
  return ev(parse(formula));
}

/** Whether a conditional-format rule applies at (r, c): its formula is true, an error is false. */
export function ruleApplies(
  formula: string,
  at: { r: number; c: number; r0: number; c0: number },
  cells: CellLookup,
  today: number,
): boolean {
  try {
    return truthy(evaluate(formula, at, cells, today));
  } catch {
    return false;
  }
}
