import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../src/feed/config.ts';
import { SimulatorSource } from '../src/feed/sources/simulator.ts';
const sim = new SimulatorSource(loadCampaignFile(SAMPLE_CAMPAIGN_PATH), { likesPerSecond: 200, commentsPerSecond: 5, giftsPerSecond: 1, surges: false });
const t = { likes: 0, comments: 0, gifts: 0, giftDiamonds: 0 };
for (let i = 0; i < 100; i++) for (const d of sim.advance(100)) { t.likes += d.likes; t.comments += d.comments; t.gifts += d.gifts; t.giftDiamonds += d.giftDiamonds; }
console.log('per second over 10 s', t.likes / 10, t.comments / 10, t.gifts / 10, t.giftDiamonds / 10);
