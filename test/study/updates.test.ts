/**
 * README's "Getting course updates", end to end: a simulated upstream (a bare repository made from a clone of the
 * course), a student's clone set up as `npm install` does, and a course update to notebooks that the student
 * (a) only ran, (b) edited, (c) left untouched. The recipe: `npm run update` (scripts/update.js); if it names a
 * notebook you edited, `npm run reset -- NN` (your file is kept in notebooks/.backup/) and `npm run update` again.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, answerIn, cloneCourse, git, gitRun, readNotebook, runIn, saveNotebook, sourceOf, tempDir } from './clone';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { reset } = require('../../scripts/reset.js') as { reset(o: { root: string; names: string[] }): string[] };
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { update } = require('../../scripts/update.js') as { update(root: string): { ok: boolean; messages: string[] } };
const RAN = '01-the-neuron.ipynb';
const EDITED = '03-forward-propagation.ipynb';
const UNTOUCHED = '05-gradient-descent.ipynb';
const EDITED_ELSEWHERE = '04-loss-mse.ipynb'; // edited by the student, not changed by the update

/** upstream.git (bare), the student's clone of it, and a function that pushes a course update. */
function world() {
  const base = tempDir('fcnn-upstream-');
  const course = cloneCourse();
  const upstream = path.join(base, 'upstream.git');
  git(base, 'clone', '-q', '--bare', course, upstream);
  const student = cloneCourse(upstream, 'fcnn-student-');
  const author = cloneCourse(upstream, 'fcnn-author-');
  const push = (names: string[]) => {
    for (const name of names) {
      const file = path.join(author, 'notebooks', name);
      const nb = readNotebook(file);
      const first = nb.cells[0];
      first.source = sourceOf(first) + `\n\nUpdated by the course: ${name}.`;
      saveNotebook(file, nb);
    }
    git(author, '-c', 'user.name=Course', '-c', 'user.email=course@example.org', 'commit', '-qam', 'a course update');
    git(author, 'push', '-q', 'origin', 'HEAD');
  };
  return { student, push };
}

const text = (dir: string, name: string) => fs.readFileSync(path.join(dir, 'notebooks', name), 'utf8');

describe('getting course updates (README)', () => {
  it('a notebook only run has an empty git diff, but plain git pull refuses it (git sees a bigger file)', () => {
    const { student, push } = world();
    runIn(path.join(student, 'notebooks', RAN));
    assert.equal(git(student, 'diff'), '');
    push([RAN]);
    const pulled = gitRun(student, 'pull', '-q');
    assert.notEqual(pulled.status, 0, 'git pull now takes the update over a notebook only run: README can say so');
    assert.match(pulled.stderr, /would be overwritten by merge:\s+notebooks\/01-the-neuron\.ipynb/);
  });

  it('npm run update brings the update to a notebook only run (its outputs go) and to an untouched one', () => {
    const { student, push } = world();
    runIn(path.join(student, 'notebooks', RAN));
    assert.match(text(student, RAN), /ran cell 1/);
    push([RAN, UNTOUCHED]);
    const r = update(student);
    assert.ok(r.ok, r.messages.join('\n'));
    assert.match(r.messages[0], /2 file\(s\) updated: notebooks\/01-the-neuron\.ipynb, notebooks\/05-gradient-descent\.ipynb/);
    assert.match(text(student, RAN), /Updated by the course: 01/);
    assert.doesNotMatch(text(student, RAN), /ran cell 1/, 'the outputs of the old version were kept');
    assert.match(text(student, UNTOUCHED), /Updated by the course: 05/);
    assert.equal(git(student, 'status', '--porcelain'), '');
    assert.deepEqual(update(student).messages, ['update: the course is up to date']);
  });

  it('an edited notebook the update changes: update pulls nothing and names the fix; reset, then update works', () => {
    const { student, push } = world();
    runIn(path.join(student, 'notebooks', RAN));
    answerIn(path.join(student, 'notebooks', EDITED), 'MY-ANSWER');
    answerIn(path.join(student, 'notebooks', EDITED_ELSEWHERE), 'MY-OTHER-ANSWER');
    push([RAN, EDITED, UNTOUCHED]);
    const refused = update(student);
    assert.equal(refused.ok, false);
    assert.match(refused.messages.join('\n'), /nothing pulled\. You edited notebooks\/03-forward-propagation\.ipynb.*\n.*npm run reset -- 03-forward-propagation /);
    assert.doesNotMatch(refused.messages.join('\n'), /01-the-neuron|04-loss/, 'it named a notebook only run or one the update leaves alone');
    assert.match(text(student, EDITED), /MY-ANSWER/);
    assert.doesNotMatch(text(student, UNTOUCHED), /Updated by the course/, 'a refused update changed a file');

    const lines = reset({ root: student, names: ['03-forward-propagation'] });
    const backup = /yours is kept as (\S+)/.exec(lines.join('\n'))![1];
    const r = update(student);
    assert.ok(r.ok, r.messages.join('\n'));
    for (const name of [RAN, EDITED, UNTOUCHED]) assert.match(text(student, name), new RegExp(`Updated by the course: ${name}`));
    assert.match(fs.readFileSync(path.join(student, backup), 'utf8'), /MY-ANSWER/);
    assert.match(text(student, EDITED_ELSEWHERE), /MY-OTHER-ANSWER/, 'the update lost an edit to a notebook it did not change');
    assert.equal(git(student, 'status', '--porcelain'), ` M notebooks/${EDITED_ELSEWHERE}\n`);
  });

  it('a copy of a notebook (File → Make a Copy…) is never touched by an update', () => {
    const { student, push } = world();
    const copy = path.join(student, 'notebooks', '03-forward-propagation-mine.ipynb');
    fs.copyFileSync(path.join(student, 'notebooks', EDITED), copy);
    answerIn(copy, 'IN-MY-COPY');
    push([EDITED]);
    assert.ok(update(student).ok);
    assert.match(fs.readFileSync(copy, 'utf8'), /IN-MY-COPY/);
    assert.match(text(student, EDITED), /Updated by the course/);
  });

  it('as npm run update outside a git checkout: exit 1 and says why', () => {
    const dir = tempDir('fcnn-archive-');
    fs.mkdirSync(path.join(dir, 'scripts'));
    for (const f of ['update.js', 'site-sources.js']) fs.copyFileSync(path.join(ROOT, 'scripts', f), path.join(dir, 'scripts', f));
    const r = spawnSync(process.execPath, ['scripts/update.js'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /is not a git checkout/);
  });
});
