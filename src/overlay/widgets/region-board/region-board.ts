import { Container, Sprite, type Text } from 'pixi.js';
import { motion } from '../../motion/motion.ts';
import type { Tween } from '../../motion/tween.ts';
import { wordsOf } from '../../../i18n/words.ts';
import type { FeedState, LowerThirdState, StageRegionState } from '../../../protocol/index.ts';
import { bakeSmooth } from '../../art/bake.ts';
import { loadFontWeights } from '../../fonts.ts';
import { moneyChars, moneyOf } from '../../../overlay-text/money-text.ts';
import { mixRgb } from '../../../theme/color.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import type { Widget, WidgetContext } from '../../widget.ts';
import { MeterResources, meterPanel, meterText } from '../donation-meter/parts.ts';
import { BoardModel, regionOnStage } from './board-model.ts';
import { BoardRow, type RowStyle } from './board-row.ts';
import japanMap from './japan-map.json';
import { clockHeight } from '../show-clock/show-clock.ts';
import { discArt, mapArt, plateArt, ringArt } from './map-art.ts';
import { projectOnMap, type JapanMap } from './map-projection.ts';

export type BoardLayout = 'map' | 'bars';

/** The board's money: how an amount is written, and every character that writing can use. */
export interface BoardMoney {
  readonly amount: (minor: number) => string;
  readonly chars: string;
}

const MAP: JapanMap = japanMap;
const PAD = 18;
const TITLE_SIZE = 15;
const TOP = PAD + TITLE_SIZE + 14;
/** Between the map and the rows: room for the name of a mark on the east coast. */
const MAP_GAP = 44;

interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly row: RowStyle;
  readonly amountSize: number;
  readonly shareSize: number;
  /** Where the rows start (x) and, for the map, the map's box. */
  readonly rowsX: number;
  readonly map: { readonly x: number; readonly y: number; readonly scale: number } | null;
}

function geometry(layout: BoardLayout, regions: number): Geometry {
  if (layout === 'bars') {
    const row: RowStyle = { width: 400 - 2 * PAD + 24, height: 50, nameSize: 19, bar: true };
    return { width: 400, height: TOP + regions * row.height + PAD - 6, row, amountSize: 21, shareSize: 16, rowsX: PAD - 12, map: null };
  }
  const row: RowStyle = { width: 232, height: Math.min(70, Math.floor(340 / regions)), nameSize: 19, bar: false };
  const mapHeight = Math.max(300, regions * row.height);
  const scale = mapHeight / MAP.height;
  const mapWidth = MAP.width * scale;
  return {
    width: PAD + mapWidth + MAP_GAP + row.width + PAD - 12,
    height: TOP + mapHeight + PAD - 4,
    row,
    amountSize: 26,
    shareSize: 17,
    rowsX: PAD + mapWidth + MAP_GAP - 12,
    map: { x: PAD, y: TOP, scale },
  };
}

/** Top right of the title-safe area, at the theme's scale; under the show clock when it shows. */
function boardPosition(theme: Theme, width: number): { x: number; y: number; scale: number } {
  const { safe, scale, widgets } = theme.layout;
  const below = widgets.clock ? clockHeight(theme) + 14 * scale : 0;
  return { x: Math.round(safe.x + safe.width - width * scale), y: Math.round(safe.y + below), scale };
}

interface Mark {
  readonly disc: Sprite;
  readonly ring: Sprite;
  readonly label: Text;
}

const MARK_MIN = 10;
const MARK_MAX = 44;
const DISC = 64;
/** The highlight ring reaches this far (diameter) around the largest mark. */
const RING_MAX = MARK_MAX + 14;
/** Seconds a row takes to glide to its new place. */
const REORDER_SECONDS = 0.7;

/**
 * The region board (`widgets=…,board`): every region side by side with its name in the overlay's language,
 * its amount (counting up like the meter) and its share, on a map of Japan (each region's mark at its place,
 * growing with its amount) or as compact bars (`board=bars`). The region on stage is highlighted. Rows are
 * ranked by amount and glide to a new place when one region passes another. Panel, map and names are baked
 * or static; only the figures, the marks' sizes and the rows' places move, and only while they change.
 */
