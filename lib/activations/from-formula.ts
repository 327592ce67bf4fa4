/**
 * Custom activations from a formula: write h(x) as a scalar expression in x; the library parses it (with a
 * private mathjs instance, so nothing a formula says can reach the global mathjs), checks it against a whitelist,
 * derives h'(x) symbolically by walking the parse tree, and compiles both to plain JavaScript.
 *
 *   const softsign = activationFromFormula('x / (1 + abs(x))', { name: 'softsign' });
 *   softsign.output(1);      // 0.5
 *   softsign.derivative(1);  // 0.25, from the derived expression 1 / (1 + abs(x)) - x * sign(x) / (1 + abs(x)) ^ 2
 *
 * What a formula may contain (anything else is an error that lists this):
 *   numbers, the variable x, the constants e and pi;
 *   + − * / ^, unary minus, comparisons (< <= > >= == !=), the conditional `cond ? a : b`, parentheses;
 *   the functions in FORMULA_FUNCTIONS (exp, log, sqrt, abs, sin, tanh, max, …).
 * Limits (nn.getLimits()): at most maxFormulaLength characters, maxFormulaNodes parse-tree nodes nested at most
 * maxFormulaDepth deep. The symbolic derivative is built with light constant folding (0·a = 0, 1·a = a, …) and no
 * general simplification, so its size grows polynomially, never exponentially; if it would exceed
 * maxDerivativeNodes nodes, h'(x) is computed by a central difference instead, and latexDerivative says so.
 *
 * The result is an ordinary Activation: it trains exactly like a built-in one.
 * Piecewise definitions use the conditional operator, e.g. ELU: 'x > 0 ? x : exp(x) - 1' (each branch is
 * differentiated on its own; the value exactly at the switch point follows the branch the condition picks).
 * Where the symbolic derivative overflows (Infinity/Infinity) at a finite x, a central difference is used there.
 */
import { create, parseDependencies, type MathNode } from 'mathjs';
import { ArgumentError, describe } from '../errors';
import { LimitError, getLimits } from '../limits';
import { elementwise } from './elementwise';
import { activationNames } from './registry';
import type { Activation } from './types';

/** A private mathjs instance with only the parser: formulas never touch the global mathjs (units, config, …). */
const math = create({ parseDependencies });
type N = MathNode & Record<string, unknown> & { type: string };

/** The functions a formula may call, with their JavaScript translation and number of arguments. */
const FUNCTIONS: Record<string, { js: string; arity: number | 'many' }> = {
  exp: { js: 'Math.exp', arity: 1 }, log: { js: 'Math.log', arity: 1 }, log1p: { js: 'Math.log1p', arity: 1 },
  expm1: { js: 'Math.expm1', arity: 1 }, sqrt: { js: 'Math.sqrt', arity: 1 }, cbrt: { js: 'Math.cbrt', arity: 1 },
  abs: { js: 'Math.abs', arity: 1 }, sign: { js: 'Math.sign', arity: 1 },
  sin: { js: 'Math.sin', arity: 1 }, cos: { js: 'Math.cos', arity: 1 }, tan: { js: 'Math.tan', arity: 1 },
  asin: { js: 'Math.asin', arity: 1 }, acos: { js: 'Math.acos', arity: 1 }, atan: { js: 'Math.atan', arity: 1 },
  sinh: { js: 'Math.sinh', arity: 1 }, cosh: { js: 'Math.cosh', arity: 1 }, tanh: { js: 'Math.tanh', arity: 1 },
  asinh: { js: 'Math.asinh', arity: 1 },
  sech: { js: '((v) => 1 / Math.cosh(v))', arity: 1 }, csch: { js: '((v) => 1 / Math.sinh(v))', arity: 1 },
  coth: { js: '((v) => 1 / Math.tanh(v))', arity: 1 }, sec: { js: '((v) => 1 / Math.cos(v))', arity: 1 },
  csc: { js: '((v) => 1 / Math.sin(v))', arity: 1 }, cot: { js: '((v) => 1 / Math.tan(v))', arity: 1 },
  max: { js: 'Math.max', arity: 'many' }, min: { js: 'Math.min', arity: 'many' },
};
/** The function names a formula may use. */
export const FORMULA_FUNCTIONS: readonly string[] = Object.freeze(Object.keys(FUNCTIONS));
const CONSTANTS: Record<string, string> = { x: 'x', e: 'Math.E', pi: 'Math.PI', E: 'Math.E', PI: 'Math.PI' };
const OPERATORS: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '**',
  larger: '>', smaller: '<', largerEq: '>=', smallerEq: '<=', equal: '===', unequal: '!==',
};
const COMPARISONS = new Set(['larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal']);

