/**
 * Exercises by id, checked against an answer key the notebook does not show, with feedback that grows with the
 * attempts and a per-notebook progress list kept for the kernel session.
 *
 *   let exercise2: number | undefined = undefined;   // ← the student writes a number here
 *   void nn.exercise('01.2').check(exercise2);
 *   nn.exerciseProgress('01');                       // ✓ / ✗ / … per exercise of notebook 01
 *
 * Feedback: an unanswered exercise prints "not answered yet" and nothing else; the first wrong answer gets a gentle
 * nudge, the second and later ones the hint, and from the third on also the worked solution's file. Exercises whose
 * answer depends on the notebook's own results (a trained network, a confusion matrix) take them as a second
 * argument, e.g. `.check(recall4, { cm: cm })` (written out: tslab does not resolve the shorthand `{ cm }` to a
 * variable of an earlier cell); the key computes the expected value from them.
 */
import { ArgumentError, describe } from '../errors';
import { checkTolerance, compareFunctions, describeFailure, sameValue, short } from './check';
import { ANSWER_KEY } from './key';
import { ANSWER_KEY_ZH } from './key/zh';
import { getLanguage, say, tr } from '../language';
import type { ExerciseContext, ExerciseKey, NotebookKey } from './key/types';

export type { ExerciseContext, ExerciseKey, NotebookKey } from './key/types';

/** What the session remembers of one exercise. */
export interface ExerciseRecord {
  /** Checks with an answer (not counting "not answered yet"). */
  attempts: number;
  /** Wrong answers so far: 1 → nudge, 2 → hint, 3+ → hint and the solution's file. */
  wrong: number;
  /** Whether the most recent answer was right. */
  solved: boolean;
}

/** One line of `exerciseProgress`. */
export interface ExerciseProgressRow {
  id: string;
  title: string;
  status: 'solved' | 'tried' | 'not tried';
  attempts: number;
}

/** The title, nudge and hint an exercise prints: the Chinese ones in the zh edition (from key/zh), else English. */
function exerciseText(notebook: NotebookKey, e: ExerciseKey): { title: string; nudge: string; hint: string; example?: string } {
  if (getLanguage() === 'zh') {
    const zh = ANSWER_KEY_ZH.find((z) => z.notebook === notebook.notebook)?.exercises[e.id];
    if (zh) return zh;
  }
  return { title: e.title, nudge: e.nudge, hint: e.hint, example: (e as { example?: string }).example };
}

/** One exercise of the key, bound to a session. */
export class Exercise {
  constructor(
    private readonly session: ExerciseSession,
    private readonly notebook: NotebookKey,
    private readonly entry: ExerciseKey,
  ) {}

  get id(): string {
    return this.entry.id;
  }

  get title(): string {
    return this.entry.title;
  }

