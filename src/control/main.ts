// The overlay's own faces, so names look the same in the dock on any machine (subsets load on demand).
import '@fontsource/noto-sans-jp/500.css';
import '@fontsource/noto-sans-jp/800.css';
import '@fontsource/noto-sans-tc/500.css';
import '@fontsource/noto-sans-tc/800.css';
import '@fontsource/noto-sans-kr/500.css';
import '@fontsource/noto-sans-kr/800.css';
import '@fontsource/noto-sans-thai/500.css';
import '@fontsource/noto-sans-thai/800.css';
import '@fontsource/noto-sans/500.css';
import '@fontsource/noto-sans/800.css';
import './control.css';
import { MoneyFormatter } from '../donation/index.ts';
import { LANGUAGE_NAMES } from '../i18n/language-names.ts';
import { LANGUAGES, type CardFields, type ControlCommandInput, type ControlStatus, type Language, type OnAirCard, type RosterEntry } from '../protocol/index.ts';
import { adjustmentsPanel } from './adjustments-panel.ts';
import { showPanel } from './show-panel.ts';
import { fillRegionSelect, regionName } from './region-select.ts';
import { cardPreview, type PreviewCard } from './card-preview.ts';
import { ControlConnection, type ConnectionState } from './connection.ts';
import { byId, el } from './dom.ts';
import { parseMajorAmount } from './money-input.ts';
import { recapPanel } from './recap-panel.ts';
import { searchRoster } from './roster-search.ts';
import { StreamsPanel } from './streams-panel.ts';
import { readToken, saveToken } from './token-store.ts';

/** What Take and Queue would send: a roster entry by id, or a card typed in on this page. */
type Selection = { kind: 'roster'; entry: RosterEntry } | { kind: 'inline'; card: CardFields };

const ui = {
  connection: byId<HTMLSpanElement>('connection'),
  tokenForm: byId<HTMLFormElement>('token-form'),
  token: byId<HTMLInputElement>('token'),
  onAirBadge: byId<HTMLSpanElement>('onair-badge'),
  onAirCard: byId<HTMLDivElement>('onair-card'),
  autoOutLeft: byId<HTMLSpanElement>('autoout-left'),
  take: byId<HTMLButtonElement>('take'),
  next: byId<HTMLButtonElement>('next'),
  hide: byId<HTMLButtonElement>('hide'),
  selectedCard: byId<HTMLDivElement>('selected-card'),
  queueAdd: byId<HTMLButtonElement>('queue-add'),
  update: byId<HTMLButtonElement>('update'),
  queue: byId<HTMLOListElement>('queue'),
  queueCount: byId<HTMLSpanElement>('queue-count'),
  queueClear: byId<HTMLButtonElement>('queue-clear'),
  search: byId<HTMLInputElement>('search'),
  roster: byId<HTMLUListElement>('roster'),
  customForm: byId<HTMLFormElement>('custom-form'),
  customRegion: byId<HTMLSelectElement>('custom-region'),
  autoOut: byId<HTMLSelectElement>('autoout'),
  goalForm: byId<HTMLFormElement>('goal-form'),
  goal: byId<HTMLInputElement>('goal'),
  goalSet: byId<HTMLButtonElement>('goal-set'),
  goalNow: byId<HTMLSpanElement>('goal-now'),
  testRegion: byId<HTMLSelectElement>('test-region'),
  testButtons: [...document.querySelectorAll<HTMLButtonElement>('.test-button')],
  lang: byId<HTMLSelectElement>('lang'),
  message: byId<HTMLParagraphElement>('message'),
};

const streamsPanel = new StreamsPanel(byId<HTMLUListElement>('streams'), byId<HTMLElement>('streams-panel'));
let connection: ControlConnection | null = null;
let status: ControlStatus | null = null;
let selection: Selection | null = null;
let lang: Language = 'ja';

function say(text: string, kind: 'ok' | 'error' = 'ok'): void {
  ui.message.textContent = text;
  ui.message.dataset.kind = kind;
}

function connect(token: string): void {
  connection?.close();
  status = null;
  render();
  if (!token) return setConnection('offline', 'enter the producer token');
  connection = new ControlConnection(token, {
    onStatus(next) {
      status = next;
      render();
    },
    onStreams: (list) => streamsPanel.show(list),
    onState: setConnection,
  });
}

function setConnection(state: ConnectionState, detail: string): void {
  ui.connection.dataset.state = state;
  ui.connection.textContent = state === 'connected' ? 'connected' : state;
  ui.connection.title = detail;
  if (state === 'unauthorised') say('The feed refused this token: check CONTROL_TOKEN.', 'error');
  render();
}

