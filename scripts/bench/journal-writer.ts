/**
 * The restart bench's writer, a child process: `node --import tsx journal-writer.ts <dataDir> <MiB>`.
 * Commits ingest-like batches (each with its idempotency key, one to three cells) through the real
 * JournalStore with its production settings until `MiB` of journal were written, prints `WRITTEN`, and
 * keeps the directory open until the bench SIGKILLs it: what a feed killed after a long show leaves.
 */
import { ReactionCheck } from '../../src/feed/reactions/checked-cells.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { JournalStore } from '../../src/feed/store/journal/journal-store.ts';
import { placesOf } from '../../src/protocol/index.ts';

const [dir, mib] = process.argv.slice(2);
if (!dir || !mib) throw new Error('usage: journal-writer.ts <dataDir> <MiB>');
const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const check = new ReactionCheck(placesOf(campaign));
const regions = campaign.regions.map((region) => region.id);
const markets = campaign.markets.map((market) => market.id);

const store = new JournalStore({ dir, log: () => {} });
await store.open();
const target = Number(mib) * 1024 * 1024;
const IN_FLIGHT = 2_000;
let next = 0;
function batch(n: number) {
  const cells = Array.from({ length: 1 + (n % 3) }, (_, i) => ({
    region: regions[(n + i) % regions.length]!,
    market: markets[(n * 7 + i) % markets.length]!,
    likes: 1 + (n % 500),
    comments: n % 5,
    gifts: n % 2,
    giftDiamonds: n % 300,
    shares: n % 2,
  }));
  return { idempotencyKey: `bench-restart-${n.toString(36)}-0123456789abcdef`, source: 'ingest', cells: check.cells(cells) };
}
while (store.stats().bytes < target) {
  await Promise.all(Array.from({ length: IN_FLIGHT }, () => store.commitReactions(batch(next++))));
}
await store.whenIdle();
process.stdout.write(`WRITTEN ${next} ${store.stats().bytes}\n`);
setInterval(() => {}, 60_000);
