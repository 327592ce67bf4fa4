import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { claim, ClaimError, ArgumentError } from '../lib';

describe('claim', () => {
  it('prints the statement and the measurement when the claim holds', () => {
    const lines: string[] = [];
    claim('loss falls below 0.01', 0.004 < 0.01, 'loss 0.004', { print: (l) => lines.push(l) });
    assert.deepEqual(lines, ['✔ checked: loss falls below 0.01 — loss 0.004']);
  });

  it('throws a ClaimError naming statement and measurement when it does not hold', () => {
    assert.throws(
      () => claim('about half of the units die', false, '8.0 % dead', { print: () => {} }),
      (e: unknown) =>
        e instanceof ClaimError &&
        e.statement === 'about half of the units die' &&
        e.measured === '8.0 % dead' &&
        /says "about half of the units die", but the experiment measured 8\.0 % dead/.test(e.message),
    );
  });

  it('refuses a non-boolean check, so a number is never taken as true', () => {
    assert.throws(() => claim('x', 1 as unknown as boolean), (e: unknown) => e instanceof ArgumentError && /holds must be a boolean, got 1|holds must be a boolean/.test((e as Error).message));
  });

  it('refuses an empty statement', () => {
    assert.throws(() => claim('  ', true), ArgumentError);
  });
});