/** What a formula may contain, for error messages. */
export const FORMULA_GRAMMAR =
  'a formula is a scalar expression in x using numbers, the constants e and pi, + - * / ^, comparisons (< <= > >= == !=), ' +
  `cond ? a : b and parentheses, and the functions ${FORMULA_FUNCTIONS.join(', ')}`;

/** A string for an error message: quoted and shortened to 60 characters. */
function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? s.slice(0, 60) + '…' : s);
}

function fail(fn: string, expression: string, message: string): never {
  throw new ArgumentError(`${fn}: ${message} in ${quote(expression)}; ${FORMULA_GRAMMAR}`);
}

/**
 * Parses a formula and checks it against the whitelist and the size limits. Returns the parse tree.
 * Never evaluates anything.
 */
export function parseFormula(expression: string, fn = 'parseFormula'): MathNode {
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw new ArgumentError(`${fn}: expression must be a non-empty formula in x, got ${describe(expression)}`);
  }
  const limits = getLimits();
  if (expression.length > limits.maxFormulaLength) {
    throw new LimitError(
      `${fn}: the formula ${quote(expression)} has ${expression.length} characters, more than the limit of ${limits.maxFormulaLength} (nn.setLimits({ maxFormulaLength }))`,
      'maxFormulaLength', expression.length,
    );
  }
  // Bracket depth before parsing: the parser recurses once per level.
  let depth = 0, maxDepth = 0;
  for (const ch of expression) {
    if (ch === '(' || ch === '[' || ch === '{') maxDepth = Math.max(maxDepth, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  if (maxDepth > limits.maxFormulaDepth) {
    throw new LimitError(
      `${fn}: the formula ${quote(expression)} nests brackets ${maxDepth} deep, more than the limit of ${limits.maxFormulaDepth} (nn.setLimits({ maxFormulaDepth }))`,
      'maxFormulaDepth', maxDepth,
    );
  }
  let node: MathNode;
  try {
    node = math.parse(expression);
  } catch (err) {
    const msg = err instanceof RangeError ? 'it is nested too deeply' : String((err as Error).message ?? err);
    throw new ArgumentError(`${fn}: cannot parse ${quote(expression)}: ${msg.length > 200 ? msg.slice(0, 200) + '…' : msg}`);
  }
  let count = 0;
  const check = (n: N, depth: number, parent: N | null): void => {
    if (++count > limits.maxFormulaNodes) {
      throw new LimitError(
        `${fn}: the formula ${quote(expression)} has more than ${limits.maxFormulaNodes} parts (parse-tree nodes), the limit (nn.setLimits({ maxFormulaNodes }))`,
        'maxFormulaNodes', count,
      );
    }
    if (depth > limits.maxFormulaDepth) {
      throw new LimitError(
        `${fn}: the formula ${quote(expression)} is more than ${limits.maxFormulaDepth} levels deep (operations nested or chained; nn.setLimits({ maxFormulaDepth }))`,
        'maxFormulaDepth', depth,
      );
    }
    switch (n.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number') fail(fn, expression, `the constant ${describe(n.value)} is not a number`);
        return;
      case 'SymbolNode':
        if (!Object.prototype.hasOwnProperty.call(CONSTANTS, n.name as string)) {
          fail(fn, expression, `unknown variable "${String(n.name).slice(0, 30)}" (the input variable must be x)`);
        }
        return;
      case 'ParenthesisNode':
        return check(n.content as N, depth + 1, n);
      case 'ConditionalNode':
        for (const c of [n.condition, n.trueExpr, n.falseExpr]) check(c as N, depth + 1, n);
        return;
      case 'OperatorNode': {
        const op = n.fn as string, args = n.args as N[];
        const ok = (args.length === 2 && Object.prototype.hasOwnProperty.call(OPERATORS, op)) ||
          (args.length === 1 && (op === 'unaryMinus' || op === 'unaryPlus'));
        if (!ok) fail(fn, expression, `the operator "${String(n.op)}" is not allowed`);
        for (const a of args) check(a, depth + 1, n);
        return;
      }
      case 'FunctionNode': {
        const callee = n.fn as N;
        const name = callee.type === 'SymbolNode' ? (callee.name as string) : '';
        if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) {
          fail(fn, expression, `the function ${name ? `"${name.slice(0, 30)}"` : 'call'} is not allowed`);
        }
        const args = n.args as N[], arity = FUNCTIONS[name].arity;
        if (arity === 'many' ? args.length < 1 : args.length !== arity) {
          fail(fn, expression, `${name} takes ${arity === 'many' ? 'one or more arguments' : `${arity} argument`}, got ${args.length}`);
        }
        for (const a of args) check(a, depth + 1, n);
        return;
      }
      default:
        fail(fn, expression, `${nodeKind(n.type)} is not allowed${parent ? '' : ''}`);
    }
  };
  check(node as N, 0, null);
  return node;
}

