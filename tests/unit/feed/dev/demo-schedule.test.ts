import { describe, expect, it } from 'vitest';
import { CARD_CYCLE_BEATS, CARD_HOLD_BEATS, FIRST_MILESTONE_BEAT, MILESTONE_EVERY_BEATS, demoCommandsAt } from '../../../../src/feed/dev/demo-schedule.ts';
import type { ControlCommandInput } from '../../../../src/protocol/index.ts';

const roster = ['aoi', 'kenta', 'misaki'];
const beats = (count: number, ids: readonly string[] = roster) => Array.from({ length: count }, (_, beat) => ({ beat, commands: demoCommandsAt(beat, ids) }));
const beatsWith = (count: number, type: ControlCommandInput['type'], ids?: readonly string[]) =>
  beats(count, ids).filter(({ commands }) => commands.some((command) => command.type === type)).map(({ beat }) => beat);

describe('the dev demo schedule', () => {
  it('fires the milestone test reaction every 15 beats, first soon after start', () => {
    expect(FIRST_MILESTONE_BEAT).toBeLessThan(MILESTONE_EVERY_BEATS);
    expect(beatsWith(60, 'test')).toEqual([4, 19, 34, 49]);
    expect(demoCommandsAt(4, roster)).toContainEqual({ type: 'test', kind: 'milestone' });
  });

  it('takes each roster card in turn, holds it 6 beats, hides it, and leaves a gap before the next', () => {
    expect(beatsWith(32, 'show')).toEqual([1, 9, 17, 25]);
    expect(beatsWith(32, 'hide')).toEqual([7, 15, 23, 31]);
    expect(CARD_HOLD_BEATS).toBeLessThan(CARD_CYCLE_BEATS - 1);
    const shown = beats(CARD_CYCLE_BEATS * 4).flatMap(({ commands }) => commands.flatMap((command) => (command.type === 'show' ? [command.rosterId] : [])));
    expect(shown).toEqual(['aoi', 'kenta', 'misaki', 'aoi']);
  });

  it('shows no card without a roster, but still fires milestones', () => {
    expect(beatsWith(40, 'show', [])).toEqual([]);
    expect(beatsWith(40, 'hide', [])).toEqual([]);
    expect(beatsWith(40, 'test', [])).toEqual([4, 19, 34]);
  });
});

describe('the demo show clock', () => {
  it('sets and starts a four-minute countdown on the first beat and again every cycle, and nothing in between', async () => {
    const { CLOCK_CYCLE_BEATS, CLOCK_COUNTDOWN_MS, demoCommandsAt } = await import('../../../../src/feed/dev/demo-schedule.ts');
    const clockCommands = (beat: number) => demoCommandsAt(beat, []).filter((command) => command.type.startsWith('clock'));
    expect(clockCommands(0)).toEqual([{ type: 'clockSet', mode: 'countdown', durationMs: CLOCK_COUNTDOWN_MS, warnMs: 60_000 }, { type: 'clockStart' }]);
    expect(clockCommands(CLOCK_CYCLE_BEATS)).toHaveLength(2);
    expect(clockCommands(1)).toEqual([]);
  });
});
