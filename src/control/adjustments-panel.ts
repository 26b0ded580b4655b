import { MoneyFormatter } from '../donation/index.ts';
import { ADJUSTMENT_KINDS, type Adjustment, type AdjustmentKind, type ControlCommandInput, type ControlStatus, type Language } from '../protocol/index.ts';
import { byId, el } from './dom.ts';
import { parseMajorAmount } from './money-input.ts';
import { fillRegionSelect, regionName } from './region-select.ts';

const KIND_NAMES: Record<AdjustmentKind, string> = { matching: 'Matching gift', offline: 'Offline (box, transfer)', correction: 'Correction' };

type Send = (command: ControlCommandInput, done: string) => Promise<boolean>;

/**
 * The adjustments panel: add money that does not come from reactions (with a kind and a reason), and
 * void one made in error. Each add or void carries an idempotency key chosen when the producer first
 * submits it and kept until the feed confirms it, so pressing again after a dropped connection counts once.
 */
export function adjustmentsPanel(send: Send, say: (text: string, kind: 'ok' | 'error') => void) {
  const ui = {
    form: byId<HTMLFormElement>('adjust-form'),
    kind: byId<HTMLSelectElement>('adjust-kind'),
    amount: byId<HTMLInputElement>('adjust-amount'),
    region: byId<HTMLSelectElement>('adjust-region'),
    reason: byId<HTMLInputElement>('adjust-reason'),
    add: byId<HTMLButtonElement>('adjust-add'),
    list: byId<HTMLOListElement>('adjust-list'),
    total: byId<HTMLSpanElement>('adjust-total'),
  };
  ui.kind.replaceChildren(...ADJUSTMENT_KINDS.map((kind) => el('option', { text: KIND_NAMES[kind], attrs: { value: kind } })));
  let status: ControlStatus | null = null;
  let pendingAdd: { key: string; fingerprint: string } | null = null;
  const pendingVoids = new Map<string, string>();

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!status) return;
    const money = new MoneyFormatter(status.goal.currency, 'en');
    const kind = ui.kind.value as AdjustmentKind;
    const parsed = parseMajorAmount(ui.amount.value, money.fractionDigits, { field: 'amount', signed: kind === 'correction' });
    if (!parsed.ok) return say(parsed.message, 'error');
    const reason = ui.reason.value.trim();
    if (!reason) return say('reason: say why (it goes into the audit report)', 'error');
    const region = ui.region.value || null;
    // The same adjustment submitted again (a retry) keeps its key; a different one gets a new key.
    const fingerprint = JSON.stringify([kind, parsed.minor, region, reason]);
    if (pendingAdd?.fingerprint !== fingerprint) pendingAdd = { key: newKey(), fingerprint };
    const command = { type: 'addAdjustment', idempotencyKey: pendingAdd.key, kind, amountMinor: parsed.minor, region, reason } as const;
    void send(command, `Added ${money.formatMinor(parsed.minor)} (${KIND_NAMES[kind]}).`).then((ok) => {
      if (!ok) return;
      pendingAdd = null;
      ui.amount.value = '';
      ui.reason.value = '';
    });
  });

  function voidRow(adjustment: Adjustment, connected: boolean): HTMLElement {
    const reason = el('input', { attrs: { placeholder: 'Why void it?', maxlength: '200', 'aria-label': `Reason to void ${adjustment.id}` } });
    const button = el('button', { class: 'small secondary', text: 'Void', attrs: { type: 'button' } });
    button.disabled = !connected;
    button.addEventListener('click', () => {
      const why = reason.value.trim();
      if (!why) return say('reason: say why the adjustment is void', 'error');
      const key = pendingVoids.get(adjustment.id) ?? newKey();
      pendingVoids.set(adjustment.id, key);
      void send({ type: 'voidAdjustment', idempotencyKey: key, adjustmentId: adjustment.id, reason: why }, `Voided ${adjustment.id}.`).then((ok) => {
        if (ok) pendingVoids.delete(adjustment.id);
      });
    });
    return el('div', { class: 'row void' }, [reason, button]);
  }

  return {
    render(next: ControlStatus | null, connected: boolean, lang: Language): void {
      status = next;
      for (const control of [ui.kind, ui.amount, ui.region, ui.reason, ui.add]) control.disabled = !connected;
      if (!status) return void ui.list.replaceChildren();
      const money = new MoneyFormatter(status.goal.currency, 'en');
      fillRegionSelect(ui.region, status.regions, lang, { text: 'Whole campaign', value: '' });
      const regionOf = (id: string | null) => {
        const region = id === null ? undefined : status!.regions.find((r) => r.id === id);
        return id === null ? 'campaign' : region ? regionName(region, lang) : id;
      };
      const inForce = status.adjustments.filter((adjustment) => !adjustment.voided).reduce((sum, adjustment) => sum + BigInt(adjustment.amountMinor), 0n);
      ui.total.textContent = status.adjustments.length > 0 ? `in force ${money.formatMinor(Math.abs(Number(inForce)))}${inForce < 0n ? ' less' : ''}` : '';
      ui.list.replaceChildren(
        ...[...status.adjustments].reverse().map((adjustment) =>
          el('li', { class: adjustment.voided ? 'adjustment voided' : 'adjustment', attrs: { 'data-adjustment-id': adjustment.id } }, [
            el('div', { class: 'who' }, [
              el('strong', { text: `${adjustment.amountMinor < 0 ? '−' : '+'}${money.formatMinor(Math.abs(adjustment.amountMinor))}` }),
              el('span', { class: 'tag', text: KIND_NAMES[adjustment.kind] }),
              el('span', { class: 'muted', text: ` ${regionOf(adjustment.region)} · ${new Date(adjustment.at).toLocaleTimeString()}` }),
            ]),
            el('div', { class: 'reason', text: adjustment.reason }),
            adjustment.voided ? el('div', { class: 'muted', text: `VOID ${new Date(adjustment.voided.at).toLocaleTimeString()}: ${adjustment.voided.reason}` }) : voidRow(adjustment, connected),
          ]),
        ),
      );
      if (status.adjustments.length === 0) ui.list.replaceChildren(el('li', { class: 'empty', text: 'No adjustments yet.' }));
    },
  };
}

/** 128 random bits as hex. (crypto.randomUUID needs a secure context, which a dock on http://192.168.x.x is not.) */
function newKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
