// The class list: who may log in to the classroom hub, with their login codes stored hashed (scrypt).
// The hub's authenticator (jupyterhub_config.py) reads the same file and verifies codes with Python's
// hashlib.scrypt, so the hash format below is shared: scrypt$N$r$p$<salt base64>$<hash base64>.
//
// A roster source is either a count ("30" → student01 … student30) or a CSV file of names: one name per line,
// optionally with a header line "name" and further columns (ignored). Names become hub user names: lower case,
// a letter first, then letters, digits, '-' or '_', at most 20 characters (the system user is prefix + name).
'use strict';

const crypto = require('crypto');
const fs = require('fs');

const NAME_PATTERN = /^[a-z][a-z0-9_-]{0,19}$/;
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };
// No 0/O, 1/l/I: codes are read off paper.
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

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

/** Normalises one name as the hub does (trim, lower case) and checks it; `where` names the source line. */
function checkName(raw, where) {
  const name = String(raw).trim().toLowerCase();
  if (!NAME_PATTERN.test(name)) {
    throw new RosterError(
      `${where}: "${String(raw).trim()}" is not a usable student name; expected a letter first, then letters, digits, '-' or '_', at most 20 characters (e.g. "alice" or "li-wei")`,
    );
  }
  return name;
}

/**
 * The names a roster source stands for. `source` is a count ("30") or a CSV file path.
 * Throws RosterError naming the file and line for anything malformed (bad name, duplicate, empty file).
 */
function namesFromSource(source, { countPrefix = 'student' } = {}) {
  if (/^\d+$/.test(String(source))) {
    const n = Number(source);
    if (n < 1 || n > 500) throw new RosterError(`roster: a count must be between 1 and 500, got ${n}`);
    const width = Math.max(2, String(n).length);
    return Array.from({ length: n }, (_, i) => `${countPrefix}${String(i + 1).padStart(width, '0')}`);
  }
  let text;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch (err) {
    throw new RosterError(`roster: cannot read "${source}" (${err.code || err.message}); expected a number of students or a CSV file of names`);
  }
  return namesFromCsv(text, source);
}

/** Parses CSV text: first column is the name; a first line "name" (any case) is a header; blank lines skipped. */
function namesFromCsv(text, file = 'roster.csv') {
  const names = [];
  const seen = new Map();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const first = line.split(',')[0].replace(/^"(.*)"$/, '$1');
    if (i === 0 && /^\s*(user)?name\s*$/i.test(first)) return;
    if (first.trim() === '') throw new RosterError(`${where}: the first column (the student's name) is empty`);
    const name = checkName(first, where);
    if (seen.has(name)) throw new RosterError(`${where}: "${name}" is already on line ${seen.get(name)}; every name must be unique`);
    seen.set(name, i + 1);
    names.push(name);
  });
  if (names.length === 0) throw new RosterError(`${file}: no names found; expected one student name per line`);
  return names;
}

/** Reads the roster file ({ version, users: { name: { hash, admin } } }); missing file → empty roster. */
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
 * Adds names to the roster with fresh codes. Names already present keep their code unless `reset` is true
 * (then they get a new one). Returns [{ name, code }] for the names that got a code now.
 */
function addUsers(roster, names, { admin = false, reset = false } = {}) {
  const issued = [];
  for (const name of names) {
    if (roster.users[name] && !reset) continue;
    const code = newCode();
    roster.users[name] = { hash: hashCode(code), admin, added: new Date().toISOString() };
    issued.push({ name, code });
  }
  return issued;
}

module.exports = { RosterError, NAME_PATTERN, newCode, hashCode, verifyCode, checkName, namesFromSource, namesFromCsv, readRoster, writeRoster, addUsers };
