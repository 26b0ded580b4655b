import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/feed/adjustments/ledger.ts';
import { raisedWithAdjustments } from '../../../src/donation/index.ts';

const add = (id: string, amountMinor: number, at: number, region: string | null = null) =>
  ({ op: 'add', id, key: `k-${id}`, at, kind: amountMinor < 0 ? 'correction' : 'matching', amountMinor, region, reason: 'r' }) as const;

describe('Ledger', () => {
  it('sums the adjustments in force per scope, and as they stood at a moment', () => {
    const ledger = new Ledger();
    ledger.apply(add('adj-000000000001', 1_000, 10, 'tohoku'));
    ledger.apply(add('adj-000000000002', 300, 20));
    ledger.apply(add('adj-000000000003', -50, 30, 'tohoku'));
    ledger.apply({ op: 'void', id: 'adj-000000000002', key: 'v2', at: 40, reason: 'oops' });
    expect(ledger.netMinor(null)).toBe(950n);
    expect(ledger.netMinor('tohoku')).toBe(950n);
    expect(ledger.netMinor('kumamoto')).toBe(0n);
    expect(ledger.netMinor(null, 25)).toBe(1_300n);
    expect(ledger.netMinor(null, 35)).toBe(1_250n);
    expect(ledger.netMinor(null, 5)).toBe(0n);
  });

  it('refuses, changing nothing, a reused key, a void of an unknown or void adjustment', () => {
    const ledger = new Ledger();
    ledger.apply(add('adj-000000000001', 1_000, 10));
    expect(() => ledger.apply({ ...add('adj-000000000009', 5, 11), key: 'k-adj-000000000001' })).toThrow(/idempotencyKey/);
    expect(() => ledger.apply({ op: 'void', id: 'adj-0000000000ff', key: 'v', at: 12, reason: 'x' })).toThrow(/adjustmentId: there is no adjustment/);
    ledger.apply({ op: 'void', id: 'adj-000000000001', key: 'v1', at: 13, reason: 'x' });
    expect(() => ledger.apply({ op: 'void', id: 'adj-000000000001', key: 'v2', at: 14, reason: 'x' })).toThrow(/void already/);
    expect(ledger.length).toBe(2);
  });

  it('raisedWithAdjustments adds after the cap and never goes below 0', () => {
    expect(raisedWithAdjustments(25_000_000, 1_000_000n)).toBe(26_000_000);
    expect(raisedWithAdjustments(100, -500n)).toBe(0);
    expect(raisedWithAdjustments(Number.MAX_SAFE_INTEGER, 10n)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
