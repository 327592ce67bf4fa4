/**
 * The language of what the course's code shows: figure and axis titles, legends, table headers, and the sentences
 * notebooks print. The English notebooks and the Chinese ones (notebooks/zh/) run the same code cells; the zh edition
 * shows Chinese because the library, loaded from a folder with a `course-language.json`, switches itself to 'zh' and
 * reads the message tables of notebooks/zh/translations/ (see scripts/zh.js).
 *
 * A message maps the English text, with every number written as {}, to the Chinese text:
 *   "test accuracy {} % after {} epochs": "训练 {1} 轮后，测试准确率为 {0} %"
 * `{}` takes the numbers in order; `{0}`, `{1}` … pick them by position. Engine error messages stay English.
 *
 *   nn.setLanguage('zh');            // by hand (the zh notebooks do not need this)
 *   nn.translate('loss');            // → '损失' with a table that has it
 */
import * as fs from 'fs';
import * as path from 'path';
import { ArgumentError, describe } from './errors';

export type Language = 'en' | 'zh';

export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** The file, in the folder a notebook runs in, that selects its language and message tables. */
export const LANGUAGE_MARKER = 'course-language.json';

let current: Language = 'en';
let messages = new Map<string, string>();
const untranslated = new Set<string>();

/** A number in running text: not part of a name like x1 or W2. */
const NUMBER = /(?<![A-Za-z_\d.])[-−]?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![A-Za-z_\d])/g;

/**
 * The English text with its numbers replaced by {} and runs of spaces as one (the key of a message: aligned
 * columns in English need not be aligned the same way in Chinese), and the numbers.
 */
export function messageKey(text: string): { key: string; numbers: string[] } {
  const numbers: string[] = [];
  const key = text
    .replace(NUMBER, (m) => {
      numbers.push(m);
      return '{}';
    })
    .replace(/[ \t]+/g, ' ')
    .trim();
  return { key, numbers };
}

function fill(template: string, numbers: string[]): string {
  let next = 0;
  return template.replace(/\{(\d*)\}/g, (m, index: string) => {
    const i = index === '' ? next++ : Number(index);
    return numbers[i] ?? m;
  });
}

/** Words that read the same in both editions (names, abbreviations), so an unlisted text with only these is fine. */
const KEPT_WORDS = new Set(
  [
    'ReLU', 'Leaky', 'tanh', 'Tanh', 'sigmoid', 'Sigmoid', 'softmax', 'Softmax', 'Adam', 'SGD', 'MSE', 'BCE', 'RMSE',
    'MAE', 'MNIST', 'XOR', 'Xavier', 'Glorot', 'Kaiming', 'ELU', 'GELU', 'Swish', 'Plotly', 'TypeScript', 'Node',
    'Jupyter', 'tslab', 'NaN', 'Infinity', 'max', 'min', 'exp', 'log', 'sin', 'cos', 'sqrt', 'abs', 'std', 'var',
    'true', 'false', 'null', 'undefined', 'sign', 'RMS', 'Adelie', 'Gentoo', 'Chinstrap', 'He', 'LeCun',
  ].map((w) => w.toLowerCase()),
);