function nodeKind(type: string): string {
  const kinds: Record<string, string> = {
    AssignmentNode: 'an assignment (=)', FunctionAssignmentNode: 'a function definition', AccessorNode: 'indexing or a property (a.b, a[i])',
    IndexNode: 'indexing', ArrayNode: 'a matrix or list ([…])', ObjectNode: 'an object ({…})', RangeNode: 'a range (a:b)',
    BlockNode: 'several statements (; or a line break)', RelationalNode: 'a chained comparison (a < b < c)',
  };
  return kinds[type] ?? `a ${type}`;
}

// ---- symbolic differentiation with constant folding and a node budget ----

/** Thrown inside `differentiate` when the derivative grows past the budget or has no symbolic rule. */
class NoSymbolicDerivative extends Error {}

const isConst = (n: N): boolean => n.type === 'ConstantNode' && typeof n.value === 'number';
const valueOf = (n: N): number => n.value as number;
const unwrap = (n: N): N => (n.type === 'ParenthesisNode' ? unwrap(n.content as N) : n);

/** Builds derivative trees, counting nodes; throws NoSymbolicDerivative past `budget`. */
class Builder {
  count = 0;
  constructor(readonly budget: number) {}
  private tick(n: number): void {
    this.count += n;
    if (this.count > this.budget) throw new NoSymbolicDerivative(`more than ${this.budget} nodes`);
  }
  num(v: number): N {
    this.tick(1);
    return (v < 0 || Object.is(v, -0)
      ? new math.OperatorNode('-', 'unaryMinus', [new math.ConstantNode(-v)])
      : new math.ConstantNode(v)) as unknown as N;
  }
  /** Reuses an existing subtree (it is never mutated), counting its size against the budget. */
  copy(n: N): N {
    let size = 0;
    (n as MathNode).traverse(() => void size++);
    this.tick(size);
    return n;
  }
  private constValue(n: N): number | null {
    const u = unwrap(n);
    if (isConst(u)) return valueOf(u);
    if (u.type === 'OperatorNode' && u.fn === 'unaryMinus' && isConst(unwrap((u.args as N[])[0]))) return -valueOf(unwrap((u.args as N[])[0]));
    return null;
  }
  op(name: 'add' | 'subtract' | 'multiply' | 'divide' | 'pow', a: N, b: N): N {
    const ca = this.constValue(a), cb = this.constValue(b);
    if (ca !== null && cb !== null) {
      const v = name === 'add' ? ca + cb : name === 'subtract' ? ca - cb : name === 'multiply' ? ca * cb : name === 'divide' ? ca / cb : ca ** cb;
      if (Number.isFinite(v) && (name !== 'divide' || Number.isInteger(v))) return this.num(v);
    }
    switch (name) {
      case 'add':
        if (ca === 0) return b;
        if (cb === 0) return a;
        break;
      case 'subtract':
        if (cb === 0) return a;
        if (ca === 0) return this.neg(b);
        break;
      case 'multiply':
        if (ca === 0 || cb === 0) return this.num(0);
        if (ca === 1) return b;
        if (cb === 1) return a;
        if (ca === -1) return this.neg(b);
        if (cb === -1) return this.neg(a);
        break;
      case 'divide':
        if (ca === 0) return this.num(0);
        if (cb === 1) return a;
        break;
      case 'pow':
        if (cb === 0) return this.num(1);
        if (cb === 1) return a;
        break;
    }
    this.tick(1);
    const sym = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^' }[name];
    return new math.OperatorNode(sym as '+', name as 'add', [a, b]) as unknown as N;
  }
  neg(a: N): N {
    const c = this.constValue(a);
    if (c !== null) return this.num(-c);
    const u = unwrap(a);
    if (u.type === 'OperatorNode' && u.fn === 'unaryMinus') return (u.args as N[])[0];
    this.tick(1);
    return new math.OperatorNode('-', 'unaryMinus', [a]) as unknown as N;
  }
  fn(name: string, ...args: N[]): N {
    this.tick(2);
    return new math.FunctionNode(new math.SymbolNode(name), args) as unknown as N;
  }
  cond(c: N, a: N, b: N): N {
    this.tick(1);
    return new math.ConditionalNode(c, a, b) as unknown as N;
  }
}

