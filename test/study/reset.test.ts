/**
 * `npm run reset -- 03` (scripts/reset.js): a notebook back to the course's version (HEAD), the student's file kept
 * in notebooks/.backup/ (git-ignored); bad input and a folder that is not a git checkout change nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, answerIn, cloneCourse, git, runIn, tempDir } from './clone';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { reset, ResetError } = require('../../scripts/reset.js') as {
  reset(o: { root: string; names: string[]; all?: boolean; now?: Date }): string[];
  ResetError: new (m: string) => Error;
};
const NOW = new Date('2026-12-08T10:11:12Z');
const STAMP = '2026-12-08T10-11-12Z';
const nb = (dir: string, rel: string) => path.join(dir, 'notebooks', ...rel.split('/'));
const committed = (dir: string, rel: string) => git(dir, 'show', `HEAD:notebooks/${rel}`);

describe('npm run reset', () => {
  it('puts 03 back to the course version and keeps the student file as a backup it names', () => {
    const dir = cloneCourse();
    answerIn(nb(dir, '03-forward-propagation.ipynb'));
    const mine = fs.readFileSync(nb(dir, '03-forward-propagation.ipynb'), 'utf8');
    const lines = reset({ root: dir, names: ['03'], now: NOW });
    assert.equal(fs.readFileSync(nb(dir, '03-forward-propagation.ipynb'), 'utf8'), committed(dir, '03-forward-propagation.ipynb'));
    const backup = path.join(dir, 'notebooks', '.backup', `03-forward-propagation.${STAMP}.ipynb`);
    assert.equal(fs.readFileSync(backup, 'utf8'), mine);
    assert.match(lines.join('\n'), new RegExp(`yours is kept as notebooks/\\.backup/03-forward-propagation\\.${STAMP}\\.ipynb`));
    assert.equal(git(dir, 'status', '--porcelain'), '', 'the reset notebook or its backup shows in git status');
  });

  it('takes the name in every form: 03-forward-propagation, with .ipynb, with notebooks/, zh/03, solutions/03', () => {
    const dir = cloneCourse();
    const forms: [string, string][] = [
      ['03-forward-propagation', '03-forward-propagation.ipynb'],
      ['03-forward-propagation.ipynb', '03-forward-propagation.ipynb'],
      ['notebooks/03-forward-propagation.ipynb', '03-forward-propagation.ipynb'],
      ['zh/03', 'zh/03-forward-propagation.ipynb'],
      ['zh/solutions/03', 'zh/solutions/03-forward-propagation.ipynb'],
      ['solutions/03-forward-propagation', 'solutions/03-forward-propagation.ipynb'],
    ];
    for (const [name, rel] of forms) {
      runIn(nb(dir, rel));
      const lines = reset({ root: dir, names: [name], now: NOW });
      assert.match(lines[0], new RegExp(`^notebooks/${rel.replace(/[./]/g, '\\$&')}: back to the course's version`), name);
      assert.equal(fs.readFileSync(nb(dir, rel), 'utf8'), committed(dir, rel), name);
    }
  });

  it('--all resets every changed course notebook (English, zh, solutions) and leaves the rest alone', () => {
    const dir = cloneCourse();
    answerIn(nb(dir, '00-start-here.ipynb'));
    runIn(nb(dir, 'zh/01-the-neuron.ipynb'));
    fs.rmSync(nb(dir, 'solutions/02-activation-functions.ipynb'));
    const mineCopy = nb(dir, '01-the-neuron-mine.ipynb');
    fs.copyFileSync(nb(dir, '01-the-neuron.ipynb'), mineCopy);
    const lines = reset({ root: dir, names: [], all: true, now: NOW });
    assert.equal(lines.filter((l) => /back to the course's version/.test(l)).length, 3, lines.join('\n'));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'notebooks', '.backup')).sort(), [`00-start-here.${STAMP}.ipynb`, 'zh']);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'notebooks', '.backup', 'zh')), [`01-the-neuron.${STAMP}.ipynb`]);
    assert.ok(fs.existsSync(mineCopy), "--all removed the student's own copy");
    assert.equal(git(dir, 'status', '--porcelain'), '?? notebooks/01-the-neuron-mine.ipynb\n');
  });

  it('says so when the notebook is already the course version, and makes no backup', () => {
    const dir = cloneCourse();
    assert.deepEqual(reset({ root: dir, names: ['05'], now: NOW }), ["notebooks/05-gradient-descent.ipynb: already the course's version"]);
    assert.ok(!fs.existsSync(path.join(dir, 'notebooks', '.backup')));
  });

  it('also undoes a git add of the edited notebook', () => {
    const dir = cloneCourse();
    answerIn(nb(dir, '04-loss-mse.ipynb'));
    git(dir, 'add', 'notebooks');
    reset({ root: dir, names: ['04'], now: NOW });
    assert.equal(git(dir, 'status', '--porcelain'), '');
  });

  it('rejects an unknown name, listing the valid ones, and changes nothing (not even the valid names given)', () => {
    const dir = cloneCourse();
    answerIn(nb(dir, '03-forward-propagation.ipynb'));
    const before = fs.readFileSync(nb(dir, '03-forward-propagation.ipynb'), 'utf8');
    for (const bad of ['99', '3', 'zh/99', 'forward', '03-forward']) {
      assert.throws(() => reset({ root: dir, names: ['03', bad], now: NOW }), (err: Error) => {
        assert.ok(err instanceof ResetError);
        assert.match(err.message, new RegExp(`no course notebook is called "${bad}"`));
        assert.match(err.message, /Valid names: 00-start-here, 01-the-neuron, .*zh\/03-forward-propagation/);
        return true;
      });
    }
    assert.equal(fs.readFileSync(nb(dir, '03-forward-propagation.ipynb'), 'utf8'), before);
    assert.ok(!fs.existsSync(path.join(dir, 'notebooks', '.backup')));
  });

  it('refuses, changing nothing, outside a git checkout', () => {
    const dir = tempDir('fcnn-archive-');
    fs.cpSync(path.join(ROOT, 'notebooks'), path.join(dir, 'notebooks'), { recursive: true, filter: (s) => !s.includes('.backup') });
    answerIn(nb(dir, '03-forward-propagation.ipynb'));
    const before = fs.readFileSync(nb(dir, '03-forward-propagation.ipynb'), 'utf8');
    assert.throws(() => reset({ root: dir, names: ['03'], now: NOW }), /is not a git checkout of the course/);
    assert.equal(fs.readFileSync(nb(dir, '03-forward-propagation.ipynb'), 'utf8'), before);
    assert.ok(!fs.existsSync(path.join(dir, 'notebooks', '.backup')));
  });

  it('as npm run reset: prints the backup, and for a bad name exits 1 with the valid names on stderr', () => {
    const dir = cloneCourse();
    for (const f of ['reset.js', 'site-sources.js']) fs.copyFileSync(path.join(ROOT, 'scripts', f), path.join(dir, 'scripts', f));
    answerIn(nb(dir, '03-forward-propagation.ipynb'));
    const ok = spawnSync(process.execPath, ['scripts/reset.js', '03'], { cwd: dir, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /yours is kept as notebooks\/\.backup\/03-forward-propagation\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.ipynb/);
    const bad = spawnSync(process.execPath, ['scripts/reset.js', '42'], { cwd: dir, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /no course notebook is called "42"\. Valid names: /);
    const none = spawnSync(process.execPath, ['scripts/reset.js'], { cwd: dir, encoding: 'utf8' });
    assert.equal(none.status, 1);
    assert.match(none.stderr, /name a notebook/);
  });
});
