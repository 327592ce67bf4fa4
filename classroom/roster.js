// The class list: who may log in to the classroom hub, with their login codes stored hashed (scrypt).
// The hub's authenticator (jupyterhub_config.py) reads the same file and verifies codes with Python's
// hashlib.scrypt, so the hash format below is shared: scrypt$N$r$p$<salt base64>$<hash base64>.
//
// A roster source is either a count ("30" → student01 … student30) or a CSV file (RFC 4180: fields separated by
// ',', a field may be quoted "…" and then hold commas, a '"' inside it is written ""; one student per line, blank
// lines and lines starting with '#' are skipped). The first line may be a header naming the columns: "name"
// (or "username") is the student's name, "login" an optional login name; other columns are ignored. Without a
// header the first column is the name. A line is one record (a quoted field closes on its line), and a ';' or tab
// outside quotes is refused: that is a spreadsheet saved with another separator, not a name.
//
// Every student has three names:
//   display  the name as given in the CSV ("Müller, Anna"), kept in the roster and printed beside the login;
//   login    what the student types on the hub's login page, and the hub's user name (the key of `users`);
//   system   the Linux user their server runs as: the hub's --prefix + login (jupyterhub_config.py's system_name).
// The login is made from the name as follows (or given in the "login" column, which must already be a login):
//   1. an e-mail address stands for its part before '@':       "alice@example.edu" → alice
//   2. accents and other marks are dropped (Unicode NFKD, combining marks removed), the few Latin letters that do
//      not decompose are spelled out (ß → ss, æ → ae, ø → o, œ → oe, ł → l, đ/ð → d, þ → th, ı → i), lower case:
//                                                              "zoë" → zoe, "Jürgen Groß" → jurgen-gross
//   3. apostrophes are dropped; every other run of characters that are not a-z, 0-9, '_' or '-' (spaces, commas,
//      dots, '+') becomes one '-', with none at either end:    "Li Wei" → li-wei, "Müller, Anna" → muller-anna,
//                                                              "O'Brien" → obrien, "bob_2" → bob_2
//   4. longer than 20 characters: cut to 20 (and trailing '-' or '_' removed). The login then always fits useradd's
//      default pattern ^[a-z_][a-z0-9_-]*$ and, after a prefix of at most 12 characters, its 32-character limit.
// A name whose letters have no Latin spelling ("王芳", "Σοφία") or whose login would not start with a letter a-z
// ("9lives") is refused, naming its line and why; the fix is a "login" column (header "name,login", then
// "王芳,wang-fang"). Two lines that end up with the same login are refused naming both lines.
// The hub accepts, as the user name typed at login, the login in any case, or the display name as written in the
// roster (any case, NFC-normalised, runs of spaces as one) when only one student has it: see RosterAuthenticator in
// jupyterhub_config.py.
//
// roster.json: { version: 1, users: { <login>: { hash, admin, added, display? } } }; display is stored when it
// differs from the login (files written before display names existed have none and still work).
'use strict';

const crypto = require('crypto');
const fs = require('fs');

/** A login name (and hub user name): a letter a-z first, then a-z, 0-9, '_' or '-', at most 20 characters. */
const NAME_PATTERN = /^[a-z][a-z0-9_-]{0,19}$/;
const LOGIN_MAX = 20;
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };
// No 0/O, 1/l/I: codes are read off paper.
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
// Latin letters that NFKD leaves whole (they are letters of their own, not a letter with a mark).
const SPELLED_OUT = { ß: 'ss', ẞ: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't' };

class RosterError extends Error {}

/** A new login code, e.g. "k7pq-m3xa-9wtd" (15 random symbols of 31 ≈ 74 bits before the dashes). */
function newCode() {
  const parts = [];
  for (let p = 0; p < 3; p++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
    parts.push(s);
  }
  return parts.join('-');
}

