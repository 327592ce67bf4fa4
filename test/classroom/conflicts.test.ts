// classroom/course_conflicts.py: the cells a course update did not bring in because the student had changed them
// too (nbgitpuller merges with -Xours), found on a real git history made the way nbgitpuller makes it.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.join(__dirname, '..', '..', 'classroom', 'course_conflicts.py');
const temps: string[] = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

const nb = (cells: [string, string][]) =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: cells.map(([id, src]) => ({ id, cell_type: 'markdown', metadata: {}, source: src.split(/(?<=\n)/) })) }, null, 1) + '\n';

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.email=t@x', '-c', 'user.name=t', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A course repository and a student's clone; the student edits, the course updates, nbgitpuller's merge. */
function history(student: [string, string][], course: [string, string][], first?: [string, string][]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-conflicts-'));
  temps.push(root);
  const upstream = path.join(root, 'course');
  const copy = path.join(root, 'student');
  fs.mkdirSync(upstream);
  git(upstream, 'init', '--quiet', '--initial-branch=main');
  const base: [string, string][] = first ?? [['title', '# One'], ['intro', 'Read this.\nThen that.'], ['task', 'x = ?']];
  fs.writeFileSync(path.join(upstream, 'nb.ipynb'), nb(base));
  git(upstream, 'add', '-A');
  git(upstream, 'commit', '--quiet', '-m', 'first');
  git(root, 'clone', '--quiet', upstream, copy);
  fs.writeFileSync(path.join(copy, 'nb.ipynb'), nb(student));
  git(copy, 'commit', '--quiet', '-am', 'Automatic commit by nbgitpuller');
  fs.writeFileSync(path.join(upstream, 'nb.ipynb'), nb(course));
  git(upstream, 'commit', '--quiet', '-am', 'update');
  git(copy, 'fetch', '--quiet');
  git(copy, 'merge', '--quiet', '-Xours', 'origin/main');
  return copy;
}

function report(repo: string) {
  const r = spawnSync('/usr/bin/python3', [SCRIPT, repo], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim()).notebooks;
}

describe('course update conflicts', () => {
  it('names a cell that both changed on the same (or a neighbouring) line, and says the student\'s version was kept', () => {
    const repo = history(
      [['title', '# One'], ['intro', 'Read this.\nThen that.'], ['task', 'x = 42']],
      [['title', '# One (week 2)'], ['intro', 'Read this.\nThen that.'], ['task', 'x = ? (a whole number)']],
    );
    const nbs = report(repo);
    assert.deepEqual(Object.keys(nbs), ['nb.ipynb']);
    assert.deepEqual(nbs['nb.ipynb'].cells.map((c: { index: number; id: string; kept: boolean; yours: string; course: string }) => [c.index, c.id, c.kept, c.yours, c.course]), [
      [3, 'task', true, 'x = 42', 'x = ? (a whole number)'],
    ]);
  });

  it('says when both changes were combined in one cell (lines far apart)', () => {
    const repo = history(
      [['title', '# One'], ['intro', 'Read this!\nThen that.\n\n-\n-\n-\nLast.'], ['task', 'x = ?']],
      [['title', '# One'], ['intro', 'Read this.\nThen that.\n\n-\n-\n-\nLast, twice.'], ['task', 'x = ?']],
      [['title', '# One'], ['intro', 'Read this.\nThen that.\n\n-\n-\n-\nLast.'], ['task', 'x = ?']],
    );
    const cells = report(repo)['nb.ipynb'].cells;
    assert.equal(cells.length, 1);
    assert.equal(cells[0].id, 'intro');
    assert.equal(cells[0].kept, false);
  });

  it('reports nothing when the student and the course changed different cells', () => {
    const repo = history(
      [['title', '# One'], ['intro', 'Read this.\nThen that.'], ['task', 'x = 42']],
      [['title', '# One (week 2)'], ['intro', 'Read this.\nThen that.'], ['task', 'x = ?']],
    );
    assert.deepEqual(report(repo), {});
  });

  it('gives null for a student who has no copy yet', () => {
    const r = spawnSync('/usr/bin/python3', [SCRIPT, '/nonexistent/copy'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).notebooks, null);
  });
});
