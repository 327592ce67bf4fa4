/**
 * `npm run site` builds from the course's notebooks as committed, never from what a student did to them, and no
 * student command runs the translators' sync check (scripts/site.js, scripts/site-sources.js, package.json).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, addEmptyCell, answerIn, cloneCourse, git, tempDir } from './clone';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { chooseSources } = require('../../scripts/site-sources.js') as {
  chooseSources(o: { root: string; folder: string; workingCopy?: boolean; staging: string }): { from: string; note?: string; files: string[] };
};
// eslint-disable-next-line @typescript-eslint/no-var-requires
const env = require('../../scripts/jupyter-env.js') as { findJupyter(m: string[]): { ok: boolean; python?: { command: string } } };
const FOLDERS = ['notebooks', 'notebooks/solutions', 'notebooks/zh', 'notebooks/zh/solutions'];

/** A clone in which 00 got the empty cell Shift+Enter adds, 01 and zh/01 an answer, and a copy was made. */
function studiedClone(): string {
  const dir = cloneCourse();
  addEmptyCell(path.join(dir, 'notebooks', '00-start-here.ipynb'));
  answerIn(path.join(dir, 'notebooks', '01-the-neuron.ipynb'), 'STUDENT-ANSWER');
  answerIn(path.join(dir, 'notebooks', 'zh', '01-the-neuron.ipynb'), 'STUDENT-ANSWER');
  answerIn(path.join(dir, 'notebooks', 'solutions', '01-the-neuron.ipynb'), 'STUDENT-ANSWER');
  fs.copyFileSync(path.join(dir, 'notebooks', '01-the-neuron.ipynb'), path.join(dir, 'notebooks', 'Untitled.ipynb'));
  return dir;
}

describe('the sources of npm run site', () => {
  const dir = studiedClone();
  const staging = path.join(dir, 'artifacts', 'site-sources');

  for (const folder of FOLDERS) {
    it(`are the committed notebooks of ${folder}, not the studied ones`, () => {
      const chosen = chooseSources({ root: dir, folder, staging });
      assert.equal(chosen.from, 'HEAD');
      const committed = git(dir, 'ls-tree', '--name-only', 'HEAD', folder + '/').split('\n').filter((f) => f.endsWith('.ipynb'));
      assert.ok(committed.length >= 8, `${folder}: expected the course's notebooks, got ${committed.length}`);
      assert.deepEqual(chosen.files.map((f) => path.relative(staging, f).split(path.sep).join('/')), committed.sort());
      for (const file of chosen.files) {
        const rel = path.relative(staging, file).split(path.sep).join('/');
        assert.equal(fs.readFileSync(file, 'utf8'), git(dir, 'show', `HEAD:${rel}`), `${rel} is not HEAD's version`);
        assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /STUDENT-ANSWER|e0e0e0e0/, `${rel} carries the student's work`);
      }
    });
  }

  it("leave out a student's own notebooks (Untitled.ipynb) and the working files", () => {
    const chosen = chooseSources({ root: dir, folder: 'notebooks', staging });
    assert.ok(!chosen.files.some((f) => f.endsWith('Untitled.ipynb')));
    assert.ok(chosen.files.every((f) => f.startsWith(staging + path.sep)), 'a working file was chosen');
  });

  it('are the files on disk, answers and all, only when asked (--working-copy)', () => {
    const chosen = chooseSources({ root: dir, folder: 'notebooks', staging, workingCopy: true });
    assert.equal(chosen.from, 'working copy');
    const neuron = chosen.files.find((f) => f.endsWith('01-the-neuron.ipynb'));
    assert.equal(neuron, path.join(dir, 'notebooks', '01-the-neuron.ipynb'));
    assert.match(fs.readFileSync(neuron!, 'utf8'), /STUDENT-ANSWER/);
    assert.ok(chosen.files.some((f) => f.endsWith('Untitled.ipynb')));
  });

  it('are the files on disk, with a note, outside a git checkout (an unpacked archive)', () => {
    const archive = tempDir('fcnn-archive-');
    fs.cpSync(path.join(dir, 'notebooks'), path.join(archive, 'notebooks'), { recursive: true });
    const chosen = chooseSources({ root: archive, folder: 'notebooks', staging: path.join(archive, 'stage') });
    assert.equal(chosen.from, 'working copy');
    assert.match(chosen.note ?? '', /not a git checkout/);
    assert.ok(chosen.files.length >= 9);
  });

  it('run each staged notebook in the course folder it stands for (run-notebooks.py run_dir_of)', (t) => {
    const py = [
      'import importlib.util, sys',
      "spec = importlib.util.spec_from_file_location('rn', sys.argv[1]); rn = importlib.util.module_from_spec(spec)",
      'spec.loader.exec_module(rn)',
      'rn.SOURCES_ROOT["value"] = sys.argv[2]',
      'print(rn.run_dir_of(sys.argv[3])); print(rn.run_dir_of(sys.argv[4]))',
    ].join('\n');
    const stage = path.join(ROOT, 'artifacts', 'site-sources');
    const found = env.findJupyter(['nbformat']);
    if (!found.ok || !found.python) return t.skip('no Python with Jupyter (npm run doctor says what to install)');
    const r = spawnSync(found.python.command, ['-c', py, path.join(ROOT, 'scripts', 'run-notebooks.py'), stage,
      path.join(stage, 'notebooks', 'zh', '01-the-neuron.ipynb'), path.join(ROOT, 'notebooks', '02-activation-functions.ipynb')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [path.join(ROOT, 'notebooks', 'zh'), path.join(ROOT, 'notebooks')]);
  });
});

describe("a student's commands", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

  it("do not run the translators' sync check (npm run site, start, reset)", () => {
    for (const name of ['site', 'start', 'reset', 'doctor']) {
      assert.doesNotMatch(pkg.scripts[name], /zh\.js\b|test:zh/, `npm run ${name} runs the translators' tools`);
    }
    const site = fs.readFileSync(path.join(ROOT, 'scripts', 'site.js'), 'utf8');
    assert.doesNotMatch(site.replace(/^\/\/.*$/gm, ''), /zh\.js\b|test:zh/);
  });

  it("keep the sync check in the tests and in npm run zh", () => {
    assert.match(pkg.scripts['test:zh'], /node scripts\/zh\.js check/);
    assert.equal(pkg.scripts.zh, 'node scripts/zh.js');
  });

  it('never advise `zh.js build` in what the site build prints', () => {
    for (const f of ['site.js', 'site-sources.js', 'run-notebooks.js', 'run-notebooks.py', 'solution-pages.js', 'solution-pages.py']) {
      assert.doesNotMatch(fs.readFileSync(path.join(ROOT, 'scripts', f), 'utf8'), /zh\.js build|zh -- build/, f);
    }
  });
});
