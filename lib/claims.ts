/**
 * Claims: tie a sentence of a notebook's prose to the number its cell computed.
 *
 * A notebook that writes "about half of the units die" runs, in the cell that prints the number,
 *
 *   nn.claim('about half of the units die (40–60 %)', dead >= 0.4 && dead <= 0.6, `${(100 * dead).toFixed(1)} % dead`);
 *
 * which prints `✔ checked: about half of the units die (40–60 %) — 52.0 % dead`, and throws a ClaimError when the
 * statement no longer holds. `npm test` executes every notebook, so a change in the code that makes a sentence wrong
 * fails the tests instead of leaving prose that contradicts its output.
 */
import { ArgumentError, describe, useStudentStack } from './errors';
import { say, tr, translate } from './language';

/** A sentence of the course that its own experiment no longer supports. */
export class ClaimError extends Error {
  constructor(
    message: string,
    /** The sentence that was claimed. */
    readonly statement: string,
    /** What the experiment measured, as the notebook described it. */
    readonly measured: string,
  ) {
    super(message);
    this.name = 'ClaimError';
    useStudentStack(this);
  }
}

export interface ClaimOptions {
  /** Where to print the confirmation (default console.log); tests pass their own. */
  print?: (line: string) => void;
}

/**
 * Checks that `holds` is true and prints `✔ checked: statement — measured`; otherwise throws a ClaimError
 * naming the statement and the measurement, so a notebook run fails where prose and numbers disagree.
 */
export function claim(statement: string, holds: boolean, measured = '', options: ClaimOptions = {}): void {
  if (typeof statement !== 'string' || statement.trim() === '') {
    throw new ArgumentError(`claim: statement must be a non-empty string, got ${describe(statement)}`);
  }
  if (typeof holds !== 'boolean') {
    throw new ArgumentError(`claim: holds must be a boolean (the result of the check), got ${describe(holds)}`);
  }
  if (typeof measured !== 'string') {
    throw new ArgumentError(`claim: measured must be a string describing the numbers, got ${describe(measured)}`);
  }
  if (!holds) {
    throw new ClaimError(
      `claim: the notebook says "${statement}", but the experiment measured ${measured || '(no measurement given)'}; ` +
        'the prose and this cell no longer agree — fix the text or the experiment',
      statement,
      measured,
    );
  }
  // The zh edition prints the sentence from the notebook's message table (the check itself is the same).
  const said = translate(statement);
  const numbers = measured ? translate(measured) : '';
  (options.print ?? say)(`✔ ${tr('checked: ', '已核对：')}${said}${numbers ? ` — ${numbers}` : ''}`);
}
