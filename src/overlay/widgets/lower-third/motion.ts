import { motion } from '../../motion/motion.ts';
import type { Timeline } from '../../motion/timeline.ts';
import type { Container } from 'pixi.js';
import type { CardLayout } from './layout.ts';
import { TEXT_ROLES, type LowerThirdCardView } from './view.ts';

/**
 * The lower third's choreography, as timelines (motion/, driven by the overlay's one clock). Timings are in
 * seconds at normal motion; the theme's durationScale shortens them for reduced motion.
 *
 * Entrance (0.85 s): the accent bar wipes down and the photo pops, the plate and the strip wipe out of
 * the bar, then the names and the title slide in one after the other, and the region tab rises last.
 * Exit (0.55 s): the texts fade, the strip and the plate wipe back into the bar, the photo and bar go.
 */

/** Texts slide in this far: short enough to start clear of the accent bar. */
const TEXT_SLIDE = 18;

export function entrance(card: LowerThirdCardView, durationScale: number): Timeline {
  const { parts, layout } = card;
  card.snapTo(layout);
  const texts = TEXT_ROLES.filter((role) => role !== 'region').map((role) => parts.texts[role]);
  const timeline = motion.timeline({ paused: true });
  timeline
    .set(parts.bar.scale, { y: 0 }, 0)
    .set([parts.plate, parts.strip], { width: 0 }, 0)
    .set([parts.plateShadow, parts.stripShadow], { alpha: 0, width: 0 }, 0)
    .set([parts.tab, parts.pin, parts.texts.region], { alpha: 0 }, 0)
    .set(texts, { alpha: 0 }, 0)
    .to(parts.bar.scale, { y: 1 }, { duration: 0.3, ease: 'power3.out', at: 0 });
  if (parts.photo) {
    timeline
      .fromTo(parts.photo, { alpha: 0 }, { alpha: 1 }, { duration: 0.25, ease: 'power1.out', at: 0.02 })
      .fromTo(parts.photo.scale, { x: 0.55, y: 0.55 }, { x: 1, y: 1 }, { duration: 0.55, ease: 'back.out(1.8)', at: 0.02 });
  }
  timeline
    .to(parts.plate, { width: layout.plate.width }, { duration: 0.5, ease: 'power4.out', onUpdate: card.fitShadows, at: 0.12 })
    .to(parts.plateShadow, { alpha: 1 }, { duration: 0.4, ease: 'power1.out', at: 0.16 })
    .to(parts.strip, { width: layout.strip.width }, { duration: 0.5, ease: 'power4.out', onUpdate: card.fitShadows, at: 0.2 })
    .to(parts.stripShadow, { alpha: 1 }, { duration: 0.4, ease: 'power1.out', at: 0.24 });
  texts.forEach((text, index) => {
    const at = 0.3 + index * 0.08;
    timeline
      .fromTo(text, { alpha: 0 }, { alpha: 1 }, { duration: 0.35, ease: 'power2.out', at })
      .fromTo(text.position, { x: text.position.x - TEXT_SLIDE }, { x: text.position.x }, { duration: 0.45, ease: 'power3.out', at });
  });
  const rise = [parts.tab, parts.pin, parts.texts.region];
  timeline.to(rise, { alpha: 1 }, { duration: 0.2, ease: 'power1.out', at: 0.5 });
  for (const part of rise) timeline.fromTo(part.position, { y: part.position.y + 14 }, { y: part.position.y }, { duration: 0.35, ease: 'back.out(2.2)', at: 0.5 });
  return timeline.playSpeed(1 / durationScale);
}

export function exit(card: LowerThirdCardView, durationScale: number): Timeline {
  const { parts } = card;
  const texts = TEXT_ROLES.map((role) => parts.texts[role]);
  const timeline = motion.timeline({ paused: true });
  timeline
    .to([...texts, parts.pin], { alpha: 0 }, { duration: 0.16, ease: 'power1.in', at: 0 })
    .to(parts.tab, { alpha: 0 }, { duration: 0.16, ease: 'power1.in', at: 0.02 })
    .to(parts.tab.position, { y: parts.tab.position.y + 10 }, { duration: 0.16, ease: 'power1.in', at: 0.02 })
    .to(parts.strip, { width: 0 }, { duration: 0.3, ease: 'power3.in', onUpdate: card.fitShadows, at: 0.08 })
    .to(parts.plate, { width: 0 }, { duration: 0.32, ease: 'power3.in', onUpdate: card.fitShadows, at: 0.12 })
    .to([parts.plateShadow, parts.stripShadow], { alpha: 0 }, { duration: 0.25, ease: 'power1.in', at: 0.1 })
    .to(parts.bar.scale, { y: 0 }, { duration: 0.2, ease: 'power2.in', at: 0.34 });
  if (parts.photo) {
    timeline
      .to(parts.photo.scale, { x: 0.7, y: 0.7 }, { duration: 0.25, ease: 'power2.in', at: 0.22 })
      .to(parts.photo, { alpha: 0 }, { duration: 0.25, ease: 'power1.in', at: 0.22 });
  }
  return timeline.playSpeed(1 / durationScale);
}

/**
 * An update of the card on air: changed texts (and a changed photo) cross-fade, and everything glides to
 * the new layout. No entrance is replayed: the card stays on screen throughout.
 */
export function update(card: LowerThirdCardView, change: { layout: CardLayout; leaving: Container[]; arriving: Container[] }, durationScale: number): Timeline {
  const timeline = motion.timeline({ paused: true });
  const moveTo = card.targets(change.layout);
  const placement = card.placement;
  timeline.to(change.leaving, { alpha: 0 }, { duration: 0.18, ease: 'power1.in', at: 0 });
  for (const [target, values] of moveTo) {
    if (target === card.parts.plateShadow || target === card.parts.stripShadow) continue; // they follow their panels
    if (change.arriving.some((part) => part.position === target || part.scale === target)) {
      motion.set(target, values); // a new part starts where it ends
    } else {
      timeline.to(target, values, { duration: 0.4, ease: 'power2.inOut', onUpdate: card.fitShadows, at: 0.05 });
    }
  }
  timeline.to(card.root.position, { x: placement.x, y: placement.y }, { duration: 0.4, ease: 'power2.inOut', at: 0.05 });
  timeline.to(card.root.scale, { x: placement.scale, y: placement.scale }, { duration: 0.4, ease: 'power2.inOut', at: 0.05 });
  timeline.fromTo(change.arriving, { alpha: 0 }, { alpha: 1 }, { duration: 0.3, ease: 'power2.out', at: 0.2 });
  timeline.call(() => card.release(change.leaving));
  return timeline.playSpeed(1 / durationScale);
}