function dependsOnX(n: N): boolean {
  let found = false;
  (n as MathNode).traverse((c) => {
    const cc = c as N;
    if (cc.type === 'SymbolNode' && cc.name === 'x') found = true;
  });
  return found;
}

function derive(b: Builder, node: N): N {
  const n = node;
  switch (n.type) {
    case 'ConstantNode':
      return b.num(0);
    case 'SymbolNode':
      return b.num(n.name === 'x' ? 1 : 0);
    case 'ParenthesisNode':
      return derive(b, n.content as N);
    case 'ConditionalNode':
      return b.cond(b.copy(unwrap(n.condition as N)), derive(b, n.trueExpr as N), derive(b, n.falseExpr as N));
    case 'OperatorNode': {
      const args = n.args as N[], f = n.fn as string;
      if (COMPARISONS.has(f)) return b.num(0);
      if (f === 'unaryPlus') return derive(b, args[0]);
      if (f === 'unaryMinus') return b.neg(derive(b, args[0]));
      const [u, v] = args, du = derive(b, u), dv = derive(b, v);
      switch (f) {
        case 'add': return b.op('add', du, dv);
        case 'subtract': return b.op('subtract', du, dv);
        case 'multiply': return b.op('add', b.op('multiply', du, b.copy(v)), b.op('multiply', b.copy(u), dv));
        case 'divide':
          if (!dependsOnX(v)) return b.op('divide', du, b.copy(v));
          return b.op('divide', b.op('subtract', b.op('multiply', du, b.copy(v)), b.op('multiply', b.copy(u), dv)), b.op('pow', b.copy(v), b.num(2)));
        case 'pow':
          if (!dependsOnX(v)) {
            return b.op('multiply', b.op('multiply', b.copy(v), b.op('pow', b.copy(u), b.op('subtract', b.copy(v), b.num(1)))), du);
          }
          if (!dependsOnX(u)) return b.op('multiply', b.op('multiply', b.copy(n), b.fn('log', b.copy(u))), dv);
          return b.op('multiply', b.copy(n), b.op('add', b.op('multiply', dv, b.fn('log', b.copy(u))), b.op('divide', b.op('multiply', b.copy(v), du), b.copy(u))));
      }
      throw new NoSymbolicDerivative(`no rule for the operator ${f}`);
    }
    case 'FunctionNode': {
      const name = (n.fn as N).name as string, args = n.args as N[];
      if (name === 'max' || name === 'min') {
        if (args.length === 1) return derive(b, args[0]);
        if (args.length !== 2) throw new NoSymbolicDerivative(`no rule for ${name} of ${args.length} arguments`);
        const [p, q] = args;
        const c = new math.OperatorNode(name === 'max' ? '>=' : '<=', name === 'max' ? 'largerEq' : 'smallerEq', [b.copy(p), b.copy(q)]) as unknown as N;
        return b.cond(c, derive(b, p), derive(b, q));
      }
      const u = args[0], du = derive(b, u);
      const U = () => b.copy(u);
      const chain = (outer: N) => b.op('multiply', outer, du);
      switch (name) {
        case 'exp': case 'expm1': return chain(b.fn('exp', U()));
        case 'log': return b.op('divide', du, U());
        case 'log1p': return b.op('divide', du, b.op('add', b.num(1), U()));
        case 'sqrt': return b.op('divide', du, b.op('multiply', b.num(2), b.fn('sqrt', U())));
        case 'cbrt': return b.op('divide', du, b.op('multiply', b.num(3), b.op('pow', b.fn('cbrt', U()), b.num(2))));
        case 'abs': return chain(b.fn('sign', U()));
        case 'sign': return b.num(0);
        case 'sin': return chain(b.fn('cos', U()));
        case 'cos': return b.neg(chain(b.fn('sin', U())));
        case 'tan': return chain(b.op('pow', b.fn('sec', U()), b.num(2)));
        case 'asin': return b.op('divide', du, b.fn('sqrt', b.op('subtract', b.num(1), b.op('pow', U(), b.num(2)))));
        case 'acos': return b.neg(b.op('divide', du, b.fn('sqrt', b.op('subtract', b.num(1), b.op('pow', U(), b.num(2))))));
        case 'atan': return b.op('divide', du, b.op('add', b.num(1), b.op('pow', U(), b.num(2))));
        case 'sinh': return chain(b.fn('cosh', U()));
        case 'cosh': return chain(b.fn('sinh', U()));
        case 'tanh': return chain(b.op('pow', b.fn('sech', U()), b.num(2)));
        case 'asinh': return b.op('divide', du, b.fn('sqrt', b.op('add', b.op('pow', U(), b.num(2)), b.num(1))));
        case 'sech': return b.neg(chain(b.op('multiply', b.fn('sech', U()), b.fn('tanh', U()))));
        case 'csch': return b.neg(chain(b.op('multiply', b.fn('csch', U()), b.fn('coth', U()))));
        case 'coth': return b.neg(chain(b.op('pow', b.fn('csch', U()), b.num(2))));
        case 'sec': return chain(b.op('multiply', b.fn('sec', U()), b.fn('tan', U())));
        case 'csc': return b.neg(chain(b.op('multiply', b.fn('csc', U()), b.fn('cot', U()))));
        case 'cot': return b.neg(chain(b.op('pow', b.fn('csc', U()), b.num(2))));
      }
      throw new NoSymbolicDerivative(`no rule for the function ${name}`);
    }
  }
  throw new NoSymbolicDerivative(`no rule for ${n.type}`);
}