/** True when a text (after translation) still reads as English prose: a Latin word of 3+ letters not kept as is. */
export function looksEnglish(text: string): boolean {
  // Text with Chinese in it has been translated (a Chinese title may name nn.momentum or a data column).
  if (/\p{Script=Han}/u.test(text)) return false;
  const withoutCode = text.replace(/`[^`]*`|\$[^$]*\$|https?:\/\/\S+|[\w.-]+\.(?:ipynb|csv|json|ts|js|md)\b/g, ' ');
  for (const m of withoutCode.matchAll(/[A-Za-z]{3,}/g)) {
    if (!KEPT_WORDS.has(m[0].toLowerCase())) return true;
  }
  // short English words that make a sentence of names and numbers ("W1 is 3×5", "x in [0, 1]")
  return /(?<![A-Za-z])(is|of|to|in|on|at|by|vs|an|as|if|so)(?![A-Za-z])/.test(withoutCode);
}

function report(text: string): void {
  if (untranslated.has(text)) return;
  untranslated.add(text);
  const log = process.env.FCNN_UNTRANSLATED_LOG;
  if (log) {
    try {
      fs.appendFileSync(log, JSON.stringify(messageKey(text).key) + '\n');
    } catch {
      /* the report is for the translators' tool; a failed write must not break the notebook */
    }
  }
}

/**
 * The text in the current language: itself in English; in Chinese the message table's entry for it (exact, or with
 * its numbers as {}), else itself. A text that stays English prose is recorded for the translators (see
 * `untranslatedMessages`).
 */
export function translate(text: string): string {
  return translateText(text, true);
}

function translateText(text: string, record: boolean): string {
  if (current === 'en' || typeof text !== 'string' || text.trim() === '') return text;
  const exact = messages.get(text);
  if (exact !== undefined) return exact;
  const { key, numbers } = messageKey(text);
  const template = messages.get(key);
  if (template !== undefined) {
    // keep the indentation and line ends around the text (aligned printouts)
    const lead = /^\s*/.exec(text)![0];
    const tail = /\s*$/.exec(text.slice(lead.length))![0];
    return lead + fill(template, numbers) + tail;
  }
  // Line by line, for multi-line prints and titles with <br>.
  for (const sep of ['\n', '<br>']) {
    if (text.includes(sep)) return text.split(sep).map((part) => translateText(part, record)).join(sep);
  }
  const trimmed = text.trim();
  if (trimmed !== text) {
    const start = text.indexOf(trimmed);
    return text.slice(0, start) + translateText(trimmed, record) + text.slice(start + trimmed.length);
  }
  if (record && looksEnglish(text)) report(text);
  return text;
}

/** Picks a text by language, for the library's own sentences: tr('checked', '已核对'). */
export function tr(english: string, chinese: string): string {
  return current === 'zh' ? chinese : english;
}

/** Texts shown in Chinese mode that had no message (their keys, numbers as {}). */
export function untranslatedMessages(): string[] {
  return [...untranslated].map((t) => messageKey(t).key);
}

export function getLanguage(): Language {
  return current;
}

/** The message tables in a folder: every *.json below it with a "messages" object, merged. */
export function readMessageTables(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.json')) {
        let json: { messages?: Record<string, unknown> };
        try {
          json = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (err) {
          throw new ArgumentError(`setLanguage: message table ${file} is not valid JSON (${(err as Error).message})`);
        }
        for (const [en, zh] of Object.entries(json.messages ?? {})) {
          if (typeof zh !== 'string') throw new ArgumentError(`setLanguage: ${file}: messages["${en}"] must be a string, got ${describe(zh)}`);
          out.set(en, zh);
        }
      }
    }
  };
  walk(dir);
  return out;
}

export interface LanguageOptions {
  /** A folder of translation files whose "messages" to use (default: none, or the marker's). */
  messages?: string;
}

/**
 * Sets the language of figures, tables and printed sentences: 'en' or 'zh'. In 'zh', console.log, console.info and
 * console.warn lines are translated too. Notebooks in notebooks/zh/ are in 'zh' already.
 */
export function setLanguage(language: Language, options: LanguageOptions = {}): void {
  if (!LANGUAGES.includes(language)) {
    throw new ArgumentError(`setLanguage: language must be one of ${LANGUAGES.map((l) => `'${l}'`).join(', ')}, got ${describe(language)}`);
  }
  if (options.messages !== undefined) {
    if (!fs.existsSync(options.messages) || !fs.statSync(options.messages).isDirectory()) {
      throw new ArgumentError(`setLanguage: options.messages must be a folder of translation files, got "${options.messages}" (not a folder)`);
    }
    messages = readMessageTables(options.messages);
  }
  current = language;
  if (language === 'zh') patchConsole();
}

/** Adds or replaces messages (English text with {} for numbers → Chinese). */
export function addMessages(table: Record<string, string>): void {
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    throw new ArgumentError(`addMessages: table must be an object mapping English text to Chinese text, got ${describe(table)}`);
  }
  for (const [en, zh] of Object.entries(table)) {
    if (typeof zh !== 'string') throw new ArgumentError(`addMessages: the message for "${en}" must be a string, got ${describe(zh)}`);
    messages.set(en, zh);
  }
}

let consolePatched = false;
let rawLog: (...args: unknown[]) => void = (...args) => console.log(...args);

/** Prints a line the library has already put in the current language (not translated again). */
export function say(line: string): void {
  rawLog(line);
}

function patchConsole(): void {
  if (consolePatched) return;
  consolePatched = true;
  const util = require('util') as typeof import('util');
  for (const method of ['log', 'info', 'warn'] as const) {
    const original = console[method].bind(console);
    if (method === 'log') rawLog = original;
    console[method] = (...args: unknown[]) => {
      if (current !== 'zh' || args.length === 0) return original(...args);
      const line = typeof args[0] === 'string' && args.length === 1 ? args[0] : util.format(...args);
      return original(translateText(line, method !== 'warn'));
    };
  }
}

/** Reads `course-language.json` in the working folder (where Jupyter starts a notebook's kernel). */
export function languageFromFolder(dir: string = process.cwd()): { language: Language; messages?: string } | null {
  const file = path.join(dir, LANGUAGE_MARKER);
  if (!fs.existsSync(file)) return null;
  let json: { language?: unknown; messages?: unknown };
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ArgumentError(`${file} is not valid JSON (${(err as Error).message}); expected {"language": "zh", "messages": "<folder>"}`);
  }
  if (!LANGUAGES.includes(json.language as Language)) {
    throw new ArgumentError(`${file}: "language" must be one of ${LANGUAGES.join(', ')}, got ${describe(json.language)}`);
  }
  return {
    language: json.language as Language,
    messages: typeof json.messages === 'string' ? path.resolve(dir, json.messages) : undefined,
  };
}

/** Called once when the library loads. */
export function initLanguage(): void {
  const found = languageFromFolder();
  if (found) setLanguage(found.language, { messages: found.messages });
}
