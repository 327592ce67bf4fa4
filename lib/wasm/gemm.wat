;; gemm.wat: the matrix-product kernel in WebAssembly with 128-bit SIMD (two float64 lanes per vector).
;;
;; Source of lib/wasm/gemm-wasm.ts: after editing this file run `npm run build:wasm` (scripts/build-wasm.js
;; assembles it with wabt); a unit test checks that the committed bytes match a fresh assembly.
;;
;; What it computes: C = A·B, one 4×4 tile of C at a time, where every element is
;;
;;   C(i, j) = sum over p = 0 … k−1 of A(i, p) · B(p, j)        (p in increasing order, starting from 0)
;;
;; Why the result is bit-identical to the plain JavaScript triple loop: each lane of a vector holds the running
;; sum of ONE element of C (the two lanes are two neighbouring columns j, j+1), and every step is a separate
;; multiply (f64x2.mul) followed by a separate add (f64x2.add), each rounded exactly like JavaScript's
;; `sum += a * b`. WebAssembly has no fused multiply-add outside the relaxed-simd proposal, which is not used.
;;
;; Memory layout (the caller, lib/matmul-kernels.ts, copies the operands in this way; all addresses in bytes):
;;   A is packed in row panels: panel r holds rows 4r … 4r+3 of A as k groups of 4 numbers,
;;     A(4r + t, p) at  a + 32·(r·k + p) + 8·t.
;;   B is packed in column panels: panel s holds columns 4s … 4s+3 of B as k groups of 4 numbers,
;;     B(p, 4s + t) at  b + 32·(s·k + p) + 8·t.
;;   Rows and columns beyond the matrix are padded with zeros; their results are computed and thrown away
;;   (each element of C is its own sum, so padding never changes a real element).
;;   C is row-major with 4·colPanels columns: C(i, j) at  c + 8·(i·4·colPanels + j).
;; Packing makes both inner-loop streams contiguous (32 bytes per step), which the CPU prefetches well; it costs
;; one pass over A and B, small next to the m·n·k multiply-adds.
;;
;; Register tiling, as in the JavaScript kernel: a 4×4 tile of C lives in eight vectors (4 rows × 2 vectors of
;; 2 columns). Each step p loads two vectors of B (4 columns) and four values of A, each loaded into both lanes
;; (v128.load64_splat), then does 8 multiplies and 8 adds: 32 flops for 6 loads.
;;
;; The memory is imported and shared, so the main thread and a helper thread (a worker with its own instance
;; of this module) can compute different row panels of C from the same copy of A and B.
;;
;; Packing: the caller copies A and B unchanged into the memory (TypedArray.set, a plain memory copy) and `pack`
;; rearranges each into panels here. It does the same as packPanels in lib/wasm/simd-gemm.ts (the readable
;; version, and the test's reference), several times faster than that JavaScript loop on small products.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; pack(src, count, k, line, step, dst): packs `count` lines of length k into panels of 4 lines at dst.
  ;; Element p of line l is the float64 at src + l·line + p·step (line and step in bytes, so one function packs
  ;; rows (step 8) and columns (line 8) of a row-major matrix). Lines count … 4·panels−1 are filled with zeros.
  ;; Line l = 4s + t goes to dst + 32·(s·k + p) + 8·t: consecutive p of one line are 32 bytes apart.
  (func $pack (export "pack")
    (param $src i32) (param $count i32) (param $k i32) (param $line i32) (param $step i32) (param $dst i32)
    (local $l i32) (local $lines i32) (local $from i32) (local $to i32) (local $p i32)
    (local.set $lines (i32.and (i32.add (local.get $count) (i32.const 3)) (i32.const -4))) ;; count rounded up to 4
    (block $linesDone
      (loop $lines
        (br_if $linesDone (i32.ge_s (local.get $l) (local.get $lines)))
        ;; first destination of line l = 4s + t: dst + 32·s·k + 8·t
        (local.set $to (i32.add (local.get $dst)
          (i32.add
            (i32.mul (i32.shl (i32.shr_u (local.get $l) (i32.const 2)) (i32.const 5)) (local.get $k))
            (i32.shl (i32.and (local.get $l) (i32.const 3)) (i32.const 3)))))
        (local.set $p (local.get $k))
        (if (i32.lt_s (local.get $l) (local.get $count))
          (then
            (local.set $from (i32.add (local.get $src) (i32.mul (local.get $l) (local.get $line))))
            (block $copyDone
              (loop $copy
                (br_if $copyDone (i32.eqz (local.get $p)))
                (f64.store (local.get $to) (f64.load (local.get $from)))
                (local.set $from (i32.add (local.get $from) (local.get $step)))
                (local.set $to (i32.add (local.get $to) (i32.const 32)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $copy))))
          (else
            (block $zeroDone
              (loop $zero
                (br_if $zeroDone (i32.eqz (local.get $p)))
                (f64.store (local.get $to) (f64.const 0))
                (local.set $to (i32.add (local.get $to) (i32.const 32)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $zero)))))
        (local.set $l (i32.add (local.get $l) (i32.const 1)))
        (br $lines))))

  ;; gemm(rowPanelStart, rowPanelEnd, colPanels, k, a, b, c): computes the tiles of C in row panels
  ;; rowPanelStart … rowPanelEnd−1 (rows 4·rowPanelStart … 4·rowPanelEnd−1), all column panels.
  (func $gemm (export "gemm")
    (param $rowPanelStart i32) (param $rowPanelEnd i32) (param $colPanels i32) (param $k i32)
    (param $a i32) (param $b i32) (param $c i32)
    (local $r i32) (local $s i32)
    (local $panelBytes i32) ;; 32·k: the size of one packed panel of A or B
    (local $cRowBytes i32)  ;; 32·colPanels: the step from one row of C to the next
    (local $aPanel i32)     ;; address of row panel r of A
    (local $cTile i32)      ;; address of C(4r, 4s)
    (local.set $panelBytes (i32.shl (local.get $k) (i32.const 5)))
    (local.set $cRowBytes (i32.shl (local.get $colPanels) (i32.const 5)))
    (local.set $r (local.get $rowPanelStart))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $r) (local.get $rowPanelEnd)))
        (local.set $aPanel (i32.add (local.get $a) (i32.mul (local.get $r) (local.get $panelBytes))))
        ;; C(4r, 0) = c + 4r · cRowBytes
        (local.set $cTile (i32.add (local.get $c)
          (i32.mul (i32.shl (local.get $r) (i32.const 2)) (local.get $cRowBytes))))
        (local.set $s (i32.const 0))
        (block $colsDone
          (loop $cols
            (br_if $colsDone (i32.ge_s (local.get $s) (local.get $colPanels)))
            (call $tile4x4
              (local.get $aPanel)
              (i32.add (local.get $b) (i32.mul (local.get $s) (local.get $panelBytes)))
              (local.get $cTile) (local.get $k) (local.get $cRowBytes))
            (local.set $cTile (i32.add (local.get $cTile) (i32.const 32))) ;; next 4 columns of C
            (local.set $s (i32.add (local.get $s) (i32.const 1)))
            (br $cols)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; One 4×4 tile of C from a row panel of A (at a) and a column panel of B (at b); the tile's top-left
  ;; element is at c, its rows cRowBytes apart. Accumulator cRH holds row R, columns 2H and 2H+1 of the tile.
  (func $tile4x4
    (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $cRowBytes i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128) (local $p i32)
    ;; All sums start at +0, like `let sum = 0`: v128 locals start as all-zero bits, which is +0.0 in both lanes.
    (block $done
      (br_if $done (i32.eqz (local.get $k)))
      (local.set $p (local.get $k))
      (loop $inner
        ;; B(p, 0 … 3) of this panel
        (local.set $b0 (v128.load align=8 (local.get $b)))
        (local.set $b1 (v128.load offset=16 align=8 (local.get $b)))
        ;; row 0: sum += A(0, p) · B(p, ·)
        (local.set $x (v128.load64_splat (local.get $a)))
        (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
        ;; row 1
        (local.set $x (v128.load64_splat offset=8 (local.get $a)))
        (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
        ;; row 2
        (local.set $x (v128.load64_splat offset=16 (local.get $a)))
        (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
        ;; row 3
        (local.set $x (v128.load64_splat offset=24 (local.get $a)))
        (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
        ;; next p: both panels advance by one group of 4 numbers
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (local.set $p (i32.sub (local.get $p) (i32.const 1)))
        (br_if $inner (local.get $p))))
    (v128.store align=8 (local.get $c) (local.get $c00))
    (v128.store offset=16 align=8 (local.get $c) (local.get $c01))
    (local.set $c (i32.add (local.get $c) (local.get $cRowBytes)))
    (v128.store align=8 (local.get $c) (local.get $c10))
    (v128.store offset=16 align=8 (local.get $c) (local.get $c11))
    (local.set $c (i32.add (local.get $c) (local.get $cRowBytes)))
    (v128.store align=8 (local.get $c) (local.get $c20))
    (v128.store offset=16 align=8 (local.get $c) (local.get $c21))
    (local.set $c (i32.add (local.get $c) (local.get $cRowBytes)))
    (v128.store align=8 (local.get $c) (local.get $c30))
    (v128.store offset=16 align=8 (local.get $c) (local.get $c31)))
)
