// One seeded generator for the tests and the bench, so that generated data reproduces run after
// run and a failure names what reproduces it. A 32-bit linear congruential generator through
// Math.imul: the same step in doubles, (seed * 1103515245 + 12345) % 2 ** 31, loses the low bits
// of the product and repeats itself (about 13,000 distinct values in 20,000 draws).

/**
 * `random(below)`: a whole number from 0 to below − 1 (below at most 65,536), the same sequence
 * for the same seed.
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    // The high bits: a power-of-two modulus leaves the low bits of such a generator short cycles.
    return (state >>> 16) % below;
  };
}
