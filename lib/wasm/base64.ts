/**
 * Base64 → bytes in plain JavaScript, for the embedded WebAssembly modules (lib/wasm/*-wasm.ts).
 *
 * Why not Buffer.from(text, 'base64') or atob: measured in Node 20 on an AVX-512 Xeon, after either of them has
 * decoded a few kilobytes, every later Math.tanh in the process takes 58 ns instead of 25 and Math.exp 34 ns
 * instead of 14 (a short string, or hex/utf8 decoding, has no such effect). A likely cause (not verified):
 * Node's SIMD base64 decoder leaves the upper halves of the AVX registers "dirty", and V8's fdlibm functions,
 * compiled as SSE2 code, then pay the SSE/AVX transition penalty on every instruction. Decoding here costs
 * microseconds, once.
 * (Other code can do the same: in the benchmark's process, bench/, Math.tanh takes 57 ns whichever decoder
 * the kernels use; the trigger there was not found.)
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The bytes of a standard base64 text (with or without '=' padding; no line breaks). */
export function decodeBase64(text: string): Uint8Array {
  const value = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) value[ALPHABET.charCodeAt(i)] = i;
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  const out = new Uint8Array(Math.floor((end * 6) / 8));
  let bits = 0; // the undecoded bits, at most 12 of them, in the low end
  let count = 0; // how many bits `bits` holds
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? value[code] : -1;
    if (v < 0) throw new Error(`decodeBase64: invalid character ${JSON.stringify(text[i])} at ${i}`);
    bits = ((bits << 6) | v) & 0xfff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >> count) & 0xff;
    }
  }
  return out;
}
