/**
 * Custom activations from a formula: write h(x) as a mathjs expression and let mathjs derive h'(x) symbolically.
 *
 *   const softsign = activationFromFormula('x / (1 + abs(x))', { name: 'softsign' });
 *   softsign.output(1);      // 0.5
 *   softsign.derivative(1);  // 0.25, from the derived expression 1 / (abs(x) + 1) ^ 2
 *
 * The result is an ordinary Activation: it trains exactly like a built-in one.
 * The variable must be `x`. Piecewise definitions use the conditional operator, e.g. ELU:
 * 'x > 0 ? x : exp(x) - 1' (each branch is differentiated on its own; the value exactly at the switch point
 * follows the branch the condition picks).
 * Where the symbolic derivative overflows (Infinity/Infinity) at a finite x, a central difference is used instead.
 * For speed, the expression and its derivative are translated into plain JavaScript when they use only
 * + − × ÷ ^, comparisons, ?: and common functions (exp, log, tanh, …); otherwise mathjs evaluates them.
 */
import { derivative as mathDerivative, parse, simplify, type MathNode } from 'mathjs';
import { ArgumentError, describe } from '../errors';
import { elementwise } from './elementwise';
import type { Activation } from './types';

/** Symbolic derivative d/dx of a parsed expression; handles `cond ? a : b` by differentiating each branch. */
export function differentiate(node: MathNode): MathNode {
  const n = node as MathNode & { type: string };
  if (n.type === 'ParenthesisNode') return differentiate((node as unknown as { content: MathNode }).content);
  if (n.type === 'ConditionalNode') {
    const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
    return parse(`(${c.condition.toString()}) ? (${differentiate(c.trueExpr).toString()}) : (${differentiate(c.falseExpr).toString()})`);
  }
  return mathDerivative(node, 'x');
}

const FUNCTIONS: Record<string, string> = {
  exp: 'Math.exp', log: 'Math.log', log1p: 'Math.log1p', expm1: 'Math.expm1', sqrt: 'Math.sqrt', abs: 'Math.abs',
  sin: 'Math.sin', cos: 'Math.cos', tan: 'Math.tan', atan: 'Math.atan', sinh: 'Math.sinh', cosh: 'Math.cosh',
  tanh: 'Math.tanh', sign: 'Math.sign', max: 'Math.max', min: 'Math.min',
  sech: '((v) => 1 / Math.cosh(v))', csch: '((v) => 1 / Math.sinh(v))', coth: '((v) => 1 / Math.tanh(v))',
  sec: '((v) => 1 / Math.cos(v))',
};
const OPERATORS: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '**',
  larger: '>', smaller: '<', largerEq: '>=', smallerEq: '<=', equal: '===', unequal: '!==',
};

/** Translates a mathjs expression tree into a JavaScript expression in `x`, or returns null if it cannot. */
function toJs(node: MathNode): string | null {
  const n = node as unknown as Record<string, unknown> & { type: string };
  switch (n.type) {
    case 'ConstantNode':
      return typeof n.value === 'number' ? `(${n.value})` : null;
    case 'SymbolNode':
      if (n.name === 'x') return 'x';
      if (n.name === 'e') return 'Math.E';
      if (n.name === 'pi') return 'Math.PI';
      return null;
    case 'ParenthesisNode':
      return toJs(n.content as MathNode);
    case 'ConditionalNode': {
      const c = toJs(n.condition as MathNode), a = toJs(n.trueExpr as MathNode), b = toJs(n.falseExpr as MathNode);
      return c && a && b ? `((${c}) ? (${a}) : (${b}))` : null;
    }
    case 'OperatorNode': {
      const args = (n.args as MathNode[]).map(toJs);
      if (args.some((a) => a === null)) return null;
      if (args.length === 1) {
        if (n.fn === 'unaryMinus') return `(-${args[0]})`;
        if (n.fn === 'unaryPlus') return `(+${args[0]})`;
        return null;
      }
      const op = OPERATORS[n.fn as string];
      return op && args.length === 2 ? `(${args[0]} ${op} ${args[1]})` : null;
    }
    case 'FunctionNode': {
      const name = (n.fn as { name?: string }).name ?? '';
      const js = FUNCTIONS[name];
      const args = (n.args as MathNode[]).map(toJs);
      if (!js || args.some((a) => a === null)) return null;
      if (name === 'log' && args.length !== 1) return null;
      return `${js}(${args.join(', ')})`;
    }
    default:
      return null;
  }
}

/** Compiles an expression tree to a fast `(x) => number`, via JavaScript if possible, else mathjs. */
function compileScalar(node: MathNode): (x: number) => number {
  const js = toJs(node);
  if (js !== null) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return new Function('x', `"use strict"; return ${js};`) as (x: number) => number;
  }
  const compiled = node.compile();
  return (x: number) => {
    const v = compiled.evaluate({ x });
    return typeof v === 'number' ? v : Number(v);
  };
}

