import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../config.ts';
import { parseRecording, recordLine, type BadLine, type RecordedEvent } from './recording.ts';
import { Redactor } from './redact.ts';
import { Replay, type ReplayReport } from './replay.ts';

const USAGE = `usage: local-love-overlay replay FILE... [--campaign PATH]   (in the repository: npm run replay -- ...)
       local-love-overlay replay --redact FILE...
Plays TikTok LIVE recordings (TIKTOK_RECORD=DIR writes them) through the feed's counting code, as fast
as it can, on a clock that follows each event's "at", and prints per stream and in all what it counted
and what it dropped and why. Each stream's region and market come from the campaign (default: the sample
campaign). The last line is one JSON object: {"totals": {...}, "streams": {"<uniqueId>": {...}}}.
A bad line is reported with its file and line number and skipped.
--redact writes FILE.redacted.jsonl beside each FILE: viewers' ids, names and comments replaced by
stable pseudonyms (TIKTOK_REDACT_KEY keeps them stable across runs), everything counting needs kept.`;

interface Args {
  files: string[];
  campaignPath: string | null;
  redact: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { files: [], campaignPath: null, redact: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--campaign') {
      const path = argv[++i];
      if (path === undefined) throw new Error(`--campaign needs a path\n${USAGE}`);
      args.campaignPath = path;
    } else if (arg === '--redact') args.redact = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else args.files.push(arg);
  }
  if (args.files.length === 0) throw new Error(`no recording given\n${USAGE}`);
  return args;
}

async function readRecordings(files: readonly string[]): Promise<{ events: RecordedEvent[]; bad: BadLine[] }> {
  const events: RecordedEvent[] = [];
  const bad: BadLine[] = [];
  for (const file of files) {
    const parsed = parseRecording(await readFile(file, 'utf8'), file);
    events.push(...parsed.events);
    bad.push(...parsed.bad);
  }
  return { events, bad };
}

async function redactFiles(files: readonly string[]): Promise<void> {
  const redactor = new Redactor();
  for (const file of files) {
    const { events, bad } = parseRecording(await readFile(file, 'utf8'), file);
    for (const line of bad) console.error(`${line.file}:${line.line}: skipped: ${line.problem}`);
    const out = `${file.replace(/\.jsonl$/, '')}.redacted.jsonl`;
    await writeFile(out, events.map((event) => `${recordLine({ ...event, data: redactor.payload(event.data) })}\n`).join(''));
    console.log(`${file}: ${events.length} events redacted into ${out}`);
  }
}

/** The human-readable lines: per stream, then in all. */
export function describeReplay(report: ReplayReport): string[] {
  const lines: string[] = [];
  const figures = (t: ReplayReport['totals']) => `${t.likes} likes, ${t.comments} comments, ${t.gifts} gifts (${t.giftDiamonds} coins), ${t.shares} shares`;
  for (const [uniqueId, stream] of Object.entries(report.streams)) {
    const s = stream.stats;
    lines.push(
      `@${uniqueId} (${stream.region}/${stream.market}): ${figures(stream.totals)}`,
      `  counted ${s.counted} messages; dropped ${s.backlog} as connect backlog, ${s.duplicates} as duplicates, ${s.malformed} malformed; ` +
        `${s.giftsValueUnknown} gifts of unknown price; ${s.streaksTimedOut} streaks closed by timeout; ${stream.notReactions} other events`,
    );
  }
  lines.push(`in all: ${figures(report.totals)}`);
  return lines;
}

/** `local-love-overlay replay` (`npm run replay` in the repository). */
export async function replay(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help')) return console.log(USAGE);
  const args = parseArgs(argv);
  if (args.redact) return redactFiles(args.files);
  const campaign = loadCampaignFile(args.campaignPath ? resolve(args.campaignPath) : SAMPLE_CAMPAIGN_PATH);
  const { events, bad } = await readRecordings(args.files);
  for (const line of bad) console.error(`${line.file}:${line.line}: skipped: ${line.problem}`);
  const report = Replay.forCampaign(campaign, { log: (message) => console.error(message) })
    .play(events)
    .finish();
  for (const stream of Object.keys(report.streams)) {
    if (!campaign.streams.some((s) => s.uniqueId === stream)) console.error(`@${stream} is not a stream of campaign ${campaign.id}: counted as unknown/unknown`);
  }
  for (const line of describeReplay(report)) console.log(line);
  console.log(JSON.stringify(report));
}
