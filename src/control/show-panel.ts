import { MoneyFormatter } from '../donation/index.ts';
import { fallbackOrder, pickText } from '../i18n/pick-text.ts';
import type { ControlCommandInput, ControlStatus, Language } from '../protocol/index.ts';
import { clockText, readClock } from '../show-clock/clock.ts';
import { byId } from './dom.ts';
import { fillRegionSelect } from './region-select.ts';
import { parseMajorAmount } from './money-input.ts';

type Send = (command: ControlCommandInput, done: string) => Promise<boolean>;

/** "45:00", "1:30:00" or "90" (minutes) into ms; a message naming the field otherwise. */
export function parseDuration(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  const parts = trimmed.split(':');
  if (trimmed === '' || parts.length > 3 || parts.some((part) => !/^\d+$/.test(part))) {
    return { ok: false, message: 'duration: write minutes (45) or h:mm:ss / mm:ss (1:30:00, 45:00), without a sign' };
  }
  const numbers = parts.map(Number);
  const seconds = parts.length === 1 ? numbers[0]! * 60 : numbers.reduce((total, part) => total * 60 + part, 0);
  return { ok: true, ms: seconds * 1000 };
}

/**
 * The show panel: the goal the meter is heading for and the next stretch goal, the show clock (set,
 * start, pause, reset, read in server time) and the region on stage for the region board.
 */
export function showPanel(send: Send, say: (text: string, kind?: 'ok' | 'error') => void) {
  const ui = {
    ladder: byId<HTMLSpanElement>('stretch-ladder'),
    nextForm: byId<HTMLFormElement>('stretch-form'),
    nextAmount: byId<HTMLInputElement>('stretch-amount'),
    nextLabel: byId<HTMLInputElement>('stretch-label'),
    nextSet: byId<HTMLButtonElement>('stretch-set'),
    clockNow: byId<HTMLSpanElement>('clock-now'),
    clockForm: byId<HTMLFormElement>('clock-form'),
    clockMode: byId<HTMLSelectElement>('clock-mode'),
    clockDuration: byId<HTMLInputElement>('clock-duration'),
    clockWarn: byId<HTMLSelectElement>('clock-warn'),
    clockSet: byId<HTMLButtonElement>('clock-set'),
    clockButtons: [...document.querySelectorAll<HTMLButtonElement>('.clock-button')],
    stageRegion: byId<HTMLSelectElement>('stage-region'),
  };
  let status: ControlStatus | null = null;
  let serverOffset = 0;
  let language: Language = 'en';

  ui.nextForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!status) return;
    const money = new MoneyFormatter(status.goal.currency, 'en');
    const parsed = parseMajorAmount(ui.nextAmount.value, money.fractionDigits, { field: 'atMinor' });
    if (!parsed.ok) return say(parsed.message, 'error');
    const label = ui.nextLabel.value.trim();
    void send({ type: 'setNextGoal', atMinor: parsed.minor, ...(label ? { label: { [language]: label } } : {}) }, `Next goal set to ${money.formatMinor(parsed.minor)}.`);
  });
  ui.clockForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const mode = ui.clockMode.value as 'countdown' | 'elapsed';
    const warnMs = Number(ui.clockWarn.value);
    if (mode === 'elapsed') return void send({ type: 'clockSet', mode, warnMs }, 'Clock set to the running time.');
    const parsed = parseDuration(ui.clockDuration.value);
    if (!parsed.ok) return say(parsed.message, 'error');
    void send({ type: 'clockSet', mode, durationMs: parsed.ms, warnMs }, `Countdown set to ${clockText(parsed.ms, 'countdown')}.`);
  });
  for (const button of ui.clockButtons) {
    const type = button.dataset.action as 'clockStart' | 'clockPause' | 'clockReset';
    button.addEventListener('click', () => void send({ type }, `Clock: ${button.textContent}.`));
  }
  ui.stageRegion.addEventListener('change', () => {
    const region = ui.stageRegion.value || null;
    void send({ type: 'stageRegion', region }, region ? `${ui.stageRegion.selectedOptions[0]?.textContent} is on stage.` : 'The board follows the lower third.');
  });
  // The clock's reading ticks here without any message from the feed: the status holds its server time.
  setInterval(() => showClock(), 250);

  function showClock(): void {
    if (!status) return;
    const reading = readClock(status.clock, Date.now() + serverOffset);
    const state = reading.ended ? 'ended' : reading.running ? 'running' : 'stopped';
    ui.clockNow.textContent = `${clockText(reading.shownMs, status.clock.mode)} · ${state}${reading.warning ? ' · last minutes' : ''}`;
  }

  return {
    render(next: ControlStatus | null, connected: boolean, lang: Language): void {
      for (const control of [ui.nextAmount, ui.nextLabel, ui.nextSet, ui.clockMode, ui.clockDuration, ui.clockWarn, ui.clockSet, ui.stageRegion, ...ui.clockButtons]) control.disabled = !connected;
      if (!next) return;
      if (next !== status) serverOffset = next.serverTime - Date.now();
      status = next;
      language = lang;
      const money = new MoneyFormatter(next.goal.currency, 'en');
      const upcoming = next.goal.stretchGoals.filter((goal) => goal.atMinor > next.goal.goalMinor);
      const labelOf = (goal: (typeof upcoming)[number]) => (goal.label ? ` (${pickText(goal.label, fallbackOrder(lang)).text})` : '');
      ui.ladder.textContent =
        `on air ${money.formatMinor(next.goal.goalMinor)}` +
        (next.goal.passedGoalMinor !== null ? ` · passed ${money.formatMinor(next.goal.passedGoalMinor)}` : '') +
        (upcoming.length > 0 ? ` · then ${upcoming.map((goal) => money.formatMinor(goal.atMinor) + labelOf(goal)).join(', ')}` : '') +
        ` · end ${money.formatMinor(next.goal.capMinor)}`;
      fillRegionSelect(ui.stageRegion, next.regions, lang, { text: 'Follow the lower third', value: '' });
      ui.stageRegion.value = next.stageRegion.region ?? '';
      showClock();
    },
  };
}
