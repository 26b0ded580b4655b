import { describe, expect, it } from 'vitest';
import { formatCheck, isReady, type CheckResult } from '../../../../src/feed/check/check-result.ts';

const ok: CheckResult = { status: 'ok', item: 'port', detail: '127.0.0.1:8080 is free', fix: 'never shown for ok' };
const warn: CheckResult = { status: 'warn', item: 'clock', detail: 'off by 9 s', fix: 'turn on NTP' };
const fail: CheckResult = { status: 'fail', item: 'tokens', detail: 'CONTROL_TOKEN not set', fix: 'set it' };

describe('the rehearsal check list', () => {
  it('prints one aligned line per check, the fix under each problem, and the verdict', () => {
    expect(formatCheck('Rehearsal check:', [ok, warn, fail]).split('\n')).toEqual([
      'Rehearsal check:',
      '  ok    port    127.0.0.1:8080 is free',
      '  WARN  clock   off by 9 s',
      '                -> turn on NTP',
      '  FAIL  tokens  CONTROL_TOKEN not set',
      '                -> set it',
      'NOT READY: 1 problem would fail on air, 1 warning.',
    ]);
  });

  it('is ready with warnings, and not with a failure', () => {
    expect(isReady([ok, warn])).toBe(true);
    expect(formatCheck('t', [ok, warn, warn]).split('\n').at(-1)).toBe('READY, with 2 warnings to look at.');
    expect(formatCheck('t', [ok]).split('\n').at(-1)).toBe('READY.');
    expect(isReady([ok, fail])).toBe(false);
  });
});
