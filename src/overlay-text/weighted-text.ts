/** Text to load in one weight: the characters of `text`, in the face's `weight`. */
export type WeightedText = readonly [weight: number, text: string];

/** The characters of the texts, once each, per weight (in the order the weights first come). */
export function charsByWeight(texts: readonly WeightedText[]): Map<number, Set<string>> {
  const byWeight = new Map<number, Set<string>>();
  for (const [weight, text] of texts) {
    const chars = byWeight.get(weight) ?? new Set<string>();
    for (const char of text) chars.add(char);
    byWeight.set(weight, chars);
  }
  return byWeight;
}
