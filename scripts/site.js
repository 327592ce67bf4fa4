#!/usr/bin/env node
// `npm run site`: the course as web pages in site/ (English) and site/zh/ (中文), each with its worked solutions.
// Built from the course's notebooks as committed (HEAD, what git stores: no outputs, no answers of your own, no
// extra cells or copies), so studying in the notebooks never changes or breaks the site:
//   npm run site                       the committed notebooks (staged in artifacts/site-sources/)
//   npm run site -- --working-copy     the notebooks on disk as they are (a course author checking an edit)
// The translators' sync check (`npm run zh -- check`) is not part of it: it runs in `npm run test:zh`.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { chooseSources } = require('./site-sources');

const ROOT = path.resolve(__dirname, '..');

function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--working-copy');
  if (unknown.length > 0) {
    console.error(`site: unknown option ${unknown.join(' ')}; usage: npm run site [-- --working-copy]`);
    return 1;
  }
  const workingCopy = args.includes('--working-copy');
  const staging = path.join(ROOT, 'artifacts', 'site-sources');
  fs.rmSync(staging, { recursive: true, force: true });
  const pick = (folder) => chooseSources({ root: ROOT, folder, workingCopy, staging });
  const editions = [
    { lang: 'en', site: 'site', notebooks: pick('notebooks'), solutions: pick('notebooks/solutions'), summary: 'artifacts/notebooks.json' },
    { lang: 'zh', site: 'site/zh', notebooks: pick('notebooks/zh'), solutions: pick('notebooks/zh/solutions'), summary: 'artifacts/notebooks-zh.json' },
  ];
  const first = editions[0].notebooks;
  if (first.note) console.log(`site: ${first.note}`);
  console.log(`site: building from the notebooks ${first.from === 'HEAD' ? 'as committed (HEAD); your own notebooks are not read' : 'on disk (working copy)'}`);
  const staged = first.from === 'HEAD' ? ['--sources-root', staging] : [];
  for (const e of editions) {
    const lang = e.lang === 'zh' ? ['--lang', 'zh'] : [];
    const steps = [
      ['run-notebooks.js', '--site', e.site, '--summary', e.summary, ...lang, ...staged, ...e.notebooks.files],
      ['solution-pages.js', '--site', e.site, ...lang, ...staged, '--source', solutionFolder(e, staging)],
    ];
    for (const [script, ...rest] of steps) {
      const r = spawnSync(process.execPath, [path.join(__dirname, script), ...rest], { stdio: 'inherit', cwd: ROOT });
      if (r.status !== 0) {
        console.error(
          `site: the ${e.lang === 'zh' ? 'Chinese' : 'English'} pages could not be built (${script} failed, above).` +
            (first.from === 'HEAD'
              ? ' They are built from the course as committed, not from your notebooks, so your work did not cause' +
                ' this: run `npm run doctor`, and if it says all is well, report the message above to the course.'
              : ' They were built from your notebooks on disk (--working-copy); without it they are built from the' +
                ' course as committed.'),
        );
        return 1;
      }
    }
  }
  console.log('site: wrote site/index.html and site/zh/index.html');
  return 0;
}

function solutionFolder(e, staging) {
  const rel = e.lang === 'zh' ? ['notebooks', 'zh', 'solutions'] : ['notebooks', 'solutions'];
  return e.solutions.from === 'HEAD' ? path.join(staging, ...rel) : path.join(ROOT, ...rel);
}

process.exitCode = main();