export interface FormulaActivationOptions {
  /** Registry-style name (default: the formula itself). */
  name?: string;
  /** Display name (default: the name). */
  label?: string;
  /** Output range for display, if known, e.g. '(-1, 1)'. */
  range?: string;
  pros?: string[];
  cons?: string[];
}

/** An activation defined by a formula in x; the derivative is derived symbolically by mathjs. */
export function activationFromFormula(expression: string, options: FormulaActivationOptions = {}): Activation {
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw new ArgumentError(`activationFromFormula: expression must be a non-empty mathjs formula in x, got ${describe(expression)}`);
  }
  let node: MathNode;
  try {
    node = parse(expression);
  } catch (err) {
    throw new ArgumentError(`activationFromFormula: cannot parse ${JSON.stringify(expression)}: ${(err as Error).message}`);
  }
  const symbols = new Set<string>();
  node.traverse((child) => {
    const c = child as unknown as { type: string; name: string };
    if (c.type === 'SymbolNode') symbols.add(c.name);
  });
  node.traverse((child, _path, parent) => {
    const c = child as unknown as { type: string; name: string };
    const isFunctionName = parent && (parent as unknown as { type: string; fn?: unknown }).type === 'FunctionNode' &&
      (parent as unknown as { fn: unknown }).fn === child;
    if (c.type === 'SymbolNode' && !isFunctionName && !['x', 'e', 'pi'].includes(c.name)) {
      throw new ArgumentError(
        `activationFromFormula: unknown variable "${c.name}" in ${JSON.stringify(expression)}; the input variable must be x`,
      );
    }
  });
  let dNode: MathNode;
  try {
    dNode = differentiate(node);
  } catch (err) {
    throw new ArgumentError(`activationFromFormula: mathjs cannot differentiate ${JSON.stringify(expression)}: ${(err as Error).message}`);
  }
  dNode = simplifyDerivative(dNode);
  const output = compileScalar(node);
  const symbolicDerivative = compileScalar(dNode);
  // A symbolic derivative can overflow where the function itself is fine: swish's derivative simplifies to
  // (exp(-x)·(x + 1) + 1) / (exp(-x) + 1)^2, which is Infinity/Infinity = NaN for x ≤ −710. There (and only
  // there: finite x, finite h(x), non-finite h'(x)) we fall back to a central difference of h.
  const derivative = (x: number): number => {
    const d = symbolicDerivative(x);
    if (Number.isFinite(d) || !Number.isFinite(x)) return d;
    const step = 1e-6 * Math.max(1, Math.abs(x));
    const fp = output(x + step), fm = output(x - step);
    return Number.isFinite(fp) && Number.isFinite(fm) ? (fp - fm) / (2 * step) : d;
  };
  const probe = output(0.5);
  if (typeof probe !== 'number') {
    throw new ArgumentError(`activationFromFormula: ${JSON.stringify(expression)} does not evaluate to a number at x = 0.5`);
  }
  const name = options.name ?? expression;
  return elementwise({
    name,
    label: options.label ?? name,
    output,
    derivative,
    latex: `h(x) = ${node.toTex()}`,
    latexDerivative: `h'(x) = ${dNode.toTex()}`,
    expression,
    range: options.range ?? 'see the plot',
    pros: options.pros ?? [],
    cons: options.cons ?? [],
  });
}

/**
 * Simplifies a derived expression with mathjs. mathjs's simplify cannot handle `cond ? a : b`, so each branch
 * of a conditional is simplified on its own; if simplify fails, the expression is kept as it is.
 */
export function simplifyDerivative(node: MathNode): MathNode {
  const unwrap = (m: MathNode): MathNode =>
    (m as unknown as { type: string }).type === 'ParenthesisNode' ? unwrap((m as unknown as { content: MathNode }).content) : m;
  const n = node as unknown as { type: string; condition: MathNode; trueExpr: MathNode; falseExpr: MathNode; content: MathNode };
  if (n.type === 'ParenthesisNode') return simplifyDerivative(n.content);
  if (n.type === 'ConditionalNode') {
    return parse(
      `(${unwrap(n.condition).toString()}) ? (${simplifyDerivative(n.trueExpr).toString()}) : (${simplifyDerivative(n.falseExpr).toString()})`,
    );
  }
  try {
    return simplify(node);
  } catch {
    return node;
  }
}

/**
 * The derivative that mathjs derives for a formula in x, as a string (for display).
 * Example: derivativeOfFormula('x > 0 ? x : exp(x) - 1') === '(x > 0) ? (1) : (exp(x))'
 */
export function derivativeOfFormula(expression: string): string {
  return simplifyDerivative(differentiate(parse(expression))).toString();
}