/**
 * Sends a command; the answer (the new status) re-renders the page, a refusal is shown as the server words
 * it. Resolves true once the feed confirmed it.
 */
async function send(command: ControlCommandInput, done: string): Promise<boolean> {
  if (!connection) {
    say('Not connected: enter the producer token.', 'error');
    return false;
  }
  const result = await connection.command(command);
  if (result.ok) say(done);
  else say(result.error.message, 'error');
  return result.ok;
}

const adjustments = adjustmentsPanel(send, say);
const show = showPanel(send, say);
const recap = recapPanel(readToken, say);

function selectedChoice(): { rosterId: string } | { card: CardFields } | null {
  if (!selection) return null;
  return selection.kind === 'roster' ? { rosterId: selection.entry.id } : { card: selection.card };
}

function render(): void {
  const connected = status !== null && ui.connection.dataset.state === 'connected';
  const lowerThird = status?.lowerThird;
  const onAir = lowerThird?.current ?? null;

  ui.onAirBadge.dataset.on = String(onAir !== null);
  ui.onAirBadge.textContent = onAir ? 'ON AIR' : 'OFF';
  ui.onAirCard.replaceChildren(onAir && status ? cardPreview(onAir, status.regions, lang) : el('p', { class: 'empty', text: 'Nothing on air' }));

  ui.take.disabled = !connected || selection === null;
  ui.queueAdd.disabled = !connected || selection === null || (lowerThird ? lowerThird.queue.length >= lowerThird.queueMax : true);
  ui.update.disabled = !connected || selection === null || onAir === null;
  ui.next.disabled = !connected || (onAir === null && (lowerThird?.queue.length ?? 0) === 0);
  ui.hide.disabled = !connected || onAir === null;
  ui.next.textContent = lowerThird && lowerThird.queue.length > 0 ? `Next: ${lowerThird.queue[0]!.nameJa}` : 'Next';

  ui.selectedCard.replaceChildren(
    selection && status ? cardPreview(previewOf(selection), status.regions, lang) : el('p', { class: 'empty', text: 'Pick someone from the roster' }),
  );

  renderQueue(connected);
  renderRoster();
  renderSettings(connected);
  renderAutoOutLeft();
  adjustments.render(status, connected, lang);
  show.render(status, connected, lang);
  recap.render(connected);
}

function previewOf(chosen: Selection): PreviewCard {
  return chosen.kind === 'roster' ? chosen.entry : chosen.card;
}

function renderQueue(connected: boolean): void {
  const queue = status?.lowerThird.queue ?? [];
  ui.queueCount.textContent = status ? `${queue.length} / ${status.lowerThird.queueMax}` : '';
  ui.queueClear.disabled = !connected || queue.length === 0;
  ui.queue.replaceChildren(
    ...queue.map((card: OnAirCard) =>
      el('li', {}, [
        el('span', { class: 'who' }, [el('strong', { text: card.nameJa }), el('span', { class: 'muted', text: ` ${card.nameLatin}` })]),
        el('button', {
          class: 'small ghost',
          text: '×',
          attrs: { type: 'button', 'aria-label': `Remove ${card.nameLatin} from the queue` },
          on: { click: () => void send({ type: 'queue', op: 'remove', cueId: card.cueId }, `Removed ${card.nameLatin} from the queue.`) },
        }),
      ]),
    ),
  );
}

function renderRoster(): void {
  if (!status) return void ui.roster.replaceChildren();
  const { regions } = status;
  const matches = searchRoster(status.roster, regions, ui.search.value);
  ui.roster.replaceChildren(
    ...matches.map((entry) => {
      const region = regions.find((r) => r.id === entry.region);
      const chosen = selection?.kind === 'roster' && selection.entry.id === entry.id;
      return el('li', {}, [
        el(
          'button',
          {
            class: `person${chosen ? ' chosen' : ''}`,
            attrs: { type: 'button', 'aria-pressed': String(chosen), 'data-roster-id': entry.id },
            on: {
              click: () => {
                selection = { kind: 'roster', entry };
                render();
              },
              dblclick: () => void send({ type: 'show', rosterId: entry.id }, `Took ${entry.nameLatin}.`),
            },
          },
          [
            el('span', { class: 'who' }, [el('strong', { text: entry.nameJa }), el('span', { class: 'muted', text: entry.nameLatin })]),
            el('span', { class: 'tag', text: region ? regionName(region, lang) : entry.region }),
          ],
        ),
      ]);
    }),
  );
  if (matches.length === 0) ui.roster.replaceChildren(el('li', { class: 'empty', text: 'No one matches.' }));
}