  /**
   * Checks the student's answer (a value, a function or a result, depending on the exercise) and prints one line.
   * `context` passes the notebook results this exercise is about (see the exercise's `needs`).
   */
  check(answer: unknown, context: ExerciseContext = {}): boolean {
    const fn = `exercise('${this.entry.id}').check`;
    const e = this.entry;
    for (const [name, what] of Object.entries(e.needs ?? {})) {
      if (context === null || typeof context !== 'object' || !(name in context)) {
        throw new ArgumentError(
          `${fn}: this exercise needs ${what} as { ${name} } in the second argument, e.g. .check(answer, { ${name}: ${name} }); ` +
            `got ${context === null || typeof context !== 'object' ? describe(context) : `{ ${Object.keys(context).join(', ')} }`}`,
        );
      }
    }
    const text = exerciseText(this.notebook, e);
    const label = `${e.id} ${text.title}`;
    const print = this.session.print;
    if (answer === undefined) {
      print(tr(`… ${label}: not answered yet — replace undefined with your answer and run the cell again`, `… ${label}：尚未作答——把 undefined 换成你的答案，再运行这个单元格`));
      return false;
    }
    const record = this.session.record(e.id);
    record.attempts += 1;
    let failure: string | undefined;
    if (e.kind === 'value') {
      const expected = e.expected(context);
      const tol = checkTolerance(fn, e.tolerance);
      if (typeof expected === 'number' && typeof answer !== 'number') failure = tr(`✗ ${label}: expected a number, got ${describe(answer)}`, `✗ ${label}：答案应是一个数，得到的是 ${describe(answer)}`);
      else if (Array.isArray(expected) && !Array.isArray(answer) && typeof (answer as { toArray?: unknown })?.toArray !== 'function' && !ArrayBuffer.isView(answer)) {
        failure = tr(`✗ ${label}: expected an array of ${expected.length} numbers like [a, b], got ${describe(answer)}`, `✗ ${label}：答案应是含 ${expected.length} 个数的数组，如 [a, b]，得到的是 ${describe(answer)}`);
      } else if (!sameValue(answer, expected, tol)) failure = tr(`✗ ${label}: got ${short(answer)}, which is not right`, `✗ ${label}：得到 ${short(answer)}，还不对`);
    } else if (e.kind === 'function') {
      if (typeof answer !== 'function') failure = tr(`✗ ${label}: expected a function such as ${e.example ?? '(x) => …'}, got ${describe(answer)}`, `✗ ${label}：答案应是一个函数，例如 ${text.example ?? e.example ?? '(x) => …'}，得到的是 ${describe(answer)}`);
      else {
        const r = compareFunctions(answer as (...args: unknown[]) => unknown, e.reference, e.cases(context), checkTolerance(fn, e.tolerance));
        if (!r.ok) failure = describeFailure(label, r.failure!);
      }
    } else {
      let ok: boolean;
      try {
        ok = e.accepts(answer, context);
      } catch (err) {
        ok = false;
        const why = (err as Error)?.message ?? String(err);
        failure = tr(`✗ ${label}: your answer ${short(answer)} could not be checked: ${why}`, `✗ ${label}：无法检查你的答案 ${short(answer)}：${why}`);
      }
      if (!ok && failure === undefined) failure = tr(`✗ ${label}: ${short(answer)} does not do it yet`, `✗ ${label}：${short(answer)} 还不满足要求`);
    }
    if (failure === undefined) {
      record.solved = true;
      const { solved, total } = this.session.count(this.notebook.notebook);
      print(tr(`✓ ${label}: correct — ${solved} of ${total} exercises of notebook ${this.notebook.notebook} solved`, `✓ ${label}：正确——第 ${this.notebook.notebook} 章的 ${total} 道练习已完成 ${solved} 道`));
      return true;
    }
    record.solved = false;
    record.wrong += 1;
    if (record.wrong === 1) print(tr(`${failure}. ${text.nudge} (Change your answer and run the cell again; the next try shows a hint.)`, `${failure}。${text.nudge}（修改答案后再运行这个单元格；下一次会给出提示。）`));
    else if (record.wrong === 2) print(tr(`${failure}. Hint: ${text.hint}`, `${failure}。提示：${text.hint}`));
    else print(tr(`${failure}. Hint: ${text.hint} Worked solution: ${this.notebook.solutions}`, `${failure}。提示：${text.hint} 参考解答：${this.notebook.solutions}`));
    return false;
  }
}

/** The exercises' state for one kernel session: attempts and results per exercise id. */
export class ExerciseSession {
  private readonly records = new Map<string, ExerciseRecord>();

  constructor(
    /** The answer key (default: the course's). */
    readonly key: readonly NotebookKey[] = ANSWER_KEY,
    /** Where to print (default console.log); tests pass their own. */
    readonly print: (line: string) => void = (line) => say(line),
  ) {}

