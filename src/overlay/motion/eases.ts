/**
 * The eases the overlay's motion uses, with gsap's names and gsap's exact formulas (gsap-core.js,
 * `_insertEase` and `_configBack`), so that every frame lands where gsap put it. Only the eases in use are
 * here; a new one is added with its gsap formula.
 */

/** Maps a tween's progress (0..1, linear in time) to how far its values have moved. */
export type Ease = (progress: number) => number;

/** gsap counts from `power1` (a quadratic); its exponent is one more than the number in the name. */
type Power = 1 | 2 | 3 | 4;
type Side = 'in' | 'out' | 'inOut';
/** `back.out(overshoot)`: passes its end by a little and settles back (gsap's default overshoot is 1.70158). */
export type EaseName = 'none' | `power${Power}.${Side}` | `back.out(${number})`;

const linear: Ease = (p) => p;

function power(exponent: number, side: Side): Ease {
  if (side === 'in') return (p) => Math.pow(p, exponent);
  if (side === 'out') return (p) => 1 - Math.pow(1 - p, exponent);
  return (p) => (p < 0.5 ? Math.pow(p * 2, exponent) / 2 : 1 - Math.pow((1 - p) * 2, exponent) / 2);
}

function backOut(overshoot: number): Ease {
  // gsap's own expression, `--p * p * ((overshoot + 1) * p + overshoot) + 1`, written out step by step.
  return (p) => {
    if (!p) return 0;
    const q = p - 1;
    return q * q * ((overshoot + 1) * q + overshoot) + 1;
  };
}

const known = new Map<string, Ease>();

/** The ease a name stands for; made once per name. Throws for a name outside EaseName (a typo in a cast). */
export function easeOf(name: EaseName): Ease {
  let ease = known.get(name);
  if (!ease) {
    ease = parse(name);
    known.set(name, ease);
  }
  return ease;
}

function parse(name: string): Ease {
  if (name === 'none') return linear;
  const powerMatch = /^power([1-4])\.(in|out|inOut)$/.exec(name);
  if (powerMatch) return power(Number(powerMatch[1]) + 1, powerMatch[2] as Side);
  const backMatch = /^back\.out\(([^)]+)\)$/.exec(name);
  const overshoot = backMatch ? Number(backMatch[1]) : NaN;
  if (Number.isFinite(overshoot)) return backOut(overshoot);
  throw new Error(`unknown ease "${name}": use none, power1..4.in/out/inOut or back.out(overshoot)`);
}