/** Throws unless `node` looks like a mathjs parse-tree node (the result of parseFormula). */
function checkNode(fn: string, node: unknown): void {
  if (typeof node !== 'object' || node === null || typeof (node as { type?: unknown }).type !== 'string' || typeof (node as MathNode).traverse !== 'function') {
    throw new ArgumentError(`${fn}: node must be a parsed formula (from parseFormula), got ${describe(node)}`);
  }
}

/**
 * Symbolic derivative d/dx of a parsed formula (nodes of any mathjs instance), with constant folding; handles
 * `cond ? a : b` by differentiating each branch. Throws a LimitError if the result would have more than
 * maxDerivativeNodes nodes.
 */
export function differentiate(node: MathNode): MathNode {
  checkNode('differentiate', node);
  const budget = getLimits().maxDerivativeNodes;
  try {
    return derive(new Builder(budget), node as N) as MathNode;
  } catch (err) {
    if (err instanceof NoSymbolicDerivative) {
      throw new LimitError(`differentiate: no symbolic derivative (${err.message}; limit maxDerivativeNodes = ${budget})`, 'maxDerivativeNodes', budget);
    }
    throw err;
  }
}

// ---- printing: our own, linear in the tree size (mathjs's toTex and toString can take exponential time on
// nested function calls: 25 nested tanh never finished) ----

