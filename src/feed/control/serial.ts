/**
 * Runs tasks one after the other. Control commands read the state, save the next one, then publish it:
 * two producers pressing buttons at once must not both start from the same state.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