function renderSettings(connected: boolean): void {
  ui.autoOut.disabled = !connected;
  ui.goal.disabled = !connected;
  ui.goalSet.disabled = !connected;
  for (const button of ui.testButtons) button.disabled = !connected;
  if (!status) return;
  const autoOut = status.lowerThird.autoOutMs === null ? '' : String(status.lowerThird.autoOutMs);
  if (![...ui.autoOut.options].some((option) => option.value === autoOut)) {
    ui.autoOut.append(el('option', { text: `${Number(autoOut) / 1000} s`, attrs: { value: autoOut } }));
  }
  ui.autoOut.value = autoOut;
  const money = new MoneyFormatter(status.goal.currency, 'en');
  ui.goalNow.textContent = `now ${money.formatMinor(status.goal.goalMinor)} · cap ${money.formatMinor(status.goal.capMinor)}`;
  for (const select of [ui.customRegion, ui.testRegion]) fillRegionSelect(select, status.regions, lang);
}

function renderAutoOutLeft(): void {
  const lowerThird = status?.lowerThird;
  if (!lowerThird?.current || lowerThird.autoOutMs === null || lowerThird.shownAt === null) {
    ui.autoOutLeft.textContent = '';
    return;
  }
  const left = Math.max(0, lowerThird.shownAt + lowerThird.autoOutMs - Date.now());
  ui.autoOutLeft.textContent = `auto-out in ${Math.ceil(left / 1000)} s`;
}

function setLanguage(next: Language): void {
  lang = next;
  ui.lang.value = lang;
  render();
}

ui.tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = ui.token.value.trim();
  saveToken(token);
  connect(token);
});
ui.take.addEventListener('click', () => {
  const choice = selectedChoice();
  if (choice) void send({ type: 'show', ...choice }, 'Taken: on air.');
});
ui.next.addEventListener('click', () => void send({ type: 'next' }, 'Next.'));
ui.hide.addEventListener('click', () => void send({ type: 'hide' }, 'Hidden.'));
ui.queueAdd.addEventListener('click', () => {
  const choice = selectedChoice();
  if (choice) void send({ type: 'queue', op: 'add', ...choice }, 'Added to the queue.');
});
ui.queueClear.addEventListener('click', () => void send({ type: 'queue', op: 'clear' }, 'Queue cleared.'));
ui.update.addEventListener('click', () => {
  if (!selection) return;
  const card = selection.kind === 'roster' ? selection.entry : selection.card;
  const patch = { nameJa: card.nameJa, nameLatin: card.nameLatin, title: card.title, region: card.region, photo: card.photo ?? null };
  void send({ type: 'update', patch }, 'Updated on air.');
});
ui.search.addEventListener('input', () => renderRoster());
ui.search.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || !status) return;
  const first = searchRoster(status.roster, status.regions, ui.search.value)[0];
  if (first) {
    selection = { kind: 'roster', entry: first };
    render();
  }
});
ui.customForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(ui.customForm);
  const text = (name: string) => String(form.get(name) ?? '').trim();
  selection = {
    kind: 'inline',
    card: { nameJa: text('nameJa'), nameLatin: text('nameLatin'), title: { ja: text('titleJa'), en: text('titleEn') }, region: text('region') },
  };
  render();
  say('Custom card selected: Take puts it on air.');
});
ui.autoOut.addEventListener('change', () => {
  const ms = ui.autoOut.value === '' ? null : Number(ui.autoOut.value);
  void send({ type: 'autoOut', ms }, ms === null ? 'Auto-out off.' : `Auto-out after ${ms / 1000} s.`);
});
ui.goalForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!status) return;
  const money = new MoneyFormatter(status.goal.currency, 'en');
  const parsed = parseMajorAmount(ui.goal.value, money.fractionDigits);
  if (!parsed.ok) return say(parsed.message, 'error');
  void send({ type: 'setGoal', goalMinor: parsed.minor }, `Goal set to ${money.formatMinor(parsed.minor)}.`);
});
for (const button of ui.testButtons) {
  button.addEventListener('click', () => {
    const kind = button.dataset.kind as 'like-storm' | 'big-gift' | 'milestone';
    void send({ type: 'test', kind, region: ui.testRegion.value || undefined }, `TEST fired: ${button.textContent ?? kind}.`);
  });
}
ui.lang.replaceChildren(...LANGUAGES.map((language) => el('option', { text: LANGUAGE_NAMES[language], attrs: { value: language } })));
ui.lang.addEventListener('change', () => setLanguage(ui.lang.value as Language));
setLanguage(lang);
setInterval(renderAutoOutLeft, 250);
// The ages of the streams' last events go on counting between the feed's updates.
setInterval(() => streamsPanel.render(), 1_000);

const saved = readToken();
ui.token.value = saved;
connect(saved);
