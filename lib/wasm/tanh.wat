;; tanh of an array of doubles with 128-bit SIMD, giving exactly the doubles of V8's Math.tanh.
;; lib/wasm/tanh-wasm.ts holds the assembled bytes (`npm run build:wasm`); lib/wasm/simd-tanh.ts runs them.
;;
;; The algorithm is fdlibm's tanh and expm1 (Sun fdlibm s_tanh.c and s_expm1.c, which V8 uses for Math.tanh,
;; in src/base/ieee754.cc). Read the TypeScript reference lib/activations/tanh-fdlibm.ts first: this file does
;; the same IEEE operations on each number, in the same order. Only the control flow differs: SIMD lanes cannot
;; branch, so every lane computes what all its cases need and v128.bitselect (or and/or with a mask) keeps the
;; right value. Where this merges cases of the reference, a comment says why the result is the same double.
;; No fused multiply-add anywhere (it rounds differently): only f64x2.mul, add, sub and div.
;;
;; Layout of the loop: each step works on 8 numbers, as 4 independent f64x2 vectors (suffixes .0 … .3, at byte
;; offsets 0, 16, 32, 48). Every statement is written 4 times, once per vector, identical up to the suffix. One
;; vector's computation is a long chain of dependent operations (two divisions among them); 4 interleaved
;; chains keep the CPU busy: about 2x faster per number than one vector per step, measured in Node 20.
;; When editing, change all 4 copies alike; the tests compare every position with Math.tanh.
;;
;; Reminders: (v128.bitselect $if_one $if_zero $mask) takes each bit from $if_one where $mask has a 1, else from
;; $if_zero; (v128.andnot $x $m) is $x with the bits of $m cleared; the f64x2 comparisons give all ones (true)
;; or all zeros (false) per lane.
(module
  ;; The module's own memory, one 64 KiB page: room for 8192 doubles. The wrapper copies at most that many in,
  ;; computes them in place and copies them out.
  (memory (export "memory") 1)

  ;; dst[i] = tanh(src[i]) for i = 0 … n−1; src and dst are byte addresses of float64 arrays and may be equal.
  ;; Works in steps of 8, so when n is not a multiple of 8 it also computes (and writes) up to 7 elements after
  ;; the last one: the caller keeps those slots inside the memory and ignores them (whatever they hold, the
  ;; computation cannot trap).
  (func (export "tanh") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32)
    (local $v.0 v128) (local $v.1 v128) (local $v.2 v128) (local $v.3 v128)  ;; the arguments
    (local $a.0 v128) (local $a.1 v128) (local $a.2 v128) (local $a.3 v128)  ;; |v|
    (local $small.0 v128) (local $small.1 v128) (local $small.2 v128) (local $small.3 v128)  ;; mask: |v| < 1, where the reference uses t = expm1(−2|v|) (else t = expm1(2|v|))
    (local $neg.0 v128) (local $neg.1 v128) (local $neg.2 v128) (local $neg.3 v128)  ;; the sign bit where $small, else 0: the sign of y
    (local $ay.0 v128) (local $ay.1 v128) (local $ay.2 v128) (local $ay.3 v128)  ;; |y| = 2|v|
    (local $y.0 v128) (local $y.1 v128) (local $y.2 v128) (local $y.3 v128)  ;; the argument of expm1: −2|v| or 2|v|
    (local $k.0 v128) (local $k.1 v128) (local $k.2 v128) (local $k.3 v128)  ;; the reduction's k, an integer held as a double
    (local $hi.0 v128) (local $hi.1 v128) (local $hi.2 v128) (local $hi.3 v128)
    (local $lo.0 v128) (local $lo.1 v128) (local $lo.2 v128) (local $lo.3 v128)
    (local $r.0 v128) (local $r.1 v128) (local $r.2 v128) (local $r.3 v128)  ;; the reduced argument r = hi − lo
    (local $c.0 v128) (local $c.1 v128) (local $c.2 v128) (local $c.3 v128)  ;; the rounding error of r
    (local $hfx.0 v128) (local $hfx.1 v128) (local $hfx.2 v128) (local $hfx.3 v128)  ;; r/2
    (local $hxs.0 v128) (local $hxs.1 v128) (local $hxs.2 v128) (local $hxs.3 v128)  ;; r²/2
    (local $r1.0 v128) (local $r1.1 v128) (local $r1.2 v128) (local $r1.3 v128)
    (local $t.0 v128) (local $t.1 v128) (local $t.2 v128) (local $t.3 v128)
    (local $e.0 v128) (local $e.1 v128) (local $e.2 v128) (local $e.3 v128)
    (local $kneg1.0 v128) (local $kneg1.1 v128) (local $kneg1.2 v128) (local $kneg1.3 v128)  ;; mask: k = −1
    (local $kfull.0 v128) (local $kfull.1 v128) (local $kfull.2 v128) (local $kfull.3 v128)  ;; mask: k ≤ −2 or k > 56
    (local $kmid.0 v128) (local $kmid.1 v128) (local $kmid.2 v128) (local $kmid.3 v128)  ;; mask: 20 ≤ k ≤ 56
    (local $twopk.0 v128) (local $twopk.1 v128) (local $twopk.2 v128) (local $twopk.3 v128)  ;; 2^k
    (local $twomk.0 v128) (local $twomk.1 v128) (local $twomk.2 v128) (local $twomk.3 v128)  ;; 2^−k
    (local $w.0 v128) (local $w.1 v128) (local $w.2 v128) (local $w.3 v128)
    (local $em1.0 v128) (local $em1.1 v128) (local $em1.2 v128) (local $em1.3 v128)  ;; t = expm1(y)
    (local $z.0 v128) (local $z.1 v128) (local $z.2 v128) (local $z.3 v128)  ;; tanh(|v|)

    ;; end = src + 8·(n rounded up to a multiple of 8)
    (local.set $end
      (i32.add (local.get $src)
        (i32.shl (i32.and (i32.add (local.get $n) (i32.const 7)) (i32.const -8)) (i32.const 3))))
    (block $done
      (loop $eight
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (local.set $v.0 (v128.load (local.get $src)))
        (local.set $v.1 (v128.load offset=16 (local.get $src)))
        (local.set $v.2 (v128.load offset=32 (local.get $src)))
        (local.set $v.3 (v128.load offset=48 (local.get $src)))
        (local.set $a.0 (f64x2.abs (local.get $v.0)))
        (local.set $a.1 (f64x2.abs (local.get $v.1)))
        (local.set $a.2 (f64x2.abs (local.get $v.2)))
        (local.set $a.3 (f64x2.abs (local.get $v.3)))

        ;; ---- tanh: which expm1 argument ----
        ;; Reference: a < 1 → t = expm1(−2·a), else t = expm1(2·a). y = 2·a with the sign bit set where a < 1.
        (local.set $small.0 (f64x2.lt (local.get $a.0) (v128.const f64x2 1 1)))
        (local.set $small.1 (f64x2.lt (local.get $a.1) (v128.const f64x2 1 1)))
        (local.set $small.2 (f64x2.lt (local.get $a.2) (v128.const f64x2 1 1)))
        (local.set $small.3 (f64x2.lt (local.get $a.3) (v128.const f64x2 1 1)))
        (local.set $neg.0 (v128.and (local.get $small.0) (v128.const i64x2 0x8000000000000000 0x8000000000000000)))
        (local.set $neg.1 (v128.and (local.get $small.1) (v128.const i64x2 0x8000000000000000 0x8000000000000000)))
        (local.set $neg.2 (v128.and (local.get $small.2) (v128.const i64x2 0x8000000000000000 0x8000000000000000)))
        (local.set $neg.3 (v128.and (local.get $small.3) (v128.const i64x2 0x8000000000000000 0x8000000000000000)))
        (local.set $ay.0 (f64x2.mul (v128.const f64x2 2 2) (local.get $a.0)))
        (local.set $ay.1 (f64x2.mul (v128.const f64x2 2 2) (local.get $a.1)))
        (local.set $ay.2 (f64x2.mul (v128.const f64x2 2 2) (local.get $a.2)))
        (local.set $ay.3 (f64x2.mul (v128.const f64x2 2 2) (local.get $a.3)))
        (local.set $y.0 (v128.xor (local.get $ay.0) (local.get $neg.0)))
        (local.set $y.1 (v128.xor (local.get $ay.1) (local.get $neg.1)))
        (local.set $y.2 (v128.xor (local.get $ay.2) (local.get $neg.2)))
        (local.set $y.3 (v128.xor (local.get $ay.3) (local.get $neg.3)))

        ;; ---- expm1 step 1: argument reduction y = k·ln2 + (hi − lo) ----
        ;; Reference, |y| ≥ ln2/2 (from the double 0x3FD62E43 00000000 on):
        ;;   |y| < 1.5·ln2: k = ±1 (here always −1: |y| < 1.04 means |v| < 1, so y < 0), hi = y + LN2_HI,
        ;;     lo = −LN2_LO;
        ;;   else k = trunc(INV_LN2·y ± 0.5), the sign of 0.5 that of y; hi = y − k·LN2_HI, lo = k·LN2_LO.
        ;; Here k = trunc(INV_LN2·|y| + 0.5) with the sign of y: INV_LN2·(−|y|) − 0.5 = −(INV_LN2·|y| + 0.5)
        ;; exactly, and trunc commutes with negation. On the ±1 range, INV_LN2·|y| + 0.5 lies in [1.0000000014,
        ;; 1.9999997], so this k is −1 there too, and the generic hi and lo are the special ones (−1·LN2_HI and
        ;; −1·LN2_LO are exact). Below ln2/2 the reference does not reduce (k = 0, r = y, c = 0): k is set to 0
        ;; (all bits cleared, then −0 where y < 0), and the generic lines give hi = y, lo = ±0, r = y, c = 0.
        (local.set $k.0
          (v128.xor
            (v128.andnot
              (f64x2.trunc
                (f64x2.add
                  (f64x2.mul (v128.const f64x2 1.44269504088896338700 1.44269504088896338700) (local.get $ay.0))
                  (v128.const f64x2 0.5 0.5)))
              (f64x2.lt (local.get $ay.0) (v128.const f64x2 0x1.62e43p-2 0x1.62e43p-2)))
            (local.get $neg.0)))
        (local.set $k.1
          (v128.xor
            (v128.andnot
              (f64x2.trunc
                (f64x2.add
                  (f64x2.mul (v128.const f64x2 1.44269504088896338700 1.44269504088896338700) (local.get $ay.1))
                  (v128.const f64x2 0.5 0.5)))
              (f64x2.lt (local.get $ay.1) (v128.const f64x2 0x1.62e43p-2 0x1.62e43p-2)))
            (local.get $neg.1)))
        (local.set $k.2
          (v128.xor
            (v128.andnot
              (f64x2.trunc
                (f64x2.add
                  (f64x2.mul (v128.const f64x2 1.44269504088896338700 1.44269504088896338700) (local.get $ay.2))
                  (v128.const f64x2 0.5 0.5)))
              (f64x2.lt (local.get $ay.2) (v128.const f64x2 0x1.62e43p-2 0x1.62e43p-2)))
            (local.get $neg.2)))
        (local.set $k.3
          (v128.xor
            (v128.andnot
              (f64x2.trunc
                (f64x2.add
                  (f64x2.mul (v128.const f64x2 1.44269504088896338700 1.44269504088896338700) (local.get $ay.3))
                  (v128.const f64x2 0.5 0.5)))
              (f64x2.lt (local.get $ay.3) (v128.const f64x2 0x1.62e43p-2 0x1.62e43p-2)))
            (local.get $neg.3)))
        ;; hi = y − k·LN2_HI; lo = k·LN2_LO; r = hi − lo; c = (hi − r) − lo
        (local.set $hi.0
          (f64x2.sub (local.get $y.0)
            (f64x2.mul (local.get $k.0) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))))
        (local.set $hi.1
          (f64x2.sub (local.get $y.1)
            (f64x2.mul (local.get $k.1) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))))
        (local.set $hi.2
          (f64x2.sub (local.get $y.2)
            (f64x2.mul (local.get $k.2) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))))
        (local.set $hi.3
          (f64x2.sub (local.get $y.3)
            (f64x2.mul (local.get $k.3) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))))
        (local.set $lo.0
          (f64x2.mul (local.get $k.0) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)))
        (local.set $lo.1
          (f64x2.mul (local.get $k.1) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)))
        (local.set $lo.2
          (f64x2.mul (local.get $k.2) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)))
        (local.set $lo.3
          (f64x2.mul (local.get $k.3) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)))
        (local.set $r.0 (f64x2.sub (local.get $hi.0) (local.get $lo.0)))
        (local.set $r.1 (f64x2.sub (local.get $hi.1) (local.get $lo.1)))
        (local.set $r.2 (f64x2.sub (local.get $hi.2) (local.get $lo.2)))
        (local.set $r.3 (f64x2.sub (local.get $hi.3) (local.get $lo.3)))
        (local.set $c.0 (f64x2.sub (f64x2.sub (local.get $hi.0) (local.get $r.0)) (local.get $lo.0)))
        (local.set $c.1 (f64x2.sub (f64x2.sub (local.get $hi.1) (local.get $r.1)) (local.get $lo.1)))
        (local.set $c.2 (f64x2.sub (f64x2.sub (local.get $hi.2) (local.get $r.2)) (local.get $lo.2)))
        (local.set $c.3 (f64x2.sub (f64x2.sub (local.get $hi.3) (local.get $r.3)) (local.get $lo.3)))

        ;; ---- expm1 step 2: the rational approximation ----
        ;; hfx = 0.5·r; hxs = r·hfx
        (local.set $hfx.0 (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $r.0)))
        (local.set $hfx.1 (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $r.1)))
        (local.set $hfx.2 (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $r.2)))
        (local.set $hfx.3 (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $r.3)))
        (local.set $hxs.0 (f64x2.mul (local.get $r.0) (local.get $hfx.0)))
        (local.set $hxs.1 (f64x2.mul (local.get $r.1) (local.get $hfx.1)))
        (local.set $hxs.2 (f64x2.mul (local.get $r.2) (local.get $hfx.2)))
        (local.set $hxs.3 (f64x2.mul (local.get $r.3) (local.get $hfx.3)))
        ;; r1 = 1 + hxs·(Q1 + hxs·(Q2 + hxs·(Q3 + hxs·(Q4 + hxs·Q5))))
        (local.set $r1.0
          (f64x2.add (v128.const f64x2 1 1)
            (f64x2.mul (local.get $hxs.0)
              (f64x2.add (v128.const f64x2 -3.33333333333331316428e-02 -3.33333333333331316428e-02)
                (f64x2.mul (local.get $hxs.0)
                  (f64x2.add (v128.const f64x2 1.58730158725481460165e-03 1.58730158725481460165e-03)
                    (f64x2.mul (local.get $hxs.0)
                      (f64x2.add (v128.const f64x2 -7.93650757867487942473e-05 -7.93650757867487942473e-05)
                        (f64x2.mul (local.get $hxs.0)
                          (f64x2.add (v128.const f64x2 4.00821782732936239552e-06 4.00821782732936239552e-06)
                            (f64x2.mul (local.get $hxs.0)
                              (v128.const f64x2 -2.01099218183624371326e-07 -2.01099218183624371326e-07))))))))))))
        (local.set $r1.1
          (f64x2.add (v128.const f64x2 1 1)
            (f64x2.mul (local.get $hxs.1)
              (f64x2.add (v128.const f64x2 -3.33333333333331316428e-02 -3.33333333333331316428e-02)
                (f64x2.mul (local.get $hxs.1)
                  (f64x2.add (v128.const f64x2 1.58730158725481460165e-03 1.58730158725481460165e-03)
                    (f64x2.mul (local.get $hxs.1)
                      (f64x2.add (v128.const f64x2 -7.93650757867487942473e-05 -7.93650757867487942473e-05)
                        (f64x2.mul (local.get $hxs.1)
                          (f64x2.add (v128.const f64x2 4.00821782732936239552e-06 4.00821782732936239552e-06)
                            (f64x2.mul (local.get $hxs.1)
                              (v128.const f64x2 -2.01099218183624371326e-07 -2.01099218183624371326e-07))))))))))))
        (local.set $r1.2
          (f64x2.add (v128.const f64x2 1 1)
            (f64x2.mul (local.get $hxs.2)
              (f64x2.add (v128.const f64x2 -3.33333333333331316428e-02 -3.33333333333331316428e-02)
                (f64x2.mul (local.get $hxs.2)
                  (f64x2.add (v128.const f64x2 1.58730158725481460165e-03 1.58730158725481460165e-03)
                    (f64x2.mul (local.get $hxs.2)
                      (f64x2.add (v128.const f64x2 -7.93650757867487942473e-05 -7.93650757867487942473e-05)
                        (f64x2.mul (local.get $hxs.2)
                          (f64x2.add (v128.const f64x2 4.00821782732936239552e-06 4.00821782732936239552e-06)
                            (f64x2.mul (local.get $hxs.2)
                              (v128.const f64x2 -2.01099218183624371326e-07 -2.01099218183624371326e-07))))))))))))
        (local.set $r1.3
          (f64x2.add (v128.const f64x2 1 1)
            (f64x2.mul (local.get $hxs.3)
              (f64x2.add (v128.const f64x2 -3.33333333333331316428e-02 -3.33333333333331316428e-02)
                (f64x2.mul (local.get $hxs.3)
                  (f64x2.add (v128.const f64x2 1.58730158725481460165e-03 1.58730158725481460165e-03)
                    (f64x2.mul (local.get $hxs.3)
                      (f64x2.add (v128.const f64x2 -7.93650757867487942473e-05 -7.93650757867487942473e-05)
                        (f64x2.mul (local.get $hxs.3)
                          (f64x2.add (v128.const f64x2 4.00821782732936239552e-06 4.00821782732936239552e-06)
                            (f64x2.mul (local.get $hxs.3)
                              (v128.const f64x2 -2.01099218183624371326e-07 -2.01099218183624371326e-07))))))))))))
        ;; t = 3 − r1·hfx
        (local.set $t.0 (f64x2.sub (v128.const f64x2 3 3) (f64x2.mul (local.get $r1.0) (local.get $hfx.0))))
        (local.set $t.1 (f64x2.sub (v128.const f64x2 3 3) (f64x2.mul (local.get $r1.1) (local.get $hfx.1))))
        (local.set $t.2 (f64x2.sub (v128.const f64x2 3 3) (f64x2.mul (local.get $r1.2) (local.get $hfx.2))))
        (local.set $t.3 (f64x2.sub (v128.const f64x2 3 3) (f64x2.mul (local.get $r1.3) (local.get $hfx.3))))
        ;; e = hxs·((r1 − t) / (6 − r·t))
        (local.set $e.0
          (f64x2.mul (local.get $hxs.0)
            (f64x2.div (f64x2.sub (local.get $r1.0) (local.get $t.0))
              (f64x2.sub (v128.const f64x2 6 6) (f64x2.mul (local.get $r.0) (local.get $t.0))))))
        (local.set $e.1
          (f64x2.mul (local.get $hxs.1)
            (f64x2.div (f64x2.sub (local.get $r1.1) (local.get $t.1))
              (f64x2.sub (v128.const f64x2 6 6) (f64x2.mul (local.get $r.1) (local.get $t.1))))))
        (local.set $e.2
          (f64x2.mul (local.get $hxs.2)
            (f64x2.div (f64x2.sub (local.get $r1.2) (local.get $t.2))
              (f64x2.sub (v128.const f64x2 6 6) (f64x2.mul (local.get $r.2) (local.get $t.2))))))
        (local.set $e.3
          (f64x2.mul (local.get $hxs.3)
            (f64x2.div (f64x2.sub (local.get $r1.3) (local.get $t.3))
              (f64x2.sub (v128.const f64x2 6 6) (f64x2.mul (local.get $r.3) (local.get $t.3))))))

        ;; ---- expm1 step 3: scale back ----
        ;; e = (r·(e − c) − c) − hxs. (The reference returns early for k = 0 with r − (r·e − hxs). With c = 0
        ;; this line gives e' = r·e − hxs, and the k < 20 formula below, with 2^−k = 1, gives
        ;; ((1 − 1) − (e' − r))·1 = −(e' − r) = r − e': the same double.)
        (local.set $e.0
          (f64x2.sub
            (f64x2.sub (f64x2.mul (local.get $r.0) (f64x2.sub (local.get $e.0) (local.get $c.0))) (local.get $c.0))
            (local.get $hxs.0)))
        (local.set $e.1
          (f64x2.sub
            (f64x2.sub (f64x2.mul (local.get $r.1) (f64x2.sub (local.get $e.1) (local.get $c.1))) (local.get $c.1))
            (local.get $hxs.1)))
        (local.set $e.2
          (f64x2.sub
            (f64x2.sub (f64x2.mul (local.get $r.2) (f64x2.sub (local.get $e.2) (local.get $c.2))) (local.get $c.2))
            (local.get $hxs.2)))
        (local.set $e.3
          (f64x2.sub
            (f64x2.sub (f64x2.mul (local.get $r.3) (f64x2.sub (local.get $e.3) (local.get $c.3))) (local.get $c.3))
            (local.get $hxs.3)))
        ;; The reference's results by k (its k = 1 case does not occur: y > 0 only when |v| ≥ 1, so y ≥ 2, k ≥ 3):
        ;;   k = −1:             0.5·(r − e) − 0.5
        ;;   k ≤ −2 or k > 56:   (1 − (e − r))·2^k − 1
        ;;   k < 20 (0, 3 … 19): ((1 − 2^−k) − (e − r))·2^k
        ;;   20 ≤ k ≤ 56:        ((r − (e + 2^−k)) + 1)·2^k
        ;; All four are A·2^k − B: the first three with A = w − (e − r), where w = 0, 1 and 1 − 2^−k and
        ;; B = 0.5, 1 and 0 (0.5·(r − e) = (r − e)·2^−1 and r − e = 0 − (e − r) exactly; x − 0 = x), the last one
        ;; with A = (r − (e + 2^−k)) + 1 and B = 0. So only w, B and the choice of A depend on k.
        (local.set $kneg1.0 (f64x2.eq (local.get $k.0) (v128.const f64x2 -1 -1)))
        (local.set $kneg1.1 (f64x2.eq (local.get $k.1) (v128.const f64x2 -1 -1)))
        (local.set $kneg1.2 (f64x2.eq (local.get $k.2) (v128.const f64x2 -1 -1)))
        (local.set $kneg1.3 (f64x2.eq (local.get $k.3) (v128.const f64x2 -1 -1)))
        (local.set $kfull.0
          (v128.or
            (f64x2.le (local.get $k.0) (v128.const f64x2 -2 -2))
            (f64x2.gt (local.get $k.0) (v128.const f64x2 56 56))))
        (local.set $kfull.1
          (v128.or
            (f64x2.le (local.get $k.1) (v128.const f64x2 -2 -2))
            (f64x2.gt (local.get $k.1) (v128.const f64x2 56 56))))
        (local.set $kfull.2
          (v128.or
            (f64x2.le (local.get $k.2) (v128.const f64x2 -2 -2))
            (f64x2.gt (local.get $k.2) (v128.const f64x2 56 56))))
        (local.set $kfull.3
          (v128.or
            (f64x2.le (local.get $k.3) (v128.const f64x2 -2 -2))
            (f64x2.gt (local.get $k.3) (v128.const f64x2 56 56))))
        (local.set $kmid.0
          (v128.andnot (f64x2.ge (local.get $k.0) (v128.const f64x2 20 20)) (local.get $kfull.0)))
        (local.set $kmid.1
          (v128.andnot (f64x2.ge (local.get $k.1) (v128.const f64x2 20 20)) (local.get $kfull.1)))
        (local.set $kmid.2
          (v128.andnot (f64x2.ge (local.get $k.2) (v128.const f64x2 20 20)) (local.get $kfull.2)))
        (local.set $kmid.3
          (v128.andnot (f64x2.ge (local.get $k.3) (v128.const f64x2 20 20)) (local.get $kfull.3)))
        ;; 2^k from its bits: k + (2^52 + 1023) is a double whose low mantissa bits hold the integer k + 1023 (the
        ;; biased exponent of 2^k); shifting left by 52 moves it into the exponent field and everything else out.
        ;; 2^−k has the biased exponent 1023 − k = 2046 − (k + 1023): an integer subtraction on the bits.
        ;; (Lanes with |v| ≥ 22 or NaN get meaningless powers; their results are replaced or stay NaN.)
        (local.set $twopk.0
          (i64x2.shl
            (f64x2.add (local.get $k.0) (v128.const f64x2 0x1.00000000003ffp+52 0x1.00000000003ffp+52))
            (i32.const 52)))
        (local.set $twopk.1
          (i64x2.shl
            (f64x2.add (local.get $k.1) (v128.const f64x2 0x1.00000000003ffp+52 0x1.00000000003ffp+52))
            (i32.const 52)))
        (local.set $twopk.2
          (i64x2.shl
            (f64x2.add (local.get $k.2) (v128.const f64x2 0x1.00000000003ffp+52 0x1.00000000003ffp+52))
            (i32.const 52)))
        (local.set $twopk.3
          (i64x2.shl
            (f64x2.add (local.get $k.3) (v128.const f64x2 0x1.00000000003ffp+52 0x1.00000000003ffp+52))
            (i32.const 52)))
        (local.set $twomk.0
          (i64x2.sub (v128.const i64x2 0x7fe0000000000000 0x7fe0000000000000) (local.get $twopk.0)))
        (local.set $twomk.1
          (i64x2.sub (v128.const i64x2 0x7fe0000000000000 0x7fe0000000000000) (local.get $twopk.1)))
        (local.set $twomk.2
          (i64x2.sub (v128.const i64x2 0x7fe0000000000000 0x7fe0000000000000) (local.get $twopk.2)))
        (local.set $twomk.3
          (i64x2.sub (v128.const i64x2 0x7fe0000000000000 0x7fe0000000000000) (local.get $twopk.3)))
        ;; w = 1 − (k ≤ −2 or k > 56 ? 0 : 2^−k), then 0 where k = −1
        (local.set $w.0
          (v128.andnot
            (f64x2.sub (v128.const f64x2 1 1) (v128.andnot (local.get $twomk.0) (local.get $kfull.0)))
            (local.get $kneg1.0)))
        (local.set $w.1
          (v128.andnot
            (f64x2.sub (v128.const f64x2 1 1) (v128.andnot (local.get $twomk.1) (local.get $kfull.1)))
            (local.get $kneg1.1)))
        (local.set $w.2
          (v128.andnot
            (f64x2.sub (v128.const f64x2 1 1) (v128.andnot (local.get $twomk.2) (local.get $kfull.2)))
            (local.get $kneg1.2)))
        (local.set $w.3
          (v128.andnot
            (f64x2.sub (v128.const f64x2 1 1) (v128.andnot (local.get $twomk.3) (local.get $kfull.3)))
            (local.get $kneg1.3)))
        ;; t = A·2^k − B, with B = 1 where k ≤ −2 or k > 56, 0.5 where k = −1, else 0
        (local.set $em1.0
          (f64x2.sub
            (f64x2.mul
              (v128.bitselect
                (f64x2.add
                  (f64x2.sub (local.get $r.0) (f64x2.add (local.get $e.0) (local.get $twomk.0)))
                  (v128.const f64x2 1 1))
                (f64x2.sub (local.get $w.0) (f64x2.sub (local.get $e.0) (local.get $r.0)))
                (local.get $kmid.0))
              (local.get $twopk.0))
            (v128.or
              (v128.and (local.get $kfull.0) (v128.const f64x2 1 1))
              (v128.and (local.get $kneg1.0) (v128.const f64x2 0.5 0.5)))))
        (local.set $em1.1
          (f64x2.sub
            (f64x2.mul
              (v128.bitselect
                (f64x2.add
                  (f64x2.sub (local.get $r.1) (f64x2.add (local.get $e.1) (local.get $twomk.1)))
                  (v128.const f64x2 1 1))
                (f64x2.sub (local.get $w.1) (f64x2.sub (local.get $e.1) (local.get $r.1)))
                (local.get $kmid.1))
              (local.get $twopk.1))
            (v128.or
              (v128.and (local.get $kfull.1) (v128.const f64x2 1 1))
              (v128.and (local.get $kneg1.1) (v128.const f64x2 0.5 0.5)))))
        (local.set $em1.2
          (f64x2.sub
            (f64x2.mul
              (v128.bitselect
                (f64x2.add
                  (f64x2.sub (local.get $r.2) (f64x2.add (local.get $e.2) (local.get $twomk.2)))
                  (v128.const f64x2 1 1))
                (f64x2.sub (local.get $w.2) (f64x2.sub (local.get $e.2) (local.get $r.2)))
                (local.get $kmid.2))
              (local.get $twopk.2))
            (v128.or
              (v128.and (local.get $kfull.2) (v128.const f64x2 1 1))
              (v128.and (local.get $kneg1.2) (v128.const f64x2 0.5 0.5)))))
        (local.set $em1.3
          (f64x2.sub
            (f64x2.mul
              (v128.bitselect
                (f64x2.add
                  (f64x2.sub (local.get $r.3) (f64x2.add (local.get $e.3) (local.get $twomk.3)))
                  (v128.const f64x2 1 1))
                (f64x2.sub (local.get $w.3) (f64x2.sub (local.get $e.3) (local.get $r.3)))
                (local.get $kmid.3))
              (local.get $twopk.3))
            (v128.or
              (v128.and (local.get $kfull.3) (v128.const f64x2 1 1))
              (v128.and (local.get $kneg1.3) (v128.const f64x2 0.5 0.5)))))

        ;; ---- tanh from t = expm1(y) ----
        ;; Reference: |v| < 1 → z = −t / (t + 2); else z = 1 − 2 / (t + 2). As one division:
        ;; z = (|v| < 1 ? 0 : 1) − (|v| < 1 ? t : 2) / (t + 2), since −t / s = 0 − t / s exactly (t ≠ 0).
        (local.set $z.0
          (f64x2.sub
            (v128.andnot (v128.const f64x2 1 1) (local.get $small.0))
            (f64x2.div
              (v128.bitselect (local.get $em1.0) (v128.const f64x2 2 2) (local.get $small.0))
              (f64x2.add (local.get $em1.0) (v128.const f64x2 2 2)))))
        (local.set $z.1
          (f64x2.sub
            (v128.andnot (v128.const f64x2 1 1) (local.get $small.1))
            (f64x2.div
              (v128.bitselect (local.get $em1.1) (v128.const f64x2 2 2) (local.get $small.1))
              (f64x2.add (local.get $em1.1) (v128.const f64x2 2 2)))))
        (local.set $z.2
          (f64x2.sub
            (v128.andnot (v128.const f64x2 1 1) (local.get $small.2))
            (f64x2.div
              (v128.bitselect (local.get $em1.2) (v128.const f64x2 2 2) (local.get $small.2))
              (f64x2.add (local.get $em1.2) (v128.const f64x2 2 2)))))
        (local.set $z.3
          (f64x2.sub
            (v128.andnot (v128.const f64x2 1 1) (local.get $small.3))
            (f64x2.div
              (v128.bitselect (local.get $em1.3) (v128.const f64x2 2 2) (local.get $small.3))
              (f64x2.add (local.get $em1.3) (v128.const f64x2 2 2)))))
        ;; |v| ≥ 22 (and ±Infinity): z = 1. NaN fails the comparison and keeps z, which is NaN: every operation
        ;; above propagates it.
        (local.set $z.0
          (v128.bitselect (v128.const f64x2 1 1) (local.get $z.0)
            (f64x2.ge (local.get $a.0) (v128.const f64x2 22 22))))
        (local.set $z.1
          (v128.bitselect (v128.const f64x2 1 1) (local.get $z.1)
            (f64x2.ge (local.get $a.1) (v128.const f64x2 22 22))))
        (local.set $z.2
          (v128.bitselect (v128.const f64x2 1 1) (local.get $z.2)
            (f64x2.ge (local.get $a.2) (v128.const f64x2 22 22))))
        (local.set $z.3
          (v128.bitselect (v128.const f64x2 1 1) (local.get $z.3)
            (f64x2.ge (local.get $a.3) (v128.const f64x2 22 22))))
        ;; |v| < 2^−28 (and ±0): z = |v|, so that the result below is v itself.
        (local.set $z.0
          (v128.bitselect (local.get $a.0) (local.get $z.0)
            (f64x2.lt (local.get $a.0) (v128.const f64x2 0x1p-28 0x1p-28))))
        (local.set $z.1
          (v128.bitselect (local.get $a.1) (local.get $z.1)
            (f64x2.lt (local.get $a.1) (v128.const f64x2 0x1p-28 0x1p-28))))
        (local.set $z.2
          (v128.bitselect (local.get $a.2) (local.get $z.2)
            (f64x2.lt (local.get $a.2) (v128.const f64x2 0x1p-28 0x1p-28))))
        (local.set $z.3
          (v128.bitselect (local.get $a.3) (local.get $z.3)
            (f64x2.lt (local.get $a.3) (v128.const f64x2 0x1p-28 0x1p-28))))
        ;; The result: z (≥ 0, or NaN) with the sign bit of v (the reference's x < 0 ? −z : z).
        (v128.store (local.get $dst)
          (v128.or (local.get $z.0)
            (v128.and (local.get $v.0) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))
        (v128.store offset=16 (local.get $dst)
          (v128.or (local.get $z.1)
            (v128.and (local.get $v.1) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))
        (v128.store offset=32 (local.get $dst)
          (v128.or (local.get $z.2)
            (v128.and (local.get $v.2) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))
        (v128.store offset=48 (local.get $dst)
          (v128.or (local.get $z.3)
            (v128.and (local.get $v.3) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))

        (local.set $src (i32.add (local.get $src) (i32.const 64)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (br $eight))))
)
