/** One line of the rehearsal check: what was checked, how it stands, and what to do about it. */
export interface CheckResult {
  /** ok: ready; warn: worth a look, the show still runs; fail: would fail on air. */
  status: 'ok' | 'warn' | 'fail';
  item: string;
  detail: string;
  /** What the producer does about a warn or fail. */
  fix?: string;
}

const LABEL = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' } as const;

/** The short list a producer reads, and its last line: ready, or how many things to fix. */
export function formatCheck(title: string, results: readonly CheckResult[]): string {
  const width = Math.max(...results.map((result) => result.item.length));
  const lines = results.flatMap((result) => [
    `  ${LABEL[result.status]}  ${result.item.padEnd(width)}  ${result.detail}`,
    ...(result.fix && result.status !== 'ok' ? [`        ${' '.repeat(width)}  -> ${result.fix}`] : []),
  ]);
  const failures = results.filter((result) => result.status === 'fail').length;
  const warnings = results.filter((result) => result.status === 'warn').length;
  const verdict =
    failures > 0
      ? `NOT READY: ${failures} ${failures === 1 ? 'problem' : 'problems'} would fail on air${warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}.`
      : `READY${warnings ? `, with ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} to look at` : ''}.`;
  return [title, ...lines, verdict].join('\n');
}

export const isReady = (results: readonly CheckResult[]): boolean => results.every((result) => result.status !== 'fail');
