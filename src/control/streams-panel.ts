import type { SourceOwner, StreamStatus, StreamStatusList } from '../protocol/index.ts';
import { el } from './dom.ts';
import { formatDuration, streamNotices } from './stream-warnings.ts';

const STATE_WORDS: Record<StreamStatus['state'], string> = {
  connecting: 'connecting',
  connected: 'live: counting',
  reconnecting: 'reconnecting',
  stalled: 'stalled: reconnecting',
  ended: 'not live',
  error: 'stopped',
};

/** Which feed node follows the stream, when several share Redis (one node alone says nothing). */
function ownerWords(owner: SourceOwner): string {
  switch (owner.lease) {
    case 'here':
      return `followed by this feed node (${owner.node})`;
    case 'elsewhere':
      return `followed by feed node ${owner.node}`;
    default:
      return owner.node === null ? 'no feed node follows it yet: one takes it within seconds' : `node ${owner.node} stopped answering: another takes it over`;
  }
}

/**
 * The TikTok LIVE streams on the control page: each stream's state, what is counted and dropped, the
 * room's like total, the age of its last event, and any warning in a producer's words. Ages are counted
 * on from the moment the list arrived, so the page's own clock never has to agree with the feed's.
 */
export class StreamsPanel {
  private list: StreamStatusList | null = null;
  private receivedAt = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly section: HTMLElement,
  ) {}

  show(list: StreamStatusList): void {
    this.list = list;
    this.receivedAt = performance.now();
    this.render();
  }

  render(): void {
    const streams = this.list?.streams ?? [];
    this.section.hidden = streams.length === 0;
    const elapsed = performance.now() - this.receivedAt;
    this.container.replaceChildren(...streams.map((stream) => this.item(stream, elapsed)));
  }

  private item(stream: StreamStatus, elapsedMs: number): HTMLLIElement {
    const ageMs = stream.lastEventAgeMs === null ? null : stream.lastEventAgeMs + elapsedMs;
    const notices = streamNotices(stream, ageMs, stream.stateAgeMs + elapsedMs);
    const figures = [
      `${stream.counted.toLocaleString('en')} counted`,
      `${stream.backlog.toLocaleString('en')} old history dropped`,
      `${stream.duplicates.toLocaleString('en')} repeats dropped`,
      ...(stream.malformed > 0 ? [`${stream.malformed} unreadable`] : []),
      ...(stream.giftsValueUnknown > 0 ? [`${stream.giftsValueUnknown} gifts without price`] : []),
    ].join(' · ');
    const details = [
      stream.likeTotal === null ? 'room likes: —' : `room likes: ${stream.likeTotal.toLocaleString('en')}`,
      ageMs === null ? 'last event: none yet' : `last event: ${formatDuration(ageMs)} ago`,
      stream.clockOffsetMs === null ? 'clock: not measured' : `clock offset: ${stream.clockOffsetMs > 0 ? '+' : ''}${(stream.clockOffsetMs / 1000).toFixed(1)} s`,
      ...(stream.viewers === null ? [] : [`${stream.viewers.toLocaleString('en')} viewers`]),
    ].join(' · ');
    const warned = notices.some((notice) => notice.level === 'warning');
    return el('li', { class: 'stream', attrs: { 'data-state': stream.state, 'data-warn': String(warned), 'data-stream': stream.uniqueId } }, [
      el('div', { class: 'stream-head' }, [
        el('strong', { text: stream.label ?? `@${stream.uniqueId}` }),
        el('span', { class: 'muted', text: ` ${stream.region}/${stream.market}` }),
        el('span', { class: 'stream-state', text: STATE_WORDS[stream.state] }),
      ]),
      ...(stream.owner.lease === 'local' ? [] : [el('p', { class: 'stream-owner muted', attrs: { 'data-lease': stream.owner.lease }, text: ownerWords(stream.owner) })]),
      el('p', { class: 'stream-figures', text: figures }),
      el('p', { class: 'stream-details muted', text: details }),
      ...notices.map((notice) => el('p', { class: `stream-notice ${notice.level}`, attrs: { role: notice.level === 'warning' ? 'alert' : 'note' }, text: notice.text })),
      ...(stream.state !== 'connected' && stream.lastError ? [el('p', { class: 'stream-error muted', text: stream.lastError })] : []),
    ]);
  }
}
