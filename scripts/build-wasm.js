#!/usr/bin/env node
// `npm run build:wasm`: assembles the WebAssembly text files of lib/wasm with wabt and writes their bytes,
// base64-encoded, to generated TypeScript files next to them, which the lib loads:
//   lib/wasm/gemm.wat → lib/wasm/gemm-wasm.ts (loaded by lib/wasm/simd-gemm.ts, used by lib/matmul-kernels.ts)
//   lib/wasm/tanh.wat → lib/wasm/tanh-wasm.ts (loaded by lib/wasm/simd-tanh.ts, used by lib/activations/tanh.ts)
// The generated files are committed, so building the lib needs no wabt; the tests in test/wasm check that each
// matches a fresh assembly. `node scripts/build-wasm.js tanh` (or gemm) rebuilds only the named modules.
'use strict';

const fs = require('fs');
const path = require('path');

const WASM_DIR = path.join(__dirname, '..', 'lib', 'wasm');

/**
 * The modules: name, source, output, the exported constant, the WebAssembly features the text uses, and the
 * doc comment of the generated file.
 */
const MODULES = {
  gemm: {
    wat: path.join(WASM_DIR, 'gemm.wat'),
    out: path.join(WASM_DIR, 'gemm-wasm.ts'),
    constant: 'GEMM_WASM_BASE64',
    features: { simd: true, threads: true },
    doc: [
      'The matrix-product kernel of lib/wasm/gemm.wat as WebAssembly bytes (base64): 128-bit SIMD and a shared,',
      'imported memory. Read gemm.wat for what it computes; lib/matmul-kernels.ts instantiates it.',
    ],
  },
  tanh: {
    wat: path.join(WASM_DIR, 'tanh.wat'),
    out: path.join(WASM_DIR, 'tanh-wasm.ts'),
    constant: 'TANH_WASM_BASE64',
    features: { simd: true },
    doc: [
      'The tanh kernel of lib/wasm/tanh.wat as WebAssembly bytes (base64): 128-bit SIMD and its own, exported',
      'memory. Read tanh.wat for what it computes; lib/wasm/simd-tanh.ts instantiates it.',
    ],
  },
};

/** Assembles the named module's .wat; resolves to the module's bytes. */
async function assemble(name) {
  const spec = MODULES[name];
  const wabt = await require('wabt')();
  const module = wabt.parseWat(path.basename(spec.wat), fs.readFileSync(spec.wat, 'utf8'), spec.features);
  try {
    module.validate(spec.features);
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

/** The text of the named module's generated .ts file for the given bytes. */
function render(name, bytes) {
  const spec = MODULES[name];
  const base64 = Buffer.from(bytes).toString('base64');
  const lines = base64.match(/.{1,100}/g) ?? [''];
  return [
    `// GENERATED FILE: do not edit. Made from lib/wasm/${path.basename(spec.wat)} by \`npm run build:wasm\` (scripts/build-wasm.js).`,
    '/**',
    ...spec.doc.map((line) => ` * ${line}`),
    ' */',
    `export const ${spec.constant} =\n${lines.map((l) => `  '${l}'`).join(' +\n')};`,
    '',
  ].join('\n');
}

async function main(names) {
  for (const name of names) {
    if (!(name in MODULES)) throw new Error(`unknown module "${name}" (known: ${Object.keys(MODULES).join(', ')})`);
  }
  for (const name of names) {
    const bytes = await assemble(name);
    fs.writeFileSync(MODULES[name].out, render(name, bytes));
    console.log(`build-wasm: wrote ${path.relative(process.cwd(), MODULES[name].out)} (${bytes.length} bytes of WebAssembly)`);
  }
}

module.exports = { MODULES, assemble, render };

if (require.main === module) {
  const names = process.argv.slice(2);
  main(names.length > 0 ? names : Object.keys(MODULES)).catch((e) => {
    console.error(`build-wasm: ${e.message}`);
    process.exit(1);
  });
}