const PREC: Record<string, number> = {
  larger: 2, smaller: 2, largerEq: 2, smallerEq: 2, equal: 2, unequal: 2,
  add: 3, subtract: 3, multiply: 4, divide: 4, unaryMinus: 5, unaryPlus: 5, pow: 6,
};
const TEXT_OP: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^',
  larger: '>', smaller: '<', largerEq: '>=', smallerEq: '<=', equal: '==', unequal: '!=',
};
const TEX_OP: Record<string, string> = {
  add: '+', subtract: '-', multiply: '\\cdot', larger: '>', smaller: '<', largerEq: '\\geq', smallerEq: '\\leq', equal: '=', unequal: '\\neq',
};
const TEX_FN: Record<string, string> = {
  exp: '\\exp', log: '\\ln', sin: '\\sin', cos: '\\cos', tan: '\\tan', sinh: '\\sinh', cosh: '\\cosh', tanh: '\\tanh',
  asin: '\\arcsin', acos: '\\arccos', atan: '\\arctan', sec: '\\sec', csc: '\\csc', cot: '\\cot', coth: '\\coth',
  max: '\\max', min: '\\min',
};

/** [text, precedence] of a checked tree, in mathjs syntax (mathjs can parse and evaluate it). */
function printText(n: N): [string, number] {
  switch (n.type) {
    case 'ConstantNode': return [String(n.value), 7];
    case 'SymbolNode': return [n.name as string, 7];
    case 'ParenthesisNode': return [`(${printText(n.content as N)[0]})`, 7];
    case 'ConditionalNode':
      return [`(${printText(n.condition as N)[0]}) ? (${printText(n.trueExpr as N)[0]}) : (${printText(n.falseExpr as N)[0]})`, 1];
    case 'FunctionNode':
      return [`${(n.fn as N).name as string}(${(n.args as N[]).map((a) => printText(a)[0]).join(', ')})`, 7];
    case 'OperatorNode': {
      const f = n.fn as string, p = PREC[f], args = n.args as N[];
      const wrap = ([s, q]: [string, number], paren: boolean) => (paren ? `(${s})` : s);
      if (args.length === 1) {
        const a = printText(args[0]);
        return [`${f === 'unaryMinus' ? '-' : '+'}${wrap(a, a[1] <= p)}`, p];
      }
      const a = printText(args[0]), b = printText(args[1]);
      const leftParen = f === 'pow' ? a[1] <= p : a[1] < p;
      const rightParen = f === 'pow' ? b[1] < p || b[1] === 5 : f === 'subtract' || f === 'divide' || p === 2 ? b[1] <= p : b[1] < p;
      return [`${wrap(a, leftParen || (p === 2 && a[1] === 2))} ${TEXT_OP[f]} ${wrap(b, rightParen)}`, p];
    }
  }
  return [`[${n.type}]`, 7];
}

