/**
 * The region board's numbers, pure: each region's amount counting from what was shown to what the feed
 * says, its share of what all regions raised, and its place in the ranking. Places change only when a
 * region's amount passes another's (ties keep the campaign's order), and the view glides rows to their
 * new places, so no region jumps.
 */
export interface BoardRegion {
  readonly id: string;
  readonly shownMinor: number;
  readonly targetMinor: number;
}

export class BoardModel {
  private readonly from = new Map<string, number>();
  private readonly to = new Map<string, number>();
  private progress = 1;

  constructor(readonly ids: readonly string[]) {
    for (const id of ids) {
      this.from.set(id, 0);
      this.to.set(id, 0);
    }
  }

  /** New amounts from the feed; returns whether any changed (then a count-up starts from what is shown). */
  setTargets(amounts: Readonly<Record<string, number>>): boolean {
    const changed = this.ids.some((id) => (amounts[id] ?? 0) !== this.to.get(id));
    if (!changed) return false;
    for (const id of this.ids) {
      this.from.set(id, this.shown(id));
      this.to.set(id, Math.max(0, Math.floor(amounts[id] ?? 0)));
    }
    this.progress = 0;
    return true;
  }

  /** The count-up's eased progress, 0..1. */
  setProgress(progress: number): void {
    this.progress = Math.min(1, Math.max(0, progress));
  }

  /** The amount shown now: an integer between what was shown and the target, exact at the end. */
  shown(id: string): number {
    const from = this.from.get(id) ?? 0;
    const to = this.to.get(id) ?? 0;
    return this.progress >= 1 ? to : from + Math.floor((to - from) * this.progress);
  }

  get totalShown(): number {
    return this.ids.reduce((sum, id) => sum + this.shown(id), 0);
  }

  /** A region's share of all regions' shown amounts, in whole percent (they need not add up to 100). */
  sharePercent(id: string): number {
    const total = this.totalShown;
    return total === 0 ? 0 : Math.round((this.shown(id) * 100) / total);
  }

  /** The largest shown amount: the bars and marks are sized against it. */
  get maxShown(): number {
    return Math.max(0, ...this.ids.map((id) => this.shown(id)));
  }

  /** Region ids by target amount, highest first; ties in the campaign's order. */
  ranking(): string[] {
    return [...this.ids].sort((a, b) => (this.to.get(b) ?? 0) - (this.to.get(a) ?? 0) || this.ids.indexOf(a) - this.ids.indexOf(b));
  }
}

/** The region the board highlights: the producer's choice, else the lower third's while a card is on air. */
export function regionOnStage(producerChoice: string | null, lowerThirdRegion: string | null, known: readonly string[]): string | null {
  const choice = producerChoice ?? lowerThirdRegion;
  return choice !== null && known.includes(choice) ? choice : null;
}
