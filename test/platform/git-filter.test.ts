/**
 * The git clean filter `npm install` configures (scripts/jupyter-env.js configureGitFilter, .gitattributes): in a
 * scratch repository, a notebook that was only run (outputs added, as Jupyter saves it) has an empty `git diff`, git
 * stores it without outputs while the working file keeps them, a real edit still shows, and after `git add` a
 * course update pulls over a notebook that was only run. (`git status` still lists a run notebook until `git add`:
 * git decides "modified" from the file size before it runs a filter.)
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const env = require('../../scripts/jupyter-env.js') as { configureGitFilter(root: string): string | undefined };
const temps: string[] = [];
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A course checkout in miniature: the filter's scripts, .gitattributes and one notebook, configured as setup does. */
function scratchRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-git-'));
  temps.push(dir);
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.mkdirSync(path.join(dir, 'notebooks'));
  for (const f of ['clear-outputs.js', 'notebook.js', 'jupyter-env.js']) fs.copyFileSync(path.join(ROOT, 'scripts', f), path.join(dir, 'scripts', f));
  fs.copyFileSync(path.join(ROOT, '.gitattributes'), path.join(dir, '.gitattributes'));
  fs.copyFileSync(path.join(ROOT, 'notebooks', '01-the-neuron.ipynb'), path.join(dir, 'notebooks', '01-the-neuron.ipynb'));
  git(dir, 'init', '-q');
  assert.match(env.configureGitFilter(dir) ?? '', /clean filter fcnn-notebook/);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'course');
  return dir;
}

/** The notebook as Jupyter saves it after running: an output and an execution count on the first code cell. */
function run(file: string): void {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  const cell = nb.cells.find((c: { cell_type: string }) => c.cell_type === 'code');
  cell.execution_count = 1;
  cell.outputs = [{ output_type: 'stream', name: 'stdout', text: ['ran\n'] }];
  fs.writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
}

describe('the notebook clean filter', () => {
  it('keeps the outputs of a notebook that was only run out of git diff and out of what git stores', () => {
    const dir = scratchRepo();
    const file = path.join(dir, 'notebooks', '01-the-neuron.ipynb');
    run(file);
    assert.equal(git(dir, 'diff'), '', 'git diff shows the outputs of a notebook that was only run');
    assert.match(fs.readFileSync(file, 'utf8'), /"ran\\n"/, 'the working file lost its outputs');
    git(dir, 'add', '-A');
    assert.doesNotMatch(git(dir, 'show', ':notebooks/01-the-neuron.ipynb'), /"ran\\n"/, 'git stored the outputs');
    assert.equal(git(dir, 'status', '--porcelain'), '', 'after git add, a notebook that was only run is unchanged');
  });

  it('still shows a real edit', () => {
    const dir = scratchRepo();
    const file = path.join(dir, 'notebooks', '01-the-neuron.ipynb');
    const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
    nb.cells[0].source.push('\nMy note.');
    fs.writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
    assert.match(git(dir, 'diff'), /\+.*My note\./);
  });

  it('lets a course update be pulled, after git add, over a notebook the student only ran', () => {
    const course = scratchRepo();
    const student = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-git-student-'));
    temps.push(student);
    git(student, 'clone', '-q', course, '.');
    assert.ok(env.configureGitFilter(student));
    run(path.join(student, 'notebooks', '01-the-neuron.ipynb'));
    // the course changes the notebook
    const file = path.join(course, 'notebooks', '01-the-neuron.ipynb');
    const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
    nb.cells[0].source.push('\nUpdated by the course.');
    fs.writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
    git(course, 'commit', '-qam', 'update');
    git(student, 'add', 'notebooks');
    git(student, 'pull', '-q', '--no-rebase');
    assert.match(fs.readFileSync(path.join(student, 'notebooks', '01-the-neuron.ipynb'), 'utf8'), /Updated by the course/);
  });

  it('passes a notebook larger than a pipe buffer through whole, even when git reads its end late', () => {
    // A filter that exited right after an asynchronous write stored notebooks cut off at 65,536 bytes.
    const big = path.join(ROOT, 'notebooks', '02-activation-functions.ipynb');
    const size = fs.statSync(big).size;
    assert.ok(size > 65536, 'the test needs a notebook larger than 64 KB');
    const r = spawnSync('bash', ['-c', `node scripts/clear-outputs.js --stdin x < '${big}' | (sleep 1; wc -c)`], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(Number(r.stdout.trim()), Buffer.byteLength(fs.readFileSync(big, 'utf8')), "the filter's output was cut short");
  });

  it('has staged every course notebook whole (the copy in git parses as a notebook)', () => {
    const listed = spawnSync('git', ['ls-files', 'notebooks'], { cwd: ROOT, encoding: 'utf8' });
    if (listed.status !== 0) return; // not a git checkout (e.g. an unpacked archive): nothing staged to check
    const files = listed.stdout.split('\n').filter((f) => f.endsWith('.ipynb'));
    assert.ok(files.length >= 34, `expected the course, solution and zh notebooks in git, found ${files.length}`);
    const broken: string[] = [];
    for (const f of files) {
      const blob = spawnSync('git', ['show', `:${f}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      try {
        if (!Array.isArray(JSON.parse(blob.stdout).cells)) broken.push(`${f}: no cells`);
      } catch (err) {
        broken.push(`${f}: ${(err as Error).message} (${blob.stdout.length} characters)`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