export class RegionBoard implements Widget {
  readonly name = 'region-board';
  readonly view = new Container({ label: 'region-board', isRenderGroup: true });
  private readonly resources = new MeterResources();
  private readonly model: BoardModel;
  private readonly rows = new Map<string, BoardRow>();
  private readonly marks = new Map<string, Mark>();
  private readonly count = { progress: 1 };
  private counting: Tween | null = null;
  private readonly gliding = new Set<Tween>();
  private order: string[];
  private producerChoice: string | null = null;
  private lowerThirdRegion: string | null = null;
  private highlighted: string | null = null;
  private dirty = true;
  private destroyed = false;
  private readonly geometry: Geometry;

  constructor(
    private readonly context: WidgetContext,
    readonly layout: BoardLayout,
    private readonly money: BoardMoney,
    regionName: (id: string) => string,
  ) {
    const { theme, resolution, campaign } = context;
    const ids = campaign.regions.map((region) => region.id);
    this.model = new BoardModel(ids);
    this.order = this.model.ranking();
    const g = (this.geometry = geometry(layout, ids.length));
    const place = boardPosition(theme, g.width);
    this.view.position.set(place.x, place.y);
    this.view.scale.set(place.scale);
    const pixels = resolution * place.scale;

    const backdrop = new Container({ label: 'region-board-backdrop' });
    backdrop.addChild(...meterPanel(theme, g.width, g.height, this.resources).layers);
    backdrop.addChild(meterText(theme, wordsOf(context.lang).regionBoard, { x: PAD, y: PAD, size: TITLE_SIZE, weight: theme.weights.heavy, color: theme.colors.label, letterSpacing: theme.labels.letterSpacing, resolution: pixels }));
    if (g.map) {
      const land = mixRgb(theme.colors.panelBottom, theme.colors.text, 0.3);
      const art = this.resources.own(mapArt(MAP, g.map.scale, pixels, { land, landAlpha: 0.9, coast: theme.colors.text, coastAlpha: 0.45 }));
      const map = new Sprite(art);
      map.position.set(g.map.x - 2, g.map.y - 2);
      backdrop.addChild(map);
    }
    this.view.addChild(bakeSmooth(backdrop, pixels));

    if (g.map) this.buildMarks(g.map, regionName, pixels);
    const strips = {
      amount: this.resources.figureStrip(theme, g.amountSize, money.chars, pixels),
      share: this.resources.figureStrip(theme, g.shareSize, '0123456789%', pixels),
    };
    const plates = { row: this.resources.own(plateArt(8, pixels)), bar: this.resources.own(plateArt(3.5, pixels)) };
    const rowLayer = new Container({ label: 'region-board-rows' });
    for (const id of ids) {
      const row = new BoardRow(theme, regionName(id), g.row, strips, plates, pixels);
      row.container.position.set(g.rowsX, TOP - 4 + this.order.indexOf(id) * g.row.height);
      this.rows.set(id, row);
      rowLayer.addChild(row.container);
    }
    this.view.addChild(rowLayer);
    this.render();
  }

  onFeed(state: FeedState): void {
    // A region's overlay feeds the board from its campaign connection (onCampaignState).
    if (state.region === null && state.market === null) this.showAmounts(state);
  }

  onCampaignState(state: FeedState): void {
    this.showAmounts(state);
  }

  private showAmounts(state: FeedState): void {
    if (this.model.setTargets(state.byRegionMinor)) {
      this.counting?.kill();
      this.count.progress = 0;
      this.counting = motion.to(this.count, { progress: 1 }, {
        duration: this.context.theme.donationMeter.fillSeconds,
        ease: 'power3.out',
        onComplete: () => {
          this.counting = null;
          this.dirty = true;
        },
      });
      this.reorder();
    }
    this.dirty = true;
  }

  onLowerThird(state: LowerThirdState): void {
    this.lowerThirdRegion = state.current?.region.id ?? null;
    this.chooseHighlight();
  }

  onStageRegion(state: StageRegionState): void {
    this.producerChoice = state.region;
    this.chooseHighlight();
  }

  update(): boolean {
    const moving = this.counting !== null || this.gliding.size > 0;
    if (moving || this.dirty) {
      this.model.setProgress(this.count.progress);
      this.render();
    }
    return moving;
  }

