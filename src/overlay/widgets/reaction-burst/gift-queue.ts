/**
 * Gifts waiting for their moment within the current window, by value. Fixed capacity: when full, a new
 * gift only gets in by replacing a smaller one, so a flood keeps the gifts most worth seeing.
 */
export class GiftQueue {
  readonly capacity: number;
  private readonly values: Float64Array;
  private readonly dueMs: Float64Array;
  private count = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.values = new Float64Array(capacity);
    this.dueMs = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Queues a gift worth `diamonds`, to appear at `dueMs`. Returns false if it was not worth a place. */
  push(diamonds: number, dueMs: number): boolean {
    if (this.count < this.capacity) {
      this.values[this.count] = diamonds;
      this.dueMs[this.count] = dueMs;
      this.count++;
      return true;
    }
    let smallest = 0;
    for (let i = 1; i < this.count; i++) if (this.values[i]! < this.values[smallest]!) smallest = i;
    if (this.values[smallest]! >= diamonds) return false;
    this.values[smallest] = diamonds;
    this.dueMs[smallest] = dueMs;
    return true;
  }

  /**
   * Calls `take(diamonds, dueMs)` for every gift due by `nowMs`, in queue order, and removes them.
   * Order among the remaining gifts is kept.
   */
  drain(nowMs: number, take: (diamonds: number, dueMs: number) => void): void {
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const due = this.dueMs[i]!;
      const value = this.values[i]!;
      if (due <= nowMs) {
        take(value, due);
      } else {
        this.values[kept] = value;
        this.dueMs[kept] = due;
        kept++;
      }
    }
    this.count = kept;
  }

  clear(): void {
    this.count = 0;
  }
}
