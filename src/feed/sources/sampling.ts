import type { Random } from '../../random/mulberry32.ts';

/**
 * A whole number of events for an expected count `mean`, drawn from the seeded PRNG: Poisson for small
 * means (Knuth's product of uniforms), a rounded normal approximation for large ones. Always an integer >= 0.
 */
export function samplePoisson(random: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let count = 0;
    let product = random();
    while (product > limit) {
      count += 1;
      product *= random();
    }
    return count;
  }
  // Box-Muller; 1 - random() keeps the logarithm finite.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
}

/** Picks an index with probability proportional to its weight (weights > 0, prefix sums precomputed). */
export function pickWeighted(random: Random, cumulativeWeights: readonly number[]): number {
  const total = cumulativeWeights[cumulativeWeights.length - 1] ?? 0;
  const target = random() * total;
  let low = 0;
  let high = cumulativeWeights.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulativeWeights[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}
