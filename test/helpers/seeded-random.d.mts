/** `random(below)`: a whole number from 0 to below − 1 (below at most 65,536), the same sequence for the same seed. */
export function seededRandom(seed: number): (below: number) => number;