  inspect(): Record<string, unknown> {
    return {
      layout: this.layout,
      order: [...this.order],
      highlighted: this.highlighted,
      rows: Object.fromEntries([...this.rows].map(([id, row]) => [id, { amount: row.amountText, share: row.shareText }])),
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.counting?.kill();
    for (const tween of this.gliding) tween.kill();
    this.view.destroy({ children: true });
    this.resources.destroy();
  }

  private chooseHighlight(): void {
    this.highlighted = regionOnStage(this.producerChoice, this.lowerThirdRegion, this.model.ids);
    this.dirty = true;
  }

  private buildMarks(map: NonNullable<Geometry['map']>, regionName: (id: string) => string, pixels: number): void {
    const { theme } = this.context;
    const disc = this.resources.own(discArt(DISC, pixels));
    const ring = this.resources.own(ringArt(DISC, 5, pixels));
    const layer = new Container({ label: 'region-board-marks' });
    for (const region of this.context.campaign.regions) {
      if (!region.location) continue;
      const point = projectOnMap(MAP, region.location.lat, region.location.lon);
      const x = map.x + point.x * map.scale;
      const y = map.y + point.y * map.scale;
      const mark: Mark = {
        disc: new Sprite({ texture: disc, anchor: 0.5, x, y, alpha: 0.85 }),
        ring: new Sprite({ texture: ring, anchor: 0.5, x, y, visible: false }),
        label: meterText(theme, regionName(region.id), { x: 0, y: 0, size: 18, weight: theme.weights.heavy, color: theme.colors.text, resolution: pixels }),
      };
      mark.disc.tint = theme.colors.accent;
      mark.ring.tint = theme.colors.celebration;
      // The name beside its mark, on the side with room, clear of the largest the mark can grow.
      const clear = RING_MAX / 2 + 3;
      const right = x + clear + mark.label.width < map.x + MAP.width * map.scale + MAP_GAP - 16;
      mark.label.position.set(right ? x + clear : x - clear - mark.label.width, y - mark.label.height / 2);
      this.marks.set(region.id, mark);
      layer.addChild(mark.disc, mark.ring, mark.label);
    }
    this.view.addChild(layer);
  }

  /** Rows glide to the places of the new ranking; a row already where it belongs does not move. */
  private reorder(): void {
    const next = this.model.ranking();
    if (next.join() === this.order.join()) return;
    this.order = next;
    const { row } = this.geometry;
    next.forEach((id, place) => {
      const container = this.rows.get(id)!.container;
      const y = TOP - 4 + place * row.height;
      if (container.y === y) return;
      const tween = motion.to(container, { y }, {
        duration: REORDER_SECONDS * this.context.theme.motion.durationScale,
        ease: 'power2.inOut',
        onComplete: () => {
          this.gliding.delete(tween);
          this.dirty = true;
        },
      });
      this.gliding.add(tween);
    });
  }

  private render(): void {
    this.dirty = false;
    const max = this.model.maxShown;
    const ids = this.model.ids;
    for (const id of ids) {
      const shown = this.model.shown(id);
      const row = this.rows.get(id)!;
      row.show(this.money.amount(shown), this.model.sharePercent(id), max === 0 ? 0 : shown / max);
      row.highlight(id === this.highlighted);
      const mark = this.marks.get(id);
      if (mark) {
        const diameter = MARK_MIN + (MARK_MAX - MARK_MIN) * (max === 0 ? 0 : Math.sqrt(shown / max));
        mark.disc.scale.set(diameter / DISC);
        const on = id === this.highlighted;
        mark.disc.tint = on ? this.context.theme.colors.celebration : this.context.theme.colors.accent;
        mark.ring.visible = on;
        mark.ring.scale.set((diameter + RING_MAX - MARK_MAX) / DISC);
      }
    }
  }
}

/** Loads the board's glyphs (names, title, figures) and builds it in the layout the theme asks for. */
export async function createRegionBoard(context: WidgetContext): Promise<RegionBoard> {
  const { theme } = context;
  const formatted = moneyOf(context.campaign.currency, theme);
  const money: BoardMoney = { amount: formatted.amount, chars: moneyChars(formatted) };
  const regionName = (id: string) => {
    const region = context.campaign.regions.find((candidate) => candidate.id === id)!;
    return context.text(region.name, `name of region ${id}`);
  };
  const layout = theme.layout.board.style;
  const names = context.campaign.regions.map((region) => regionName(region.id)).join('');
  await loadFontWeights(theme, [
    [theme.weights.heavy, wordsOf(context.lang).regionBoard + names],
    [theme.weights.number, money.chars],
  ]);
  return new RegionBoard(context, layout, money, regionName);
}
