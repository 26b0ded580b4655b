import { randomBytes } from 'node:crypto';
import { MoneyFormatter } from '../../donation/index.ts';
import type { AddAdjustmentCommand, CampaignConfig, FeedError, FeedState, LedgerEntry, VoidAdjustmentCommand } from '../../protocol/index.ts';
import type { z } from 'zod';
import type { Serial } from '../control/serial.ts';
import { BatchRejectedError, type LedgerCommitResult, type LedgerDraft } from '../store/store.ts';
import type { Ledger } from './ledger.ts';

type AddCommand = z.infer<typeof AddAdjustmentCommand>;
type VoidCommand = z.infer<typeof VoidAdjustmentCommand>;

/** What the desk needs from the feed: the amounts and ledger shown now, and the durable path to commit to. */
export interface AdjustmentFeed {
  readonly ledger: Pick<Ledger, 'entryForKey' | 'adjustment' | 'netMinor'>;
  state(scope: string | null): FeedState;
  commitLedger(draft: LedgerDraft): Promise<LedgerCommitResult>;
}

export type AdjustmentResult = { ok: true; entry: LedgerEntry; duplicate: boolean } | { ok: false; error: FeedError };

/**
 * Takes a producer's adjustment or void, checks it against the campaign and the ledger, and commits it
 * through the durable path; it shows on air once it is on disk (or in Redis). Commands run one at a time
 * (the control feature's Serial), so two producers cannot void the same adjustment, or both pass a check
 * that only one of them may pass. A refusal names the field and changes nothing.
 */
export class AdjustmentDesk {
  private readonly money: MoneyFormatter;
  /** The sum of adjustments stays within this, so every amount shown remains an exact number. */
  private readonly maxNetMinor: bigint;

  constructor(
    private readonly campaign: Pick<CampaignConfig, 'currency' | 'capMinor' | 'regions'>,
    private readonly feed: AdjustmentFeed,
    private readonly serial: Serial,
    private readonly log: (message: string) => void,
  ) {
    this.money = new MoneyFormatter(campaign.currency, 'en');
    this.maxNetMinor = BigInt(Number.MAX_SAFE_INTEGER - campaign.capMinor);
  }

  add(command: AddCommand): Promise<AdjustmentResult> {
    return this.serial.run(async () => {
      const { idempotencyKey: key, kind, amountMinor, region, reason } = command;
      const draft: LedgerDraft = { op: 'add', id: newAdjustmentId(), key, kind, amountMinor, region, reason };
      const same = (entry: LedgerEntry) => entry.op === 'add' && entry.kind === kind && entry.amountMinor === amountMinor && entry.region === region && entry.reason === reason;
      const retried = this.retried(key, same);
      if (retried) return retried;
      if (region !== null && !this.campaign.regions.some((r) => r.id === region)) {
        return refused(`region: unknown region "${region}" (known: ${this.campaign.regions.map((r) => r.id).join(', ')})`);
      }
      const net = this.feed.ledger.netMinor(null) + BigInt(amountMinor);
      if (net > this.maxNetMinor || net < -this.maxNetMinor) return refused(`amountMinor: would take the sum of adjustments beyond ${this.maxNetMinor} minor units`);
      const below = this.belowZero(region, amountMinor);
      if (below) return refused(`amountMinor: ${below}`);
      return this.commit(draft);
    });
  }

  void(command: VoidCommand): Promise<AdjustmentResult> {
    return this.serial.run(async () => {
      const { idempotencyKey: key, adjustmentId, reason } = command;
      const retried = this.retried(key, (entry) => entry.op === 'void' && entry.id === adjustmentId && entry.reason === reason);
      if (retried) return retried;
      const adjustment = this.feed.ledger.adjustment(adjustmentId);
      if (!adjustment) return refused(`adjustmentId: there is no adjustment ${adjustmentId}`);
      if (adjustment.voided) return refused(`adjustmentId: ${adjustmentId} is void already (${adjustment.voided.reason})`);
      const below = this.belowZero(adjustment.region, -adjustment.amountMinor);
      if (below) return refused(`adjustmentId: voiding ${adjustmentId} ${below.replace(/^this /, '')}; void the correction first`);
      return this.commit({ op: 'void', id: adjustmentId, key, reason });
    });
  }

  /** A retry of a command already committed under `key` answers as the first did; a different command under it is refused. */
  private retried(key: string, sameCommand: (entry: LedgerEntry) => boolean): AdjustmentResult | null {
    const committed = this.feed.ledger.entryForKey(key);
    if (!committed) return null;
    if (sameCommand(committed)) return { ok: true, entry: committed, duplicate: true };
    return refused(`idempotencyKey: "${key}" was already used for another command (${committed.op} ${committed.id}); send a new key`);
  }

  /** Says why adding `changeMinor` would take the campaign's or the region's total below 0, or null. */
  private belowZero(region: string | null, changeMinor: number): string | null {
    if (changeMinor >= 0) return null;
    for (const scope of region === null ? [null] : [null, region]) {
      const { raisedMinor } = this.feed.state(scope).donation;
      if (BigInt(raisedMinor) + BigInt(changeMinor) < 0n) {
        return `this would take the total of ${scope ?? 'the campaign'} below zero (it stands at ${this.money.formatMinor(raisedMinor)})`;
      }
    }
    return null;
  }

  private async commit(draft: LedgerDraft): Promise<AdjustmentResult> {
    try {
      const result = await this.feed.commitLedger(draft);
      return { ok: true, entry: result.entry, duplicate: result.status === 'duplicate' };
    } catch (error) {
      if (error instanceof BatchRejectedError) return refused(error.message);
      this.log(`adjustments: could not commit ${draft.op} ${draft.id}: ${(error as Error).message}`);
      return { ok: false, error: { code: 'internal', message: 'the adjustment could not be made durable, so nothing changed; retry with the same idempotencyKey, and check the feed server log' } };
    }
  }
}

/** 48 random bits: unique without any coordination between feed nodes. */
function newAdjustmentId(): string {
  return `adj-${randomBytes(6).toString('hex')}`;
}

function refused(message: string): AdjustmentResult {
  return { ok: false, error: { code: 'bad-request', message } };
}
