import type { RecapCard, RecapSize } from './recap-card.ts';
import { recapDimensions } from './recap-card.ts';

/** The icon each reaction kind has on air (assets/icons), in the order of RecapCard.reactions. */
const REACTION_ICONS = ['heart', 'bubble', 'rose', 'sparkle'];

/** Which arrangement a size gets: side by side on 16:9, stacked on 4:5 and 9:16. */
const LAYOUT: Record<RecapSize, string> = { '1920x1080': 'landscape', '1080x1350': 'portrait', '1080x1920': 'vertical' };

/**
 * The recap card as one HTML page, in the campaign's look (the local-love theme: warm sunset fills on deep
 * plum, Noto Sans JP). Served to headless Chromium by render-recap.ts, which answers the font and icon
 * URLs; every text is escaped. A small script shrinks a line that would not fit (a long total, a long
 * region name) so no glyph is ever clipped, then marks the page ready.
 */
export function recapHtml(card: RecapCard, size: RecapSize): string {
  const { width, height } = recapDimensions(size);
  const reactions = card.reactions
    .map(
      (reaction, index) => `<div class="reaction"><img src="/icons/${REACTION_ICONS[index]}.svg" alt=""><div class="fit count">${text(reaction.count)}</div><div class="label">${text(reaction.label)}</div></div>`,
    )
    .join('');
  const regions = card.regions
    .map(
      (region) =>
        `<div class="region"><div class="fit name">${text(region.name)}</div><div class="amount">${text(region.amount)}</div><div class="bar"><i style="width:${(Math.max(0.02, region.share) * 100).toFixed(2)}%"></i></div></div>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${card.lang}">
<head>
<meta charset="utf-8">
<link rel="stylesheet" href="/fonts/500.css">
<link rel="stylesheet" href="/fonts/800.css">
<link rel="stylesheet" href="/fonts/900.css">
<style>${STYLE}</style>
</head>
<body class="${LAYOUT[size]}" style="width:${width}px;height:${height}px">
<div class="glow a"></div><div class="glow b"></div>
<main>
  <header>
    <div class="brand"><img src="/icons/heart.svg" alt=""><span class="fit">${text(card.campaignName)}</span></div>
    <div class="date">${text(card.dateLine)}</div>
  </header>
  <section class="headline">
    <div class="total-label">${text(card.totalLabel)}</div>
    <div class="fit total">${text(card.total)}</div>
    ${card.adjustmentsLine ? `<div class="adjustments">${text(card.adjustmentsLine)}</div>` : ''}
    <div class="reactions">${reactions}</div>
  </section>
  <section class="side">
    ${chart(card)}
    <div class="regions">${regions}</div>
  </section>
  <footer><span class="markets">${text(card.markets.before)}<b>${text(card.markets.count)}</b>${text(card.markets.after)}</span><span class="thanks">${text(card.thanks)}</span></footer>
</main>
<script>${FIT_SCRIPT}</script>
</body>
</html>`;
}

function chart(card: RecapCard): string {
  if (!card.chart) return '';
  const { points, startLabel, endLabel, topLabel } = card.chart;
  const W = 1000;
  const H = 400;
  const step = points.length > 1 ? W / (points.length - 1) : W;
  const xy = points.map((ratio, index) => `${(index * step).toFixed(1)},${(H - ratio * (H - 8)).toFixed(1)}`);
  const line = `M${xy.join(' L')}`;
  return `<div class="chart">
  <div class="chart-head"><span>${text(card.chartTitle)}</span><span class="top">${text(topLabel)}</span></div>
  <svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none">
    <defs>
      <linearGradient id="area" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ff7a59" stop-opacity="0.55"/><stop offset="1" stop-color="#ff4f81" stop-opacity="0.02"/></linearGradient>
      <linearGradient id="stroke" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#ffb547"/><stop offset="0.55" stop-color="#ff7a59"/><stop offset="1" stop-color="#ff4f81"/></linearGradient>
    </defs>
    ${[0.25, 0.5, 0.75].map((f) => `<line x1="0" x2="${W}" y1="${H * f}" y2="${H * f}" class="grid"/>`).join('')}
    <path d="${line} L${W},${H} L0,${H} Z" fill="url(#area)"/>
    <path d="${line}" fill="none" stroke="url(#stroke)" stroke-width="5" stroke-linejoin="round" vector-effect="non-scaling-stroke"/>
  </svg>
  <div class="axis"><span>${text(startLabel)}</span><span>${text(endLabel)}</span></div>
</div>`;
}

function text(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Shrinks each `.fit` line until it fits its box (never below 40%), waits for the fonts, then says ready. */
const FIT_SCRIPT = `
document.fonts.ready.then(() => {
  for (const el of document.querySelectorAll('.fit')) {
    const base = parseFloat(getComputedStyle(el).fontSize);
    let size = base;
    while (el.scrollWidth > el.clientWidth + 0.5 && size > base * 0.4) {
      size -= 1;
      el.style.fontSize = size + 'px';
    }
  }
  document.body.dataset.ready = 'true';
});`;

const STYLE = `
* { box-sizing: border-box; margin: 0; padding: 0; }
html, body { overflow: hidden; }
body {
  position: relative;
  font-family: 'Noto Sans JP', sans-serif;
  color: #fff8f0;
  background: radial-gradient(120% 90% at 85% 0%, #5a1731 0%, #2a0e1e 48%, #14060e 100%);
  -webkit-font-smoothing: antialiased;
  letter-spacing: 0.01em;
}
.glow { position: absolute; border-radius: 50%; filter: blur(120px); opacity: 0.55; }
.glow.a { width: 60%; height: 45%; right: -12%; top: -14%; background: #ff7a59; }
.glow.b { width: 55%; height: 40%; left: -18%; bottom: -16%; background: #ff4f81; opacity: 0.35; }
main { position: relative; height: 100%; display: grid; }
header { display: flex; flex-direction: column; gap: 10px; min-width: 0; }
.brand { display: flex; align-items: center; gap: 18px; font-weight: 800; min-width: 0; }
.brand img { flex: none; }
.brand span { white-space: nowrap; overflow: hidden; min-width: 0; }
.date { color: #ffdcc8; font-weight: 500; opacity: 0.85; }
.headline { min-width: 0; display: flex; flex-direction: column; }
.total-label { color: #ffdcc8; font-weight: 500; }
.total {
  font-weight: 900; line-height: 1.15; white-space: nowrap; overflow: hidden; padding-bottom: 0.04em;
  background: linear-gradient(100deg, #ffd27a 0%, #ffb547 30%, #ff7a59 65%, #ff4f81 100%);
  -webkit-background-clip: text; background-clip: text; color: transparent;
  font-variant-numeric: tabular-nums;
}
.adjustments { color: #ffdcc8; font-weight: 500; opacity: 0.9; }
.reactions { display: grid; grid-template-columns: 1fr 1fr; }
.reaction { display: grid; grid-template-columns: auto 1fr; grid-template-rows: auto auto; column-gap: 18px; align-items: center; min-width: 0; }
.reaction img { grid-row: span 2; }
.reaction .count { font-weight: 800; line-height: 1.1; white-space: nowrap; overflow: hidden; font-variant-numeric: tabular-nums; }
.reaction .label { color: #ffdcc8; font-weight: 500; }
.side { min-width: 0; display: flex; flex-direction: column; }
.chart { background: #2a0e1e99; border: 2px solid #ffffff1f; border-radius: 28px; display: flex; flex-direction: column; }
.chart-head { display: flex; justify-content: space-between; color: #ffdcc8; font-weight: 500; }
.chart-head .top { color: #ffe2a8; font-weight: 800; }
.chart svg { width: 100%; flex: 1; display: block; min-height: 0; }
.chart .grid { stroke: #ffffff1a; stroke-width: 1; vector-effect: non-scaling-stroke; }
.axis { display: flex; justify-content: space-between; color: #ffdcc8; opacity: 0.8; font-weight: 500; }
.regions { display: grid; }
.region { display: grid; grid-template-columns: 1fr auto; align-items: baseline; column-gap: 20px; min-width: 0; }
.region .name { font-weight: 800; white-space: nowrap; overflow: hidden; }
.region .amount { font-weight: 800; color: #ffe2a8; font-variant-numeric: tabular-nums; white-space: nowrap; }
.region .bar { grid-column: span 2; height: 10px; border-radius: 5px; background: #ffffff1c; overflow: hidden; margin-top: 8px; }
.region .bar i { display: block; height: 100%; border-radius: 5px; background: linear-gradient(90deg, #ffb547, #ff7a59, #ff4f81); }
footer { display: flex; justify-content: space-between; align-items: flex-end; gap: 24px; color: #ffdcc8; font-weight: 500; }
footer .thanks { text-align: right; }
footer .markets b { font-weight: 900; font-size: 1.6em; color: #ffe2a8; margin: 0 0.08em; }

/* 16:9: the headline on the left, the chart and the regions on the right. */
.landscape main { padding: 72px 110px 64px; grid-template-columns: 820px 1fr; grid-template-rows: auto 1fr auto; column-gap: 90px; row-gap: 36px; }
.landscape header { grid-column: span 2; }
.landscape .brand { font-size: 40px; } .landscape .brand img { width: 56px; height: 56px; }
.landscape .date { font-size: 26px; }
.landscape .headline { justify-content: center; gap: 10px; }
.landscape .total-label { font-size: 36px; }
.landscape .total { font-size: 150px; }
.landscape .adjustments { font-size: 26px; }
.landscape .reactions { margin-top: 40px; row-gap: 34px; column-gap: 40px; }
.landscape .reaction img { width: 64px; height: 64px; }
.landscape .reaction .count { font-size: 54px; } .landscape .reaction .label { font-size: 26px; }
.landscape .side { gap: 26px; justify-content: center; }
.landscape .chart { height: 330px; padding: 22px 30px 16px; gap: 10px; }
.landscape .chart-head, .landscape .axis { font-size: 24px; }
.landscape .regions { row-gap: 12px; }
.landscape .region .bar { height: 8px; margin-top: 6px; }
.landscape .region .name, .landscape .region .amount { font-size: 26px; }
.landscape footer { grid-column: span 2; font-size: 26px; }

/* 4:5 and 9:16: stacked. */
.portrait main, .vertical main { grid-template-columns: 1fr; }
.portrait main { padding: 72px 80px 64px; row-gap: 30px; grid-template-rows: auto auto 1fr auto; }
.portrait .brand { font-size: 34px; } .portrait .brand img { width: 48px; height: 48px; }
.portrait .date { font-size: 24px; }
.portrait .headline { gap: 6px; }
.portrait .total-label { font-size: 30px; }
.portrait .total { font-size: 128px; }
.portrait .adjustments { font-size: 23px; }
.portrait .reactions { margin-top: 22px; row-gap: 18px; column-gap: 30px; }
.portrait .reaction img { width: 50px; height: 50px; }
.portrait .reaction .count { font-size: 42px; } .portrait .reaction .label { font-size: 22px; }
.portrait .side { gap: 22px; }
.portrait .chart { height: 270px; padding: 18px 24px 14px; gap: 8px; }
.portrait .chart-head, .portrait .axis { font-size: 21px; }
.portrait .regions { grid-template-columns: 1fr 1fr; column-gap: 44px; row-gap: 12px; }
.portrait .region .name, .portrait .region .amount { font-size: 23px; }
.portrait footer { font-size: 22px; flex-direction: column; align-items: flex-start; gap: 4px; }
.portrait footer .thanks { text-align: left; }

/* TikTok's vertical: the app draws its own buttons on the right and captions at the bottom, so the
   figures keep clear of the lowest fifth and the right edge. */
.vertical main { padding: 150px 120px 330px 80px; row-gap: 48px; grid-template-rows: auto auto 1fr auto; }
.vertical .brand { font-size: 38px; } .vertical .brand img { width: 54px; height: 54px; }
.vertical .date { font-size: 27px; }
.vertical .headline { gap: 8px; }
.vertical .total-label { font-size: 34px; }
.vertical .total { font-size: 138px; }
.vertical .adjustments { font-size: 25px; }
.vertical .reactions { margin-top: 36px; row-gap: 30px; column-gap: 30px; }
.vertical .reaction img { width: 56px; height: 56px; }
.vertical .reaction .count { font-size: 46px; } .vertical .reaction .label { font-size: 25px; }
.vertical .side { gap: 34px; }
.vertical .chart { height: 360px; padding: 22px 26px 16px; gap: 10px; }
.vertical .chart-head, .vertical .axis { font-size: 23px; }
.vertical .regions { row-gap: 18px; }
.vertical .region .name, .vertical .region .amount { font-size: 28px; }
.vertical footer { font-size: 25px; flex-direction: column; align-items: flex-start; gap: 6px; }
.vertical footer .thanks { text-align: left; }
`;
