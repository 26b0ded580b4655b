import { z } from '../protocol/zod.ts';
import { say, type Phrase } from '../i18n/words.ts';
import type { ParamControl, ParamMeta } from './param-types.ts';
import { OverlayParamsSchema, PARAM_NAMES, type ParamGroup, type ParamName } from './params-schema.ts';

/**
 * What a producer needs to know about one parameter, read off the schema: the README table, the error card
 * ("allowed: ...") and the URL builder's controls are all drawn from these, never written by hand.
 */
export interface ParamDoc {
  readonly name: ParamName;
  readonly group: ParamGroup;
  readonly control: ParamControl;
  /** The allowed values in English words: `top | bottom | left | right`, `0.5 to 2`. */
  readonly allowed: string;
  /** The same as a phrase, for the error card to say in the overlay's language. */
  readonly allowedPhrase: Phrase;
  /** The default, spelled as in a URL. */
  readonly defaultText: string;
  readonly description: string;
  /** The words of a select or multi control. */
  readonly options: readonly string[];
  /** The range and step of a number control. */
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
}

/** What the schema registers about a parameter: its value's meta (ParamMeta), its group and description. */
interface FieldMeta extends Partial<ParamMeta> {
  group?: ParamGroup;
  description?: string;
}

type FieldSchema = (typeof OverlayParamsSchema.shape)[ParamName];

function describeField(name: ParamName, field: FieldSchema): ParamDoc {
  // A field is its value's codec (control, words, range: param-types.ts) inside its default (group and
  // description: params-schema.ts); zod's registry holds the meta of each. Reading it, rather than zod's
  // JSON Schema of the field, keeps zod's JSON Schema code out of the overlay.
  const meta: FieldMeta = { ...z.globalRegistry.get(field.def.innerType), ...z.globalRegistry.get(field) };
  if (meta.control === undefined || meta.group === undefined) throw new Error(`parameter ${name} needs a control and a group in its meta`);
  const options = (meta.options ?? []).map(String);
  const isRange = meta.min !== undefined && meta.max !== undefined;
  const allowedPhrase: Phrase =
    meta.allowed ?? (isRange ? { id: 'range', args: { min: meta.min!, max: meta.max! } } : { id: 'values', args: { values: options.join(' | ') } });
  return {
    name,
    group: meta.group,
    control: meta.control,
    allowed: say(allowedPhrase, 'en'),
    allowedPhrase,
    defaultText: String(z.encode(field, z.parse(field, undefined) as never)),
    description: meta.description ?? '',
    options,
    ...(isRange ? { min: meta.min, max: meta.max, step: meta.step } : {}),
  };
}

const described = new Map<ParamName, ParamDoc>();

/**
 * One parameter's doc, read off its schema the first time it is asked for. The overlay asks only about
 * the parameters a URL got wrong: describing all of them would cost every boot.
 */
export function paramDoc(name: ParamName): ParamDoc {
  let doc = described.get(name);
  if (doc === undefined) described.set(name, (doc = describeField(name, OverlayParamsSchema.shape[name])));
  return doc;
}

/** Every parameter's doc by name, each described when it is first read. */
export const PARAM_DOCS: Readonly<Record<ParamName, ParamDoc>> = Object.defineProperties(
  {},
  Object.fromEntries(PARAM_NAMES.map((name) => [name, { enumerable: true, get: () => paramDoc(name) }])),
) as Record<ParamName, ParamDoc>;

/** The docs in schema order. */
export function paramDocList(): readonly ParamDoc[] {
  return PARAM_NAMES.map(paramDoc);
}
