// The classroom roster (classroom/roster.js): names from a count or a CSV, errors that name the line, codes
// stored only as scrypt hashes that the hub's Python authenticator (jupyterhub_config.py) accepts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const roster = require('../../classroom/roster.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseArgs } = require('../../classroom/cli.js');

describe('classroom roster: names', () => {
  it('a count becomes student01 … studentNN', () => {
    assert.deepEqual(roster.namesFromSource('3'), ['student01', 'student02', 'student03']);
    assert.equal(roster.namesFromSource('120').at(-1), 'student120');
  });

  it('a count out of range is refused', () => {
    assert.throws(() => roster.namesFromSource('0'), /between 1 and 500, got 0/);
  });

  it('a CSV gives its first column, lower-cased, skipping a header, blank lines and comments', () => {
    const names = roster.namesFromCsv('name,email\nAlice,a@x\n\n# late joiners\nli-wei, l@x\r\nbob_2\n', 'class.csv');
    assert.deepEqual(names, ['alice', 'li-wei', 'bob_2']);
  });

  it('a malformed line is named with file and line number', () => {
    assert.throws(() => roster.namesFromCsv('name\nalice\nJohn Smith\n', 'class.csv'), /class\.csv:3: "John Smith" is not a usable student name; expected a letter first/);
    assert.throws(() => roster.namesFromCsv('alice\n,x\n', 'c.csv'), /c\.csv:2: the first column \(the student's name\) is empty/);
    assert.throws(() => roster.namesFromCsv('alice\nbob\nAlice\n', 'c.csv'), /c\.csv:3: "alice" is already on line 1/);
    assert.throws(() => roster.namesFromCsv('name\n\n', 'c.csv'), /c\.csv: no names found/);
  });

  it('a missing file says what was expected', () => {
    assert.throws(() => roster.namesFromSource('/nonexistent/class.csv'), /cannot read "\/nonexistent\/class\.csv" \(ENOENT\); expected a number of students or a CSV file/);
  });
});

describe('classroom roster: codes', () => {
  it('codes are stored hashed, never in clear, and verify only themselves', () => {
    const r: { version: number; users: Record<string, { hash: string }> } = { version: 1, users: {} };
    const issued = roster.addUsers(r, ['alice', 'bob']);
    assert.equal(issued.length, 2);
    const text = JSON.stringify(r);
    for (const { code } of issued) assert.ok(!text.includes(code), 'a code appears in the stored roster');
    assert.ok(roster.verifyCode(issued[0].code, r.users.alice.hash));
    assert.ok(!roster.verifyCode(issued[1].code, r.users.alice.hash));
    assert.match(issued[0].code, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it('adding again keeps existing codes unless reset', () => {
    const r: { version: number; users: Record<string, { hash: string }> } = { version: 1, users: {} };
    roster.addUsers(r, ['alice']);
    const before = r.users.alice.hash;
    assert.equal(roster.addUsers(r, ['alice', 'carol']).length, 1);
    assert.equal(r.users.alice.hash, before);
    assert.equal(roster.addUsers(r, ['alice'], { reset: true }).length, 1);
    assert.notEqual(r.users.alice.hash, before);
  });

  it('the hub (Python hashlib.scrypt, as in jupyterhub_config.py) accepts the right code and refuses a wrong one', () => {
    const code = roster.newCode();
    const hash = roster.hashCode(code);
    const py = [
      'import base64, hashlib, hmac, sys',
      'algo, n, r, p, salt, digest = sys.argv[1].split("$")',
      'def ok(code):',
      '    exp = base64.b64decode(digest)',
      '    got = hashlib.scrypt(code.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(exp), maxmem=64*1024*1024)',
      '    return hmac.compare_digest(got, exp)',
      'print(ok(sys.argv[2]), ok(sys.argv[3]))',
    ].join('\n');
    const res = spawnSync('/usr/bin/python3', ['-c', py, hash, code, 'aaaa-bbbb-cccc'], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stdout.trim(), 'True False');
  });

  it('the roster file is written readable by its owner only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-test-'));
    try {
      const file = path.join(dir, 'roster.json');
      const r = roster.readRoster(file);
      roster.addUsers(r, ['alice']);
      roster.writeRoster(file, r);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.deepEqual(Object.keys(roster.readRoster(file).users), ['alice']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('classroom command line', () => {
  it('rejects bad options with what was expected', () => {
    assert.throws(() => parseArgs(['--port', 'eighty']), /--port must be a positive number, got "eighty"/);
    assert.throws(() => parseArgs(['--port', '70000']), /--port must be a port number \(1–65535\), got 70000/);
    assert.throws(() => parseArgs(['--memory-gb']), /--memory-gb needs a value/);
    assert.throws(() => parseArgs(['--colour']), /unknown option --colour/);
    assert.throws(() => parseArgs(['--prefix', 'Root!']), /--prefix must be lower-case/);
  });

  it('reads options in both spellings', () => {
    const { opts, rest } = parseArgs(['start', '--port=9000', '--ip', '127.0.0.1', '--memory-gb', '1.5', '--foreground']);
    assert.deepEqual(rest, ['start']);
    assert.deepEqual(opts, { port: 9000, ip: '127.0.0.1', memory_gb: 1.5, foreground: true });
  });

  it('a malformed roster CSV makes `roster` fail naming the line, and changes nothing', { skip: process.getuid && process.getuid() !== 0 ? 'needs root' : false }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-cli-'));
    try {
      const csv = path.join(dir, 'class.csv');
      fs.writeFileSync(csv, 'name\nalice\nbob\n9lives\n');
      const res = spawnSync(process.execPath, [path.join(__dirname, '../../classroom/cli.js'), 'roster', csv, '--state', path.join(dir, 'state')], { encoding: 'utf8' });
      assert.equal(res.status, 1);
      assert.match(res.stderr, /class\.csv:4: "9lives" is not a usable student name/);
      assert.ok(!fs.existsSync(path.join(dir, 'state', 'roster.json')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