/** [LaTeX, precedence] of a checked tree. */
function printTex(n: N): [string, number] {
  const paren = (s: string) => `\\left(${s}\\right)`;
  switch (n.type) {
    case 'ConstantNode': {
      const v = n.value as number, s = String(v);
      const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(s);
      return [m ? `${m[1]}\\cdot10^{${Number(m[2])}}` : s, 7];
    }
    case 'SymbolNode': return [n.name === 'pi' || n.name === 'PI' ? '\\pi' : n.name === 'E' ? 'e' : (n.name as string), 7];
    case 'ParenthesisNode': return [paren(printTex(n.content as N)[0]), 7];
    case 'ConditionalNode':
      return [`\\begin{cases} ${printTex(n.trueExpr as N)[0]} & ${printTex(n.condition as N)[0]} \\\\ ${printTex(n.falseExpr as N)[0]} & \\text{otherwise} \\end{cases}`, 1];
    case 'FunctionNode': {
      const name = (n.fn as N).name as string, args = (n.args as N[]).map((a) => printTex(a)[0]);
      if (name === 'abs') return [`\\left|${args[0]}\\right|`, 7];
      if (name === 'sqrt') return [`\\sqrt{${args[0]}}`, 7];
      if (name === 'cbrt') return [`\\sqrt[3]{${args[0]}}`, 7];
      const f = TEX_FN[name] ?? `\\operatorname{${name}}`;
      return [`${f}${paren(args.join(', '))}`, 7];
    }
    case 'OperatorNode': {
      const f = n.fn as string, p = PREC[f], args = n.args as N[];
      if (args.length === 1) {
        const a = printTex(args[0]);
        return [`${f === 'unaryMinus' ? '-' : '+'}${a[1] <= p ? paren(a[0]) : a[0]}`, p];
      }
      const a = printTex(args[0]), b = printTex(args[1]);
      if (f === 'divide') return [`\\frac{${a[0]}}{${b[0]}}`, 7];
      if (f === 'pow') return [`{${a[1] <= p ? paren(a[0]) : a[0]}}^{${b[0]}}`, p];
      const left = a[1] < p || (p === 2 && a[1] === 2) ? paren(a[0]) : a[0];
      const right = (f === 'subtract' || p === 2 ? b[1] <= p : b[1] < p) ? paren(b[0]) : b[0];
      return [`${left} ${TEX_OP[f]} ${right}`, p];
    }
  }
  return [`\\text{${n.type}}`, 7];
}

/** A checked formula tree as text in mathjs syntax. */
export function formulaToString(node: MathNode): string {
  checkNode('formulaToString', node);
  return printText(node as N)[0];
}

/** A checked formula tree as LaTeX. */
export function formulaToTex(node: MathNode): string {
  checkNode('formulaToTex', node);
  return printTex(node as N)[0];
}

/** Translates a checked expression tree into a JavaScript expression in `x`. */
function toJs(node: N): string {
  switch (node.type) {
    case 'ConstantNode':
      return `(${node.value as number})`;
    case 'SymbolNode':
      return CONSTANTS[node.name as string];
    case 'ParenthesisNode':
      return toJs(node.content as N);
    case 'ConditionalNode':
      return `((${toJs(node.condition as N)}) ? (${toJs(node.trueExpr as N)}) : (${toJs(node.falseExpr as N)}))`;
    case 'OperatorNode': {
      const args = (node.args as N[]).map(toJs);
      if (args.length === 1) return node.fn === 'unaryMinus' ? `(-${args[0]})` : `(+${args[0]})`;
      // comparisons give booleans; + turns them into 0/1 so arithmetic on them stays numeric
      const expr = `(${args[0]} ${OPERATORS[node.fn as string]} ${args[1]})`;
      return COMPARISONS.has(node.fn as string) ? `(+${expr})` : expr;
    }
    case 'FunctionNode': {
      const name = (node.fn as N).name as string;
      return `${FUNCTIONS[name].js}(${(node.args as N[]).map(toJs).join(', ')})`;
    }
  }
  throw new ArgumentError(`activationFromFormula: cannot compile a ${node.type}`); // unreachable after parseFormula
}

function compileScalar(node: MathNode): (x: number) => number {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('x', `"use strict"; return ${toJs(node as N)};`) as (x: number) => number;
}

export interface FormulaActivationOptions {
  /** Registry-style name (default: the formula itself). Must not be a built-in name such as 'tanh'. */
  name?: string;
  /** Display name (default: the name). */
  label?: string;
  /** Output range for display, if known, e.g. '(-1, 1)'. */
  range?: string;
  pros?: string[];
  cons?: string[];
}

