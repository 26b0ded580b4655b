import { describe, expect, it } from 'vitest';
import { StreamBoard, type StatusReporter } from '../../../../../src/feed/sources/tiktok/stream-board.ts';
import { StreamConfig, StreamStatusList, type StreamConnectionStatus } from '../../../../../src/protocol/index.ts';

const TOHOKU = StreamConfig.parse({ uniqueId: 'locallove_tohoku', region: 'tohoku', market: 'jp' });
const NOTO = StreamConfig.parse({ uniqueId: 'locallove_noto', region: 'noto', market: 'kr' });

function boardAt(): { board: StreamBoard; clock: { ms: number }; lists: StreamStatusList[] } {
  const clock = { ms: 1_000 };
  const board = new StreamBoard([TOHOKU, NOTO], 'studio-b', () => clock.ms);
  const lists: StreamStatusList[] = [];
  board.onChange((list) => lists.push(StreamStatusList.parse(list)));
  return { board, clock, lists };
}

/** What the node running @locallove_tohoku published. */
function published(patch: Partial<StreamConnectionStatus> = {}): StreamConnectionStatus {
  const { streams } = new StreamBoard([TOHOKU], 'x').list();
  const { owner: _owner, ...status } = streams[0]!;
  return { ...status, state: 'connected', since: 1_732_500_000_000, counted: 42, lastEventAgeMs: 300, stateAgeMs: 60_000, ...patch };
}

class Reporter implements StatusReporter {
  private readonly listeners = new Set<(status: StreamConnectionStatus) => void>();
  constructor(public status: StreamConnectionStatus) {}
  onStatus(listener: (status: StreamConnectionStatus) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  change(patch: Partial<StreamConnectionStatus>) {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }
}

describe('stream board: every stream on every node', () => {
  it('lists every stream as waiting until a node runs it, naming the answering node', () => {
    const { board } = boardAt();
    const list = StreamStatusList.parse(board.list());
    expect(list.node).toBe('studio-b');
    expect(list.simulator).toBeNull();
    expect(list.streams.map((stream) => [stream.uniqueId, stream.owner.lease, stream.state])).toEqual([
      ['locallove_tohoku', 'waiting', 'connecting'],
      ['locallove_noto', 'waiting', 'connecting'],
    ]);
  });

  it("shows another node's published status, its ages counted on from when it was learnt", () => {
    const { board, clock, lists } = boardAt();
    board.setOwner('locallove_tohoku', { lease: 'elsewhere', node: 'studio-a' });
    board.learn(published());
    clock.ms += 2_000;
    const tohoku = board.list().streams[0]!;
    expect(tohoku).toMatchObject({ state: 'connected', counted: 42, lastEventAgeMs: 2_300, stateAgeMs: 62_000, owner: { lease: 'elsewhere', node: 'studio-a' } });
    // The same status again, only older: no push to producers; a changed one is pushed.
    const pushed = lists.length;
    board.learn(published({ lastEventAgeMs: 1_300, stateAgeMs: 61_000 }));
    expect(lists).toHaveLength(pushed);
    board.learn(published({ counted: 43 }));
    expect(lists.at(-1)?.streams[0]?.counted).toBe(43);
  });

  it('counts the ages on while Redis holds the same status, its node gone', () => {
    const { board, clock } = boardAt();
    board.setOwner('locallove_tohoku', { lease: 'elsewhere', node: 'studio-a' });
    board.learn(published());
    for (let second = 0; second < 30; second++) {
      clock.ms += 1_000;
      board.learn(published()); // what a dead node left in Redis, read at every sync
    }
    expect(board.list().streams[0]).toMatchObject({ lastEventAgeMs: 30_300, stateAgeMs: 90_000 });
  });

  it('shows its own source while it runs here, ignoring what Redis still holds from the previous node', () => {
    const { board, lists } = boardAt();
    const source = new Reporter(published({ counted: 0 }));
    board.setOwner('locallove_tohoku', { lease: 'here', node: 'studio-b' });
    board.run('locallove_tohoku', source);
    board.learn(published({ counted: 999 }));
    expect(board.list().streams[0]).toMatchObject({ counted: 0, owner: { lease: 'here', node: 'studio-b' } });
    source.change({ counted: 5 });
    expect(lists.at(-1)?.streams[0]?.counted).toBe(5);
    expect(board.runningHere().map((status) => [status.uniqueId, status.counted])).toEqual([['locallove_tohoku', 5]]);

    // The lease is lost: the source's last status stays, and its updates no longer reach the board.
    board.run('locallove_tohoku', null);
    board.setOwner('locallove_tohoku', { lease: 'waiting', node: null });
    source.change({ counted: 6 });
    expect(board.list().streams[0]).toMatchObject({ counted: 5, owner: { lease: 'waiting', node: null } });
    expect(board.runningHere()).toEqual([]);
  });
});
