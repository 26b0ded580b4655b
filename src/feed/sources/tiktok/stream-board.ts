import type { StreamStatus, StreamStatusList } from '../../../protocol/index.ts';

/** Anything that reports a stream's status: a TikTokSource. */
export interface StatusReporter {
  readonly status: StreamStatus;
  onStatus(listener: (status: StreamStatus) => void): () => void;
}

/** Every configured stream's status in one list, in config order: what GET /api/streams and the `streams` event carry. */
export class StreamBoard {
  constructor(private readonly streams: readonly StatusReporter[]) {}

  list(): StreamStatusList {
    return { streams: this.streams.map((stream) => stream.status) };
  }

  /** Calls `listener` with the whole list whenever any stream's status changes; returns the function that stops it. */
  onChange(listener: (list: StreamStatusList) => void): () => void {
    const stops = this.streams.map((stream) => stream.onStatus(() => listener(this.list())));
    return () => stops.forEach((stop) => stop());
  }
}