  /** The exercise with this id, e.g. '01.2'; throws listing the valid ids for an unknown one. */
  exercise(id: string): Exercise {
    if (typeof id !== 'string') throw new ArgumentError(`exercise: id must be a string such as '01.2', got ${describe(id)}`);
    for (const nb of this.key) {
      const entry = nb.exercises.find((x) => x.id === id);
      if (entry) return new Exercise(this, nb, entry);
    }
    const nb = this.key.find((n) => id.startsWith(n.notebook + '.'));
    const valid = (nb ? nb.exercises : this.key.flatMap((n) => n.exercises)).map((x) => `'${x.id}'`).join(', ');
    throw new ArgumentError(`exercise: unknown exercise id ${describe(id)}; expected one of ${valid}`);
  }

  /** The record of one exercise (created on first use). */
  record(id: string): ExerciseRecord {
    let r = this.records.get(id);
    if (!r) {
      r = { attempts: 0, wrong: 0, solved: false };
      this.records.set(id, r);
    }
    return r;
  }

  /** Solved and total exercises of a notebook. */
  count(notebook: string): { solved: number; total: number } {
    const nb = this.notebookKey('exerciseProgress', notebook);
    return { solved: nb.exercises.filter((x) => this.records.get(x.id)?.solved).length, total: nb.exercises.length };
  }

  /** Prints ✓ (solved), ✗ (tried, not solved yet) or … (not tried) per exercise of a notebook, and returns the rows. */
  progress(notebook: string): ExerciseProgressRow[] {
    const nb = this.notebookKey('exerciseProgress', notebook);
    const rows = nb.exercises.map((x): ExerciseProgressRow => {
      const r = this.records.get(x.id);
      const status = r?.solved ? 'solved' : r && r.attempts > 0 ? 'tried' : 'not tried';
      return { id: x.id, title: x.title, status, attempts: r?.attempts ?? 0 };
    });
    const { solved, total } = this.count(notebook);
    const title = getLanguage() === 'zh' ? ANSWER_KEY_ZH.find((z) => z.notebook === nb.notebook)?.title || nb.title : nb.title;
    this.print(tr(`Notebook ${nb.notebook} (${nb.title}): ${solved} of ${total} exercises solved in this kernel session`, `第 ${nb.notebook} 章（${title}）：本次内核会话中已完成 ${solved}/${total} 道练习`));
    const width = Math.max(...rows.map((r) => r.id.length));
    for (const r of rows) {
      const mark = r.status === 'solved' ? '✓' : r.status === 'tried' ? '✗' : '…';
      const zh = getLanguage() === 'zh';
      const note =
        r.status === 'tried'
          ? zh ? `（已尝试 ${r.attempts} 次，尚未完成）` : ` (${r.attempts} ${r.attempts === 1 ? 'try' : 'tries'}, not solved yet)`
          : r.status === 'not tried' ? tr(' (not tried yet)', '（尚未尝试）') : '';
      const shown = zh ? ANSWER_KEY_ZH.find((z) => z.notebook === nb.notebook)?.exercises[r.id]?.title ?? r.title : r.title;
      this.print(`  ${mark} ${r.id.padEnd(width)}  ${shown}${note}`);
    }
    return rows;
  }

  /** Forgets every attempt (as a kernel restart does). */
  reset(): void {
    this.records.clear();
  }

  private notebookKey(fn: string, notebook: string): NotebookKey {
    const nb = this.key.find((n) => n.notebook === notebook);
    if (!nb) {
      throw new ArgumentError(`${fn}: unknown notebook ${describe(notebook)}; expected one of ${this.key.map((n) => `'${n.notebook}'`).join(', ')}`);
    }
    return nb;
  }
}

/** The session of this kernel: every notebook cell's `nn.exercise(…)` shares it. */
export const exerciseSession = new ExerciseSession();

/** The exercise with this id in the kernel's session: `nn.exercise('01.2').check(answer)`. */
export function exercise(id: string): Exercise {
  return exerciseSession.exercise(id);
}

/** Prints which exercises of a notebook are solved (✓), tried (✗) or not tried (…) in this kernel session. */
export function exerciseProgress(notebook: string): void {
  exerciseSession.progress(notebook);
}
