/**
 * The themable icons take their colours from attributes of their root element: `color` (used through
 * `currentColor`) for the body, and the inherited `fill` for marks drawn on it (the bubble's dots).
 * The atlas sets them before rasterising, so one SVG serves every theme and every heart colour.
 */
export interface IconColors {
  readonly color?: number;
  readonly fill?: number;
}

export function hex(rgb: number): string {
  return `#${(rgb & 0xffffff).toString(16).padStart(6, '0')}`;
}

/** `svg` with its root `color` and `fill` attributes set (replaced, or added when absent). */
export function recolorSvg(svg: string, colors: IconColors): string {
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root) throw new Error('not an SVG: no <svg> element');
  let tag = root[0];
  for (const name of ['color', 'fill'] as const) {
    const value = colors[name];
    if (value === undefined) continue;
    const attribute = new RegExp(`\\s${name}="[^"]*"`);
    tag = attribute.test(tag) ? tag.replace(attribute, ` ${name}="${hex(value)}"`) : tag.replace(/^<svg\b/, `<svg ${name}="${hex(value)}"`);
  }
  return svg.slice(0, root.index) + tag + svg.slice(root.index + root[0].length);
}

/** Relative luminance (WCAG) of a 0xrrggbb colour, 0 for black to 1 for white. */
export function luminance(rgb: number): number {
  const channel = (shift: number) => {
    const c = ((rgb >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

const DARK_INK = 0x1d2440;
const LIGHT_INK = 0xffffff;

/** Dots on a bubble of colour `body`: deep navy on a light bubble, white on a dark or saturated one. */
export function inkFor(body: number): number {
  const contrastWithWhite = 1.05 / (luminance(body) + 0.05);
  const contrastWithDark = (luminance(body) + 0.05) / (luminance(DARK_INK) + 0.05);
  return contrastWithDark > contrastWithWhite ? DARK_INK : LIGHT_INK;
}
