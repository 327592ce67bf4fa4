#!/usr/bin/env node
// `npm run build:wasm`: assembles lib/wasm/gemm.wat (WebAssembly text) into bytes with wabt and writes them,
// base64-encoded, to lib/wasm/gemm-wasm.ts, which lib/matmul-kernels.ts loads. The generated file is committed,
// so building the lib needs no wabt; test/wasm/gemm-wasm.test.ts checks that it matches a fresh assembly.
'use strict';

const fs = require('fs');
const path = require('path');

const WAT = path.join(__dirname, '..', 'lib', 'wasm', 'gemm.wat');
const OUT = path.join(__dirname, '..', 'lib', 'wasm', 'gemm-wasm.ts');

/** Assembles gemm.wat; resolves to the module's bytes. Features: SIMD (v128) and threads (shared memory). */
async function assembleGemm() {
  const wabt = await require('wabt')();
  const features = { simd: true, threads: true };
  const module = wabt.parseWat('gemm.wat', fs.readFileSync(WAT, 'utf8'), features);
  try {
    module.validate(features);
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

/** The text of lib/wasm/gemm-wasm.ts for the given bytes. */
function renderModule(bytes) {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines = base64.match(/.{1,100}/g) ?? [''];
  return [
    '// GENERATED FILE: do not edit. Made from lib/wasm/gemm.wat by `npm run build:wasm` (scripts/build-wasm.js).',
    '/**',
    ' * The matrix-product kernel of lib/wasm/gemm.wat as WebAssembly bytes (base64): 128-bit SIMD and a shared,',
    ' * imported memory. Read gemm.wat for what it computes; lib/matmul-kernels.ts instantiates it.',
    ' */',
    `export const GEMM_WASM_BASE64 =\n${lines.map((l) => `  '${l}'`).join(' +\n')};`,
    '',
  ].join('\n');
}

async function main() {
  const bytes = await assembleGemm();
  fs.writeFileSync(OUT, renderModule(bytes));
  console.log(`build-wasm: wrote ${path.relative(process.cwd(), OUT)} (${bytes.length} bytes of WebAssembly)`);
}

module.exports = { assembleGemm, renderModule, OUT };

if (require.main === module) {
  main().catch((e) => {
    console.error(`build-wasm: ${e.message}`);
    process.exit(1);
  });
}
