// The classroom roster (classroom/roster.js): names from a count or a CSV, real names mapped to login and system
// names, errors that name the line, codes stored only as scrypt hashes — and the hub's own code checker and login
// lookup (jupyterhub_config.py, run by Debian's Python with a stub get_config) agreeing with what the roster wrote.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const roster = require('../../classroom/roster.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseArgs } = require('../../classroom/cli.js');

type Entry = { name: string; display: string; where: string };
type Issued = { name: string; display: string; code: string };
type Roster = { version: number; users: Record<string, { hash: string; admin?: boolean; added?: string; display?: string }> };

const HUB_CONFIG = path.join(__dirname, '../../classroom/jupyterhub_config.py');
const CLI = path.join(__dirname, '../../classroom/cli.js');
const isRoot = !process.getuid || process.getuid() === 0;

/**
 * Runs the hub's own jupyterhub_config.py (exec'd with a stub get_config and settings pointing at `rosterFile`)
 * and performs `ops` with its functions: ["verify", code, stored] → verify_code; ["login", username, password] →
 * RosterAuthenticator's get_authenticated_user (authenticate, then JupyterHub's own normalisation and checks) →
 * the hub user name or null; ["system", hubName] → system_name, or "error: …".
 */
function hub(ops: unknown[][], { rosterFile = '/nonexistent/roster.json', prefix = 'fcnn-' } = {}): unknown[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-hub-'));
  try {
    const settings = path.join(dir, 'settings.json');
    fs.writeFileSync(settings, JSON.stringify({
      course: 'fcnn-course', state_dir: dir, runtime_dir: path.join(dir, 'runtime'), roster: rosterFile, ip: '127.0.0.1',
      port: 1, hub_port: 2, proxy_api_port: 3, memory_gb: 1, max_kernels: 1, idle_minutes: 1, admin: 'lecturer', prefix,
      course_repo_url: 'file:///nonexistent', course_branch: 'main', course_dir: 'fcnn-course', start_timeout: 10,
      proxy_command: '/bin/false', api_token: 'x', cgroup_root: null,
    }));
    const py = [
      'import asyncio, json, sys',
      'from traitlets.config import Config',
      'cfg = sys.argv[1]',
      'ns = {"get_config": Config, "__file__": cfg, "__name__": "jupyterhub_config"}',
      'exec(compile(open(cfg, encoding="utf-8").read(), cfg, "exec"), ns)',
      'auth = ns["RosterAuthenticator"]()',
      'async def run(ops):',
      '    out = []',
      '    for op, *args in ops:',
      '        if op == "verify":',
      '            out.append(ns["verify_code"](*args))',
      '        elif op == "login":',
      '            user = await auth.get_authenticated_user(None, {"username": args[0], "password": args[1]})',
      '            out.append(user and user["name"])',
      '        elif op == "system":',
      '            try:',
      '                out.append(ns["system_name"](args[0]))',
      '            except ValueError as err:',
      '                out.append("error: " + str(err))',
      '    return out',
      'print(json.dumps(asyncio.run(run(json.load(sys.stdin)))))',
    ].join('\n');
    const res = spawnSync('/usr/bin/python3', ['-c', py, HUB_CONFIG], {
      input: JSON.stringify(ops), encoding: 'utf8', env: { ...process.env, FCNN_CLASSROOM_SETTINGS: settings },
    });
    assert.equal(res.status, 0, res.stderr);
    return JSON.parse(res.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function tempDir(t: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), t));
}

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

  it('a name with a space becomes a login with a dash: "Li Wei" → li-wei', () => {
    assert.equal(roster.loginFor('Li Wei', 'x:1'), 'li-wei');
    assert.equal(roster.loginFor('  Anna   Maria  Lopez ', 'x:1'), 'anna-maria-lopez');
  });

  it('accents are dropped (NFKD, combining marks removed): "zoë" → zoe, "Łukasz Żółć" → lukasz-zolc, "İlker" → ilker', () => {
    assert.equal(roster.loginFor('zoë', 'x:1'), 'zoe');
    assert.equal(roster.loginFor('ZOË', 'x:1'), 'zoe');
    assert.equal(roster.loginFor('zoe\u0308', 'x:1'), 'zoe'); // the same name written decomposed
    assert.equal(roster.loginFor('Łukasz Żółć', 'x:1'), 'lukasz-zolc');
    assert.equal(roster.loginFor('İlker', 'x:1'), 'ilker');
    assert.equal(roster.loginFor('ｚｏｅ', 'x:1'), 'zoe'); // full-width letters (NFKD)
  });

  it('Latin letters that do not decompose are spelled out: "Jürgen Groß" → jurgen-gross, "Søren Æbelø" → soren-aebelo', () => {
    assert.equal(roster.loginFor('Jürgen Groß', 'x:1'), 'jurgen-gross');
    assert.equal(roster.loginFor('Søren Æbelø', 'x:1'), 'soren-aebelo');
    assert.equal(roster.loginFor('Þóra Œuvre', 'x:1'), 'thora-oeuvre');
  });

  it('an e-mail address stands for its part before the @: "alice@example.edu" → alice, "Anna.Lopez@x.org" → anna-lopez', () => {
    assert.equal(roster.loginFor('alice@example.edu', 'x:1'), 'alice');
    assert.equal(roster.loginFor('Anna.Lopez@x.org', 'x:1'), 'anna-lopez');
  });

  it('"Surname, Given" keeps its order, punctuation becomes one dash and apostrophes go: "Müller, Anna" → muller-anna, "O\'Brien" → obrien', () => {
    assert.equal(roster.loginFor('Müller, Anna', 'x:1'), 'muller-anna');
    assert.equal(roster.loginFor("Seán O'Brien", 'x:1'), 'sean-obrien');
    assert.equal(roster.loginFor('J. R. R. Tolkien', 'x:1'), 'j-r-r-tolkien');
  });

  it('a login that is already a login stays as it is: alice, li-wei, bob_2', () => {
    for (const n of ['alice', 'li-wei', 'bob_2']) assert.equal(roster.loginFor(n, 'x:1'), n);
  });

  it('a name longer than 20 characters gives its first 20, without a dash at the end', () => {
    assert.equal(roster.loginFor('Maximilian Alexander von Hohenberg', 'x:1'), 'maximilian-alexander');
    assert.equal(roster.loginFor('Maximilian Alexandr Hohenberg', 'x:1'), 'maximilian-alexandr');
  });

  it('every login made from a name fits useradd\'s default pattern and, after a 12-character prefix, 32 characters', () => {
    const names = ['Li Wei', 'zoë', 'alice@example.edu', 'Müller, Anna', 'Maximilian Alexander von Hohenberg', 'bob_2', "Seán O'Brien", 'x'];
    for (const n of names) {
      const sys = 'abcdefghijk-' + roster.loginFor(n, 'x:1');
      assert.match(sys, /^[a-z_][a-z0-9_-]*$/);
      assert.ok(sys.length <= 32, sys);
    }
  });

  it('a name with no Latin spelling ("王芳") is refused with its line, why, and the "login" column as the fix', () => {
    assert.throws(
      () => roster.namesFromCsv('name\nalice\n王芳\n', 'class.csv'),
      /^Error: class\.csv:3: "王芳" is not a usable student name: it has letters with no Latin \(a-z\) spelling \(王 芳\), so no login name can be made from it; give the login yourself in a "login" column: a header line "name,login", then the line 王芳,<login>/,
    );
    assert.throws(() => roster.namesFromCsv('Σοφία\n', 'c.csv'), /c\.csv:1: "Σοφία" is not a usable student name: it has letters with no Latin/);
    assert.throws(() => roster.namesFromCsv('Anna 王\n', 'c.csv'), /c\.csv:1: "Anna 王" is not a usable student name: it has letters with no Latin \(a-z\) spelling \(王\)/);
  });

  it('a name whose login would not start with a letter, or that has no letters at all, is refused with its line and why', () => {
    assert.throws(() => roster.namesFromCsv('name\nalice\nbob\n9lives\n', 'class.csv'), /class\.csv:4: "9lives" is not a usable student name: its login "9lives" would not start with a letter a-z/);
    assert.throws(() => roster.namesFromCsv('alice\n"!!!"\n', 'c.csv'), /c\.csv:2: "!!!" is not a usable student name: it has no letters or digits/);
  });

  it('a "login" column gives the login explicitly, for names with no Latin spelling or to choose another', () => {
    const entries: Entry[] = roster.entriesFromCsv('name,login\n王芳,wang-fang\nLi Wei,\n"Müller, Anna",Anna_M\n', 'class.csv');
    assert.deepEqual(entries.map((e) => [e.name, e.display]), [['wang-fang', '王芳'], ['li-wei', 'Li Wei'], ['anna_m', 'Müller, Anna']]);
    // the columns are found by their header, in any order, among others
    const moved: Entry[] = roster.entriesFromCsv('email,Login,Name\nw@x,wang-fang,王芳\n', 'c.csv');
    assert.deepEqual(moved.map((e) => [e.name, e.display]), [['wang-fang', '王芳']]);
  });

  it('a login in the "login" column that is not a usable login is refused with its line', () => {
    assert.throws(() => roster.namesFromCsv('name,login\n王芳,Wang Fang\n', 'class.csv'), /class\.csv:2: the login column: "Wang Fang" is not a usable login name; expected a letter a-z first/);
    assert.throws(() => roster.namesFromCsv('name,login\n王芳,王\n', 'class.csv'), /class\.csv:2: the login column: "王" is not a usable login name/);
  });

  it('quoted CSV fields (RFC 4180) keep their commas and doubled quotes: "Müller, Anna" is one name', () => {
    const entries: Entry[] = roster.entriesFromCsv('name,email\n"Müller, Anna",anna@x\n"Anna ""Annie"" Smith" , a@x\n"O\'Neil, Seán"\n', 'c.csv');
    assert.deepEqual(entries.map((e) => [e.name, e.display, e.where]), [
      ['muller-anna', 'Müller, Anna', 'c.csv:2'],
      ['anna-annie-smith', 'Anna "Annie" Smith', 'c.csv:3'],
      ['oneil-sean', "O'Neil, Seán", 'c.csv:4'],
    ]);
  });

  it('CSV fields parse as RFC 4180 says', () => {
    assert.deepEqual(roster.csvFields('"Müller, Anna",anna@x', 'c:1'), ['Müller, Anna', 'anna@x']);
    assert.deepEqual(roster.csvFields('a,"b ""c""",,"",d', 'c:1'), ['a', 'b "c"', '', '', 'd']);
    assert.deepEqual(roster.csvFields('"a" , "b"', 'c:1'), ['a', 'b']);
    assert.deepEqual(roster.csvFields('a,', 'c:1'), ['a', '']);
  });

  it('a malformed CSV line (unclosed quote, text after a closing quote, a bare quote, another separator) is refused naming file:line', () => {
    assert.throws(() => roster.namesFromCsv('name\nalice\n"Müller, Anna,anna@x\n', 'class.csv'), /class\.csv:3: the quoted field in column 1 is not closed \(a '"' is missing at its end\)/);
    assert.throws(() => roster.namesFromCsv('alice,"x\n', 'class.csv'), /class\.csv:1: the quoted field in column 2 is not closed/);
    assert.throws(() => roster.namesFromCsv('alice\n"Anna" Smith\n', 'class.csv'), /class\.csv:2: text after the closing quote in column 1; a '"' inside a quoted field is written twice/);
    assert.throws(() => roster.namesFromCsv('alice\nAnna "Annie" Smith\n', 'class.csv'), /class\.csv:2: a '"' inside an unquoted field in column 1; quote the whole field/);
    // a spreadsheet saved with ';' or tabs between columns would otherwise make one odd name of the whole line
    assert.throws(() => roster.namesFromCsv('Name;E-Mail\nMüller;anna@x\n', 'class.csv'), /class\.csv:1: a ';' in column 1: columns here are separated by ','/);
    assert.throws(() => roster.namesFromCsv('alice\tx\n', 'class.csv'), /class\.csv:1: a tab in column 1/);
    assert.deepEqual(roster.namesFromCsv('"Anna; Bea"\n', 'c.csv'), ['anna-bea']);
  });

  it('an empty name, and an empty file, are refused naming file:line', () => {
    assert.throws(() => roster.namesFromCsv('alice\n,x\n', 'c.csv'), /c\.csv:2: the first column \(the student's name\) is empty/);
    assert.throws(() => roster.namesFromCsv('email,name\nx,\n', 'c.csv'), /c\.csv:2: the name column \(column 2\) \(the student's name\) is empty/);
    assert.throws(() => roster.namesFromCsv('name\n\n', 'c.csv'), /c\.csv: no names found/);
  });

  it('two names that map to the same login are refused, naming both lines', () => {
    assert.throws(
      () => roster.namesFromCsv('name\nLi Wei\nbob\nli wei\n', 'class.csv'),
      /class\.csv:4: "li wei" gets the login "li-wei", which line 2 \("Li Wei"\) already has; every student needs their own login: .* "login" column/,
    );
    assert.throws(() => roster.namesFromCsv('zoë\nZoe\n', 'c.csv'), /c\.csv:2: "Zoe" gets the login "zoe", which line 1 \("zoë"\) already has/);
    assert.throws(() => roster.namesFromCsv('alice\nbob\nAlice\n', 'c.csv'), /c\.csv:3: "Alice" gets the login "alice", which line 1 \("alice"\) already has/);
    assert.throws(() => roster.namesFromCsv('name,login\nLi Wei,\nWang Li,li-wei\n', 'c.csv'), /c\.csv:3: "Wang Li" gets the login "li-wei", which line 2 \("Li Wei"\) already has/);
  });

  it('a missing file says what was expected', () => {
    assert.throws(() => roster.namesFromSource('/nonexistent/class.csv'), /cannot read "\/nonexistent\/class\.csv" \(ENOENT\); expected a number of students or a CSV file/);
  });
});

describe('classroom roster: codes and the roster file', () => {
  it('codes are stored hashed, never in clear, and verify only themselves', () => {
    const r: Roster = { version: 1, users: {} };
    const issued: Issued[] = roster.addUsers(r, ['alice', 'bob']);
    assert.equal(issued.length, 2);
    const text = JSON.stringify(r);
    for (const { code } of issued) assert.ok(!text.includes(code), 'a code appears in the stored roster');
    assert.ok(roster.verifyCode(issued[0].code, r.users.alice.hash));
    assert.ok(!roster.verifyCode(issued[1].code, r.users.alice.hash));
    assert.match(issued[0].code, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it('adding again keeps existing codes unless reset', () => {
    const r: Roster = { version: 1, users: {} };
    roster.addUsers(r, ['alice']);
    const before = r.users.alice.hash;
    assert.equal(roster.addUsers(r, ['alice', 'carol']).length, 1);
    assert.equal(r.users.alice.hash, before);
    assert.equal(roster.addUsers(r, ['alice'], { reset: true }).length, 1);
    assert.notEqual(r.users.alice.hash, before);
  });

  it('each entry is stored under its login with the name as given; a name equal to its login stores no display', () => {
    const r: Roster = { version: 1, users: {} };
    const issued: Issued[] = roster.addUsers(r, roster.entriesFromCsv('name\n"Müller, Anna"\nbob\n', 'c.csv'));
    assert.deepEqual(issued.map((x) => [x.name, x.display]), [['muller-anna', 'Müller, Anna'], ['bob', 'bob']]);
    assert.deepEqual(Object.keys(r.users), ['muller-anna', 'bob']);
    assert.equal(r.users['muller-anna'].display, 'Müller, Anna');
    assert.ok(!('display' in r.users.bob));
  });

  it('a roster file from before display names (users: { login: { hash, admin, added } }) still reads, and gains a display when the CSV names it', () => {
    const r: Roster = { version: 1, users: { 'li-wei': { hash: roster.hashCode('aaaa-bbbb-cccc'), admin: false, added: '2026-01-01T00:00:00.000Z' } } };
    const before = r.users['li-wei'].hash;
    assert.equal(roster.addUsers(r, roster.entriesFromCsv('Li Wei\n', 'c.csv')).length, 0);
    assert.equal(r.users['li-wei'].hash, before);
    assert.equal(r.users['li-wei'].display, 'Li Wei');
  });

  it('a new name whose login the roster already gives to another student is refused, and the roster is unchanged', () => {
    const r: Roster = { version: 1, users: {} };
    roster.addUsers(r, roster.entriesFromCsv('name,login\nLi Wei,\n', 'a.csv'));
    const before = JSON.stringify(r);
    assert.throws(
      () => roster.addUsers(r, roster.entriesFromCsv('name,login\nCarol,\nWang Li,li-wei\n', 'b.csv')),
      /b\.csv:3: "Wang Li" gets the login "li-wei", which the roster already gives to "Li Wei"/,
    );
    assert.equal(JSON.stringify(r), before);
    // the same student written again (another case, other spaces) is the same student: kept, no new code
    assert.equal(roster.addUsers(r, roster.entriesFromCsv('li  WEI\n', 'c.csv')).length, 0);
  });

  it('two sources in one batch that give one login to two students are refused; the same student twice gets one code', () => {
    const r: Roster = { version: 1, users: {} };
    const a = roster.entriesFromCsv('Li Wei\n', 'a.csv');
    const b = roster.entriesFromCsv('name,login\nWang Li,li-wei\n', 'b.csv');
    assert.throws(() => roster.addUsers(r, [...a, ...b]), /b\.csv:2: "Wang Li" gets the login "li-wei", which a\.csv:1 \("Li Wei"\) already has/);
    assert.deepEqual(r.users, {});
    assert.equal(roster.addUsers(r, [...a, ...a], { reset: true }).length, 1);
  });

  it('the printed lines and the handout show the name as given beside the login and the code', () => {
    const issued = [{ name: 'muller-anna', display: 'Müller, Anna', code: 'k7pq-m3xa-9wtd' }, { name: 'student01', display: 'student01', code: 'aaaa-bbbb-cccc' }];
    assert.deepEqual(roster.issuedLines(issued), [
      '  muller-anna            k7pq-m3xa-9wtd   Müller, Anna',
      '  student01              aaaa-bbbb-cccc',
    ]);
    assert.equal(roster.handoutCsv(issued), 'name,code,display\nmuller-anna,k7pq-m3xa-9wtd,"Müller, Anna"\nstudent01,aaaa-bbbb-cccc,student01\n');
    const back = roster.handoutCsv([{ name: 'a', display: 'Anna "Annie" Smith', code: 'c' }]).split('\n')[1];
    assert.deepEqual(roster.csvFields(back, 'h:2'), ['a', 'c', 'Anna "Annie" Smith']);
  });

  it('the roster file is written readable by its owner only', () => {
    const dir = tempDir('roster-test-');
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

describe('the hub (jupyterhub_config.py itself) and the roster agree', () => {
  let dir = '';
  let file = '';
  const codes = new Map<string, string>();
  before(() => {
    dir = tempDir('roster-hub-');
    file = path.join(dir, 'roster.json');
    const r: Roster = roster.readRoster(file);
    const csv = 'name,login\nLi Wei,\nzoë,\nalice@example.edu,\n"Müller, Anna",\n王芳,wang-fang\nLi Na,li-na-1\nLi Na,li-na-2\n';
    for (const it of roster.addUsers(r, roster.entriesFromCsv(csv, 'class.csv')) as Issued[]) codes.set(it.name, it.code);
    // an entry from a roster written before display names existed
    r.users.bob = { hash: roster.hashCode('bbbb-cccc-dddd'), admin: false, added: '2026-01-01T00:00:00.000Z' };
    codes.set('bob', 'bbbb-cccc-dddd');
    roster.writeRoster(file, r);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the hub's verify_code accepts the code the roster issued and refuses a wrong, an empty or a malformed one", () => {
    const code = roster.newCode();
    const hash = roster.hashCode(code);
    const other = roster.hashCode(roster.newCode());
    assert.deepEqual(hub([
      ['verify', code, hash], ['verify', 'aaaa-bbbb-cccc', hash], ['verify', '', hash], ['verify', code, other],
      ['verify', code, 'plain$text'], ['verify', code, hash.replace(/^scrypt/, 'md5')],
    ]), [true, false, false, false, false, false]);
  });

  it('a student logs in with their login in any case and their code; a wrong code or an unknown name is refused', () => {
    const c = (n: string) => codes.get(n);
    assert.deepEqual(hub([
      ['login', 'li-wei', c('li-wei')], ['login', 'LI-WEI', c('li-wei')], ['login', 'Zoe', c('zoe')?.toUpperCase()],
      ['login', ' alice ', c('alice')], ['login', 'bob', c('bob')],
      ['login', 'li-wei', c('zoe')], ['login', 'carol', c('li-wei')], ['login', '', c('li-wei')], ['login', 'li-wei', ''],
    ], { rosterFile: file }), ['li-wei', 'li-wei', 'zoe', 'alice', 'bob', null, null, null, null]);
  });

  it('a student may type their name as the roster shows it ("Li Wei", "ZOË", "alice@example.edu", "Müller, Anna", "王芳") and gets their login', () => {
    const c = (n: string) => codes.get(n);
    assert.deepEqual(hub([
      ['login', 'Li Wei', c('li-wei')], ['login', 'li  wei ', c('li-wei')], ['login', 'ZOË', c('zoe')], ['login', 'zoe\u0308', c('zoe')],
      ['login', 'Alice@Example.edu', c('alice')], ['login', 'Müller, Anna', c('muller-anna')], ['login', '王芳', c('wang-fang')],
      ['login', 'Li Wei', c('zoe')],
    ], { rosterFile: file }), ['li-wei', 'li-wei', 'zoe', 'zoe', 'alice', 'muller-anna', 'wang-fang', null]);
  });

  it('every login the roster made is what the hub logs in, from the login and from the name as given', () => {
    const r: Roster = roster.readRoster(file);
    const ops: unknown[][] = [];
    const want: string[] = [];
    for (const [login, e] of Object.entries(r.users)) {
      if (login.startsWith('li-na')) continue;
      ops.push(['login', login.toUpperCase(), codes.get(login)], ['login', e.display ?? login, codes.get(login)]);
      want.push(login, login);
    }
    assert.deepEqual(hub(ops, { rosterFile: file }), want);
  });

  it('a name two students share logs neither in by name; each logs in with their login', () => {
    assert.deepEqual(hub([
      ['login', 'Li Na', codes.get('li-na-1')], ['login', 'li-na-1', codes.get('li-na-1')], ['login', 'li-na-2', codes.get('li-na-2')],
    ], { rosterFile: file }), [null, 'li-na-1', 'li-na-2']);
  });

  it("the hub's system user is prefix + login, valid for useradd within 32 characters, and anything else is refused", () => {
    const prefix = 'abcdefghijk-'; // the longest --prefix cli.js accepts (12)
    const out = hub([
      ['system', 'li-wei'], ['system', 'maximilian-alexander'], ['system', 'bob_2'],
      ['system', 'li.wei'], ['system', 'maximilian-alexander-v'], ['system', 'zoë'], ['system', 'alice\n'],
    ], { prefix });
    assert.deepEqual(out.slice(0, 3), ['abcdefghijk-li-wei', 'abcdefghijk-maximilian-alexander', 'abcdefghijk-bob_2']);
    for (const o of out.slice(3)) assert.match(String(o), /^error: classroom: the hub user .* has no valid system user name/);
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

  const roster_ = (dir: string, args: string[]) => spawnSync(process.execPath, [CLI, 'roster', ...args, '--state', path.join(dir, 'state')], { encoding: 'utf8' });

  it('a malformed roster CSV makes `roster` fail naming the line, and changes nothing', { skip: isRoot ? false : 'needs root' }, () => {
    const dir = tempDir('roster-cli-');
    try {
      const csv = path.join(dir, 'class.csv');
      fs.writeFileSync(csv, 'name\nalice\nbob\n9lives\n');
      const res = roster_(dir, [csv]);
      assert.equal(res.status, 1);
      assert.match(res.stderr, /class\.csv:4: "9lives" is not a usable student name/);
      assert.ok(!fs.existsSync(path.join(dir, 'state', 'roster.json')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`roster` with real names prints login, code and name; --json gives issued[].name (the login), .display and .code; a bad line later leaves the roster as it was', { skip: isRoot ? false : 'needs root' }, () => {
    const dir = tempDir('roster-cli-');
    try {
      const csv = path.join(dir, 'class.csv');
      fs.writeFileSync(csv, 'name,email\n"Müller, Anna",anna@x\nLi Wei,l@x\n');
      const res = roster_(dir, [csv, '--handout', path.join(dir, 'codes.csv')]);
      assert.equal(res.status, 0, res.stderr);
      assert.match(res.stdout, /^ {2}muller-anna {12}[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4} {3}Müller, Anna$/m);
      assert.match(res.stdout, /^ {2}li-wei {17}[a-z2-9-]{14} {3}Li Wei$/m);
      assert.match(fs.readFileSync(path.join(dir, 'codes.csv'), 'utf8'), /^name,code,display\nmuller-anna,[a-z2-9-]{14},"Müller, Anna"\nli-wei,[a-z2-9-]{14},Li Wei\n$/);
      const list = roster_(dir, ['--list']);
      assert.match(list.stdout, /^muller-anna {3}Müller, Anna$/m);

      fs.writeFileSync(csv, 'zoë\nalice@example.edu\n');
      const json = roster_(dir, [csv, '--json']);
      assert.equal(json.status, 0, json.stderr);
      const out = JSON.parse(json.stdout);
      assert.deepEqual(out.issued.map((x: Issued) => [x.name, x.display]), [['zoe', 'zoë'], ['alice', 'alice@example.edu']]);
      assert.equal(out.skipped, 0);

      const stateRoster = path.join(dir, 'state', 'roster.json');
      const before = fs.readFileSync(stateRoster, 'utf8');
      fs.writeFileSync(csv, 'name\ncarol\n王芳\n');
      const bad = roster_(dir, [csv]);
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /class\.csv:3: "王芳" is not a usable student name: .* "login" column/);
      const good = path.join(dir, 'more.csv');
      fs.writeFileSync(good, 'dave\n');
      const second = roster_(dir, [good, csv]); // the good file first: still nothing is added
      assert.equal(second.status, 1);
      assert.equal(fs.readFileSync(stateRoster, 'utf8'), before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
