/** The shape of the answer key (lib/exercises/key/NN-*.ts): one NotebookKey per notebook. */

/** Notebook results an exercise is about, passed as `.check(answer, { cm })`. */
export type ExerciseContext = Record<string, unknown>;

interface Common {
  /** '01.2': notebook number, a dot, the exercise's number (and a letter for a part). */
  id: string;
  /** Short title printed with every check. */
  title: string;
  /** Context the check needs, name → what it is (checked before anything else). */
  needs?: Record<string, string>;
  /** Allowed difference (see checkAnswer); default 1e-6. */
  tolerance?: number;
  /** Printed after the first wrong answer: a gentle pointer, never the calculation. */
  nudge: string;
  /** Printed from the second wrong answer on. */
  hint: string;
}

/** The answer is a value compared with `expected(context)`. */
export interface ValueExercise extends Common {
  kind: 'value';
  expected: (context: ExerciseContext) => unknown;
}

/** The answer is a function compared with `reference` on `cases(context)`. */
export interface FunctionExercise extends Common {
  kind: 'function';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  reference: (...args: any[]) => unknown;
  cases: (context: ExerciseContext) => unknown[][];
  /** How such a function is written, for the message when the answer is not a function. */
  example?: string;
}

/** The answer (e.g. a learning rate or an accuracy) is accepted when `accepts` returns true. */
export interface ConditionExercise extends Common {
  kind: 'condition';
  accepts: (answer: unknown, context: ExerciseContext) => boolean;
}

export type ExerciseKey = ValueExercise | FunctionExercise | ConditionExercise;

export interface NotebookKey {
  /** '01' */
  notebook: string;
  /** The notebook's title. */
  title: string;
  /** The worked solutions, relative to the notebooks folder. */
  solutions: string;
  exercises: ExerciseKey[];
}

/** The Chinese text of one exercise; the check itself (expected, cases, accepts) is the English key's. */
export interface ExerciseTextZh {
  title: string;
  nudge: string;
  hint: string;
  /** Only for function exercises that have an `example` in the English key. */
  example?: string;
}

/** The Chinese texts of one notebook's exercises (lib/exercises/key/zh/NN-*.ts), by exercise id. */
export interface NotebookKeyZh {
  notebook: string;
  title: string;
  exercises: Record<string, ExerciseTextZh>;
}