const OPTION_NAMES = ['name', 'label', 'range', 'pros', 'cons'];

/** An activation defined by a formula in x; the derivative is derived symbolically (see the file comment). */
export function activationFromFormula(expression: string, options: FormulaActivationOptions = {}): Activation {
  const fn = 'activationFromFormula';
  if (typeof options !== 'object' || options === null) throw new ArgumentError(`${fn}: options must be an object, got ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.includes(key)) throw new ArgumentError(`${fn}: unknown option ${describe(key)}; valid options are: ${OPTION_NAMES.join(', ')}`);
  }
  const node = parseFormula(expression, fn);
  for (const key of ['name', 'label', 'range'] as const) {
    const v = options[key];
    if (v !== undefined && (typeof v !== 'string' || v.length === 0 || v.length > 200)) {
      throw new ArgumentError(`${fn}: ${key} must be a non-empty string of at most 200 characters, got ${describe(v)}`);
    }
  }
  for (const key of ['pros', 'cons'] as const) {
    const v = options[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((s) => typeof s !== 'string'))) {
      throw new ArgumentError(`${fn}: ${key} must be an array of strings, got ${describe(v)}`);
    }
  }
  const name = options.name ?? expression;
  const builtin = name.toLowerCase().replace(/[_\s]/g, '-');
  if (activationNames().includes(builtin) || builtin === 'leakyrelu') {
    throw new ArgumentError(
      `${fn}: the name ${describe(name)} belongs to a built-in activation; a formula activation needs its own name (e.g. 'my-${builtin}'), ` +
        `or a saved network would load the built-in instead of your formula`,
    );
  }
  const output = compileScalar(node);
  const probe = output(0.5);
  if (typeof probe !== 'number') {
    throw new ArgumentError(`${fn}: ${quote(expression)} does not evaluate to a number at x = 0.5`);
  }
  // Central difference of h, used where the symbolic derivative is unavailable or overflows.
  const centralDifference = (x: number): number => {
    const step = 1e-6 * Math.max(1, Math.abs(x));
    return (output(x + step) - output(x - step)) / (2 * step);
  };
  let dNode: MathNode | null = null, note = '';
  try {
    dNode = differentiate(node);
  } catch (err) {
    if (!(err instanceof LimitError)) throw err;
    note = err.message.replace(/^differentiate: /, '');
  }
  let derivative: (x: number) => number;
  if (dNode !== null) {
    const symbolicDerivative = compileScalar(dNode);
    // A symbolic derivative can overflow where the function itself is fine: swish's derivative contains
    // exp(-x)·x / (1 + exp(-x))^2, which is Infinity/Infinity = NaN for x ≤ −710. There (and only there: finite x,
    // finite h(x), non-finite h'(x)) we fall back to a central difference of h.
    derivative = (x: number): number => {
      const d = symbolicDerivative(x);
      if (Number.isFinite(d) || !Number.isFinite(x)) return d;
      const c = centralDifference(x);
      return Number.isFinite(c) ? c : d;
    };
  } else {
    derivative = centralDifference;
  }
  return elementwise({
    name,
    label: options.label ?? name,
    output,
    derivative,
    latex: `h(x) = ${formulaToTex(node)}`,
    latexDerivative: dNode !== null
      ? `h'(x) = ${formulaToTex(dNode)}`
      : `h'(x) \\approx \\frac{h(x + \\varepsilon) - h(x - \\varepsilon)}{2\\varepsilon}\\ \\text{(central difference: ${note.replace(/[{}\\]/g, '')})}`,
    expression,
    range: options.range ?? 'see the plot',
    pros: options.pros ?? [],
    cons: options.cons ?? [],
  });
}

/**
 * The derivative the library derives for a formula in x, as a string (for display; mathjs can evaluate it).
 * Example: derivativeOfFormula('x > 0 ? x : exp(x) - 1') === '(x > 0) ? (1) : (exp(x))'
 */
export function derivativeOfFormula(expression: string): string {
  return formulaToString(differentiate(parseFormula(expression, 'derivativeOfFormula')));
}
