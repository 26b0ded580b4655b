import { describe, expect, it } from 'vitest';
import { formatDuration, streamNotices } from '../../../src/control/stream-warnings.ts';
import { StreamStatus } from '../../../src/protocol/index.ts';

const healthy = StreamStatus.parse({
  uniqueId: 'locallove_tohoku',
  region: 'tohoku',
  market: 'jp',
  state: 'connected',
  since: 1_732_500_000_000,
  lastError: null,
  failures: 0,
  nextAttemptAt: null,
  roomId: '7441',
  viewers: 1523,
  stalls: 0,
  counted: 420,
  backlog: 6,
  duplicates: 2,
  malformed: 0,
  giftsValueUnknown: 0,
  likeTotal: 120_050,
  lastEventAt: 1_732_500_060_000,
  lastEventAgeMs: 400,
  stateAgeMs: 60_000,
  clockOffsetMs: 1_200,
  owner: { lease: 'here', node: 'studio-a:4121' },
});

describe('stream notices on the control page', () => {
  it('has nothing to say about a healthy stream', () => {
    expect(streamNotices(healthy, 400, 60_000)).toEqual([]);
  });

  it('warns of a connected stream gone quiet, and of one being replaced as stalled', () => {
    expect(streamNotices(healthy, 95_000, 600_000)).toEqual([{ level: 'warning', text: 'Connected, but nothing from TikTok for 1 min 35 s. Is the LIVE still on?' }]);
    expect(streamNotices({ ...healthy, state: 'stalled' }, 61_000, 0)[0]?.text).toBe('TikTok says the LIVE is on, but nothing arrived: the connection is being replaced.');
    expect(streamNotices({ ...healthy, lastEventAt: null, lastEventAgeMs: null, counted: 0, backlog: 0, duplicates: 0 }, null, 45_000)).toEqual([
      { level: 'warning', text: 'Connected for 45 s, but TikTok has sent nothing yet.' },
    ]);
  });

  it('warns when everything received is dropped, once the connection had time to settle', () => {
    const allDropped = { ...healthy, counted: 0, backlog: 37, duplicates: 3 };
    expect(streamNotices(allDropped, 400, 5_000)).toEqual([]);
    expect(streamNotices(allDropped, 400, 12_000)).toEqual([
      { level: 'warning', text: 'Nothing is being counted: all 40 messages were dropped (37 as old history, 3 as repeats). Check the feed log.' },
    ]);
  });

  it('warns of gifts without a price and unreadable events, and notes a clock minutes off', () => {
    const notices = streamNotices({ ...healthy, giftsValueUnknown: 1, malformed: 12, clockOffsetMs: -240_000 }, 400, 60_000);
    expect(notices).toEqual([
      { level: 'warning', text: '1 gift came without a price and is not in the totals (see the feed log).' },
      { level: 'warning', text: '12 events from TikTok could not be read and were skipped (see the feed log).' },
      { level: 'note', text: "The feed computer's clock is 4 min behind TikTok's. Counting is not affected; setting the clock right (NTP) is still wise." },
    ]);
  });

  it('warns while no feed node follows the stream, naming the node that stopped answering', () => {
    expect(streamNotices({ ...healthy, owner: { lease: 'waiting', node: 'studio-a:4121' } }, 400, 60_000)).toEqual([
      { level: 'warning', text: 'Feed node studio-a:4121 stopped answering: another node takes it over within seconds. The figures below are the last reported.' },
    ]);
    expect(streamNotices({ ...healthy, owner: { lease: 'elsewhere', node: 'studio-b:77' } }, 400, 60_000)).toEqual([]);
  });

  it('words durations as a producer reads them', () => {
    expect([formatDuration(0), formatDuration(59_400), formatDuration(60_000), formatDuration(185_000), formatDuration(7_800_000)]).toEqual(['0 s', '59 s', '1 min', '3 min 5 s', '2 h 10 min']);
  });
});