function hashCode(code) {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(code, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

function verifyCode(code, stored) {
  const [algo, N, r, p, salt, hash] = String(stored).split('$');
  if (algo !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64');
  const got = crypto.scryptSync(String(code), Buffer.from(salt, 'base64'), expected.length, { N: +N, r: +r, p: +p });
  return crypto.timingSafeEqual(got, expected);
}

/** Checks a login name given as such (--admin, the "login" column): trimmed, lower case, NAME_PATTERN. */
function checkName(raw, where) {
  const name = String(raw).trim().toLowerCase();
  if (!NAME_PATTERN.test(name)) {
    throw new RosterError(
      `${where}: "${String(raw).trim()}" is not a usable login name; expected a letter a-z first, then letters a-z, digits, '-' or '_', at most ${LOGIN_MAX} characters (e.g. "alice" or "li-wei")`,
    );
  }
  return name;
}

/**
 * The login made from a student's name by the rules at the top of this file. Throws RosterError saying where
 * (`where`, e.g. "class.csv:4") and why when no login can be made.
 */
function loginFor(raw, where) {
  const display = String(raw).trim();
  const refuse = (why) => new RosterError(
    `${where}: "${display}" is not a usable student name: ${why}; give the login yourself in a "login" column: a header line "name,login", then the line ${csvField(display)},<login> (e.g. wang-fang)`,
  );
  let s = display;
  const email = /^([^\s@]+)@[^\s@]+\.[^\s@]+$/.exec(s);
  if (email) s = email[1];
  s = s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  s = s.replace(/[ßẞæøœłđðþıħŧ]/g, (ch) => SPELLED_OUT[ch]);
  const foreign = [...new Set(s.match(/[^\x00-\x7F]/gu)?.filter((ch) => /[\p{L}\p{N}]/u.test(ch)) ?? [])];
  if (foreign.length) {
    throw refuse(`it has letters with no Latin (a-z) spelling (${foreign.slice(0, 6).join(' ')}), so no login name can be made from it`);
  }
  s = s.replace(/['’ʼ`]/g, '').replace(/[^a-z0-9_-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  if (s === '') throw refuse('it has no letters or digits to make a login name from');
  if (!/^[a-z]/.test(s)) throw refuse(`its login "${s}" would not start with a letter a-z, and a login must`);
  if (s.length > LOGIN_MAX) s = s.slice(0, LOGIN_MAX).replace(/[-_]+$/, '');
  return s;
}

/**
 * The fields of one CSV line (RFC 4180; spaces around a quoted field are allowed). A quoted field must close on
 * its own line: a student's name has no line breaks, and so an error can name the line.
 */
function csvFields(line, where) {
  const fields = [];
  let i = 0;
  for (;;) {
    const col = fields.length + 1;
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new RosterError(`${where}: the quoted field in column ${col} is not closed (a '"' is missing at its end)`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i < line.length && line[i] !== ',') {
        throw new RosterError(`${where}: text after the closing quote in column ${col}; a '"' inside a quoted field is written twice ("")`);
      }
      fields.push(value);
    } else {
      const end = line.indexOf(',', i);
      const value = line.slice(i, end < 0 ? line.length : end);
      if (value.includes('"')) {
        throw new RosterError(`${where}: a '"' inside an unquoted field in column ${col}; quote the whole field and write the '"' twice, e.g. "Anna ""Annie"" Smith"`);
      }
      const sep = /[;\t]/.exec(value);
      if (sep) {
        throw new RosterError(`${where}: a ${sep[0] === ';' ? "';'" : 'tab'} in column ${col}: columns here are separated by ',' (save the file as CSV with commas, or quote the field)`);
      }
      fields.push(value);
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

/** A CSV field as written in a handout: quoted when it holds a comma, a quote or spaces at its ends. */
function csvField(value) {
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The key under which two display names count as the same (NFC, runs of white space as one, lower case). */
function displayKey(display) {
  return String(display).normalize('NFC').trim().split(/\s+/).join(' ').toLowerCase();
}

const HEADER_NAME = ['name', 'username'];

/**
 * Parses roster CSV text into entries [{ name, display, where }]: `name` is the login, `display` the name as given,
 * `where` "file:line". Throws RosterError naming file:line for a malformed line, a name that cannot become a login,
 * or a login that two lines would share.
 */
function entriesFromCsv(text, file = 'roster.csv') {
  const entries = [];
  const seen = new Map(); // login → entry
  let nameCol = 0;
  let loginCol = -1;
  let first = true;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const fields = csvFields(line, where);
    if (first) {
      first = false;
      const heads = fields.map((f) => f.trim().toLowerCase());
      if (heads.some((h) => HEADER_NAME.includes(h) || h === 'login')) {
        const n = heads.findIndex((h) => HEADER_NAME.includes(h));
        nameCol = n >= 0 ? n : 0;
        loginCol = heads.indexOf('login');
        return;
      }
    }
    const display = (fields[nameCol] ?? '').trim();
    const given = loginCol >= 0 ? (fields[loginCol] ?? '').trim() : '';
    if (display === '' && given === '') {
      throw new RosterError(`${where}: the ${nameCol === 0 ? 'first column' : `name column (column ${nameCol + 1})`} (the student's name) is empty`);
    }
    const name = given !== '' ? checkName(given, `${where}: the login column`) : loginFor(display, where);
    const entry = { name, display: display || name, where };
    const other = seen.get(name);
    if (other) {
      throw new RosterError(
        `${where}: "${entry.display}" gets the login "${name}", which line ${other.where.slice(file.length + 1)} ("${other.display}") already has; every student needs their own login: if both lines are the same student remove one, otherwise give one of them another login in a "login" column (a header line "name,login")`,
      );
    }
    seen.set(name, entry);
    entries.push(entry);
  });
  if (entries.length === 0) throw new RosterError(`${file}: no names found; expected one student name per line`);
  return entries;
}

/**
 * The entries a roster source stands for. `source` is a count ("30") or a CSV file path.
 * Throws RosterError naming the file and line for anything malformed (bad name, duplicate, empty file).
 */
function entriesFromSource(source, { countPrefix = 'student' } = {}) {
  if (/^\d+$/.test(String(source))) {
    const n = Number(source);
    if (n < 1 || n > 500) throw new RosterError(`roster: a count must be between 1 and 500, got ${n}`);
    const width = Math.max(2, String(n).length);
    return Array.from({ length: n }, (_, i) => {
      const name = `${countPrefix}${String(i + 1).padStart(width, '0')}`;
      return { name, display: name, where: `roster ${source}` };
    });
  }
  let text;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch (err) {
    throw new RosterError(`roster: cannot read "${source}" (${err.code || err.message}); expected a number of students or a CSV file of names`);
  }
  return entriesFromCsv(text, source);
}

/** The login names of a source (see entriesFromSource). */
function namesFromSource(source, opts) {
  return entriesFromSource(source, opts).map((e) => e.name);
}

/** The login names of CSV text (see entriesFromCsv). */
function namesFromCsv(text, file) {
  return entriesFromCsv(text, file).map((e) => e.name);
}

/** Reads the roster file ({ version, users: { login: { hash, admin, added, display? } } }); missing file → empty roster. */
function readRoster(file) {
  if (!fs.existsSync(file)) return { version: 1, users: {} };
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!data || typeof data.users !== 'object') throw new RosterError(`${file}: not a classroom roster (no "users" object)`);
  return data;
}

/** Writes the roster readable by its owner (root) only: it holds hashes, and only the hub needs it. */
function writeRoster(file, roster) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(roster, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Adds students to the roster with fresh codes. `names` are login names or entries { name, display, where }.
 * Names already present keep their code unless `reset` is true (then they get a new one).
 * Everything is checked before the roster changes: a login that two different students would share (in this
 * batch, or one already on the roster under another display name) throws RosterError and leaves `roster` as it was.
 * Returns [{ name, display, code }] for the students that got a code now (`name` is the login).
 */
function addUsers(roster, names, { admin = false, reset = false } = {}) {
  const batch = new Map();
  for (const item of names) {
    const e = typeof item === 'string' ? { name: item, display: null, where: null } : item;
    const prev = batch.get(e.name);
    if (prev) {
      if (prev.display && e.display && displayKey(prev.display) !== displayKey(e.display)) {
        throw new RosterError(`${e.where || 'roster'}: "${e.display}" gets the login "${e.name}", which ${prev.where || 'another name'} ("${prev.display}") already has; give one of them another login in a "login" column`);
      }
      continue;
    }
    const had = roster.users[e.name];
    if (had && had.display && e.display && displayKey(had.display) !== displayKey(e.display)) {
      throw new RosterError(
        `${e.where || 'roster'}: "${e.display}" gets the login "${e.name}", which the roster already gives to "${had.display}"; if that is the same student write the name as before, otherwise give this one another login in a "login" column`,
      );
    }
    batch.set(e.name, e);
  }
  const issued = [];
  for (const e of batch.values()) {
    const had = roster.users[e.name];
    const display = e.display && e.display !== e.name ? e.display : had?.display;
    if (had && !reset) {
      if (display && !had.display) had.display = display;
      continue;
    }
    const code = newCode();
    roster.users[e.name] = { hash: hashCode(code), admin, added: new Date().toISOString(), ...(display ? { display } : {}) };
    issued.push({ name: e.name, display: display || e.name, code });
  }
  return issued;
}

/** The lines `roster` prints: login, code, and the name as given when it differs from the login. */
function issuedLines(issued) {
  return issued.map((it) => `  ${it.name.padEnd(22)} ${it.code}${it.display && it.display !== it.name ? `   ${it.display}` : ''}`);
}

/** The handout file: name (the login), code, display (the name as given), RFC 4180 quoted. */
function handoutCsv(issued) {
  return 'name,code,display\n' + issued.map((x) => [x.name, x.code, x.display || x.name].map(csvField).join(',')).join('\n') + '\n';
}

module.exports = {
  RosterError, NAME_PATTERN, newCode, hashCode, verifyCode, checkName, loginFor, csvFields, displayKey,
  entriesFromSource, entriesFromCsv, namesFromSource, namesFromCsv, readRoster, writeRoster, addUsers, issuedLines, handoutCsv,
};
