import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsHelp } from '../../../src/feed/commands.ts';
import { campaignIdFor } from '../../../src/feed/init/campaign-template.ts';

describe('the local-love-overlay command', () => {
  it('lists exactly the subcommands that exist, each with its summary', () => {
    const listed = commandsHelp()
      .split('\n')
      .filter((line) => /^ {2}\S/.test(line))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(listed).toEqual(Object.keys(COMMANDS));
    expect(listed).toEqual(expect.arrayContaining(['start', 'init', 'check', 'report']));
  });
});

describe('init names the campaign after its directory', () => {
  it.each([
    ['/shows/Tohoku Night 2025', 'tohoku-night-2025'],
    ['my-show', 'my-show'],
    ['東北', 'my-campaign'],
    [`/x/${'a'.repeat(39)}-b`, 'a'.repeat(39)],
  ])('%s -> %s', (dir, id) => {
    expect(campaignIdFor(dir)).toBe(id);
  });
});
