/**
 * Small deterministic generators, so every run of a benchmark or a generated corpus sees the same
 * data. One module for all of them: each bench keeps the sequence it always had.
 */

/** A multiply-xorshift sequence in [0, 1): the article corpus and the extraction bench. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

/** A linear congruential sequence in [0, 1) (Numerical Recipes' constants): the store, API, search and dedup benches. */
export function lcgRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
