import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';
import { E2E_CONTROL_TOKEN, advance, control, lowerThird, waitForPhase } from './lower-third-helpers.ts';

/**
 * The producer's control page in Chromium, next to an overlay on the same feed: what a click on "Take"
 * does must reach the overlay. The page is narrow, as an OBS custom dock is.
 */
let overlay: OverlayHarness;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  overlay = await startOverlay({ query: 'clock=test&widgets=lower-third', control: { token: E2E_CONTROL_TOKEN } });
  page = await overlay.browser.newPage({ viewport: { width: 380, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
  });
  await page.goto(`${overlay.feed.url}/control.html`);
});

afterAll(async () => {
  await overlay?.close();
});

describe('control page', () => {
  it('refuses a wrong token and says so', async () => {
    await page.fill('#token', 'not-the-producer-token');
    await page.click('#token-form button[type=submit]');
    await page.waitForSelector('#connection[data-state=unauthorised]');
    expect(await page.textContent('#message')).toMatch(/refused this token/);
    expect(await page.isDisabled('#take')).toBe(true);
  });

  it('connects with the token, keeps it in this tab only, and lists the roster', async () => {
    await page.fill('#token', E2E_CONTROL_TOKEN);
    await page.click('#token-form button[type=submit]');
    await page.waitForSelector('#connection[data-state=connected]');
    expect(await page.evaluate('sessionStorage.getItem("local-love.control-token")')).toBe(E2E_CONTROL_TOKEN);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    expect(await page.locator('[data-roster-id]').count()).toBe(6);
  });

  it('comes back by itself when the feed closes its connection on purpose (a feed shutting down to restart)', async () => {
    overlay.feed.io.of('/control').disconnectSockets(true);
    await page.waitForSelector('#connection[data-state=offline]');
    await page.waitForSelector('#connection[data-state=connected]', { timeout: 15_000 });
    expect(await page.locator('[data-roster-id]').count()).toBe(6);
  });

  it('finds someone by search, and a click on "Take" puts the card on the overlay', async () => {
    await page.fill('#search', 'ミナミ'); // katakana finds the hiragana of 白樺 みなみ
    expect(await page.locator('[data-roster-id]').count()).toBe(1);
    await page.click('[data-roster-id="minami-shirakaba"]');
    expect(await page.textContent('#selected-card [data-testid=card-preview]')).toContain('白樺 みなみ');
    await page.click('#take');
    await page.waitForSelector('#onair-badge[data-on=true]');

    await waitForPhase(overlay, 'entering');
    await advance(overlay, 1_200);
    expect(await lowerThird(overlay)).toMatchObject({ phase: 'shown', texts: { nameJa: '白樺 みなみ', nameLatin: 'Minami Shirakaba', region: '北海道' } });
  });

  it('previews roster texts in the chosen language', async () => {
    await page.selectOption('#lang', 'ko');
    const preview = page.locator('#selected-card [data-testid=card-preview]');
    expect(await preview.getAttribute('lang')).toBe('ko');
    expect(await preview.textContent()).toBe('홋카이도시라카바 미나미Minami Shirakaba뉴스 앵커');
    expect(await page.textContent('[data-roster-id="minami-shirakaba"] .tag')).toBe('홋카이도');
    await page.selectOption('#lang', 'ja');
    expect(await preview.textContent()).toContain('アナウンサー');
  });

  it('"Hide" takes it off the overlay', async () => {
    await page.click('#hide');
    await page.waitForSelector('#onair-badge[data-on=false]');
    await waitForPhase(overlay, 'leaving');
    await advance(overlay, 900);
    expect((await lowerThird(overlay)).phase).toBe('hidden');
  });

  it('shows names as text, never as markup', async () => {
    const nameJa = '<img src=x onerror="window.pwned=1">';
    await control(overlay, '/lower-third/show', { card: { nameJa, nameLatin: '<b>bold</b>', title: { ja: '&amp;', en: '&amp;' }, region: 'noto' } });
    await page.waitForSelector('#onair-badge[data-on=true]');
    expect(await page.textContent('#onair-card .lt-name-ja')).toBe(nameJa);
    expect(await page.locator('#onair-card img:not(.lt-photo), #onair-card b').count()).toBe(0);
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    await control(overlay, '/lower-third/hide');
  });

  it('shows a refusal in the server\'s words', async () => {
    await page.fill('#goal', '99999999999');
    await page.click('#goal-set');
    // A selector, not waitForFunction: the control page's CSP forbids the eval that polling a string needs.
    await page.waitForSelector('#message[data-kind=error]');
    expect(await page.textContent('#message')).toMatch(/^goalMinor: must not exceed the cap/);
    expect(pageErrors.filter((line) => !/unauthorised|401/.test(line))).toEqual([]);
  });

  it('sets the next stretch goal (refusing one above the cap by name), the show clock and the region on stage', async () => {
    await page.fill('#stretch-amount', '30000000');
    await page.click('#stretch-set');
    // The previous test's refusal (goalMinor) may still be on the page: wait for this one's.
    await page.waitForSelector('#message[data-kind=error]:has-text("atMinor")');
    expect(await page.textContent('#message')).toBe('atMinor: must not exceed the cap (25000000)');
    await page.fill('#stretch-amount', '21000000');
    await page.fill('#stretch-label', 'Extra stretch');
    await page.click('#stretch-set');
    await page.waitForSelector('#stretch-ladder:has-text("then ¥21,000,000 (Extra stretch)")');

    await page.fill('#clock-duration', '-5');
    await page.click('#clock-set');
    await page.waitForSelector('#message:has-text("duration: write minutes")');
    await page.fill('#clock-duration', '30:00');
    await page.click('#clock-set');
    await page.click('[data-action=clockStart]');
    await page.waitForSelector('#clock-now:has-text("running")');
    expect(await page.textContent('#clock-now')).toMatch(/^(30:00|29:\d\d) · running/);
    await overlay.waitFor('window.__localLove.lastState !== null');

    await page.selectOption('#stage-region', 'noto');
    await page.waitForSelector('#message:has-text("is on stage")');
    const status = await (await fetch(`${overlay.feed.url}/api/control/status`, { headers: { authorization: `Bearer ${E2E_CONTROL_TOKEN}` } })).json();
    expect(status).toMatchObject({ stageRegion: { region: 'noto' }, clock: { mode: 'countdown', durationMs: 1_800_000 } });
    expect(status.goal.stretchGoals[0]).toEqual({ atMinor: 21_000_000, label: { ja: 'Extra stretch' } });
  });

  it('adds an adjustment with a reason, shows it in the total, and voids it (kept in the list, marked void)', async () => {
    await page.selectOption('#adjust-kind', 'matching');
    await page.fill('#adjust-amount', '1,000,000');
    await page.selectOption('#adjust-region', 'kumamoto');
    await page.fill('#adjust-reason', 'Sponsor matches the first ¥1,000,000');
    await page.click('#adjust-add');
    await page.waitForSelector('#adjust-list li.adjustment');
    expect(await page.textContent('#adjust-list li.adjustment')).toContain('Sponsor matches the first ¥1,000,000');
    expect(overlay.feed.aggregator.state('kumamoto').donation).toMatchObject({ adjustmentsMinor: 1_000_000, raisedMinor: 1_000_000 });

    await page.fill('#adjust-list li.adjustment .void input', 'Pledge withdrawn');
    await page.click('#adjust-list li.adjustment .void button');
    await page.waitForSelector('#adjust-list li.adjustment.voided');
    expect(await page.textContent('#adjust-list li.voided')).toContain('Pledge withdrawn');
    expect(overlay.feed.aggregator.state(null).donation.adjustmentsMinor).toBe(0);
    expect(overlay.feed.aggregator.ledger.entries()).toHaveLength(2);

    // A negative amount is only for a correction: the page says so in the field's name.
    await page.selectOption('#adjust-kind', 'offline');
    await page.fill('#adjust-amount', '-500');
    await page.fill('#adjust-reason', 'oops');
    await page.click('#adjust-add');
    await page.waitForSelector('#message[data-kind=error]');
    expect(await page.textContent('#message')).toMatch(/^amount: /);
  });

  it('shows the results card after the show', async () => {
    await page.selectOption('#recap-size', '1080x1350');
    await page.click('#recap-show');
    await page.waitForSelector('#recap-image:not([hidden])', { timeout: 30_000 });
    const size = await page.evaluate<{ width: number; height: number }>('(() => { const i = document.querySelector("#recap-image"); return { width: i.naturalWidth, height: i.naturalHeight }; })()');
    expect(size).toEqual({ width: 1080, height: 1350 });
    expect(await page.getAttribute('#recap-download', 'download')).toBe('recap-ja-1080x1350.png');
    expect(pageErrors.filter((line) => !/unauthorised|401/.test(line))).toEqual([]);
  });
});
