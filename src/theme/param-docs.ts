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

/** The parts of zod's JSON Schema we read; it carries our `.meta()` (ParamMeta) and `.describe()` too. */
interface JsonSchemaPart extends Partial<ParamMeta> {
  description?: string;
  group?: ParamGroup;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  items?: JsonSchemaPart;
}

type FieldSchema = (typeof OverlayParamsSchema.shape)[ParamName];

function describeField(name: ParamName, field: FieldSchema): ParamDoc {
  // The JSON Schema of the typed side is zod's public view of enums, ranges, descriptions and meta.
  const json = z.toJSONSchema(field, { io: 'output', unrepresentable: 'any' }) as JsonSchemaPart;
  if (json.control === undefined || json.group === undefined) throw new Error(`parameter ${name} needs a control and a group in its meta`);
  const options = (json.options ?? json.enum ?? json.items?.enum ?? []).map(String);
  const isRange = json.minimum !== undefined && json.maximum !== undefined;
  const allowedPhrase: Phrase =
    json.allowed ?? (isRange ? { id: 'range', args: { min: json.minimum!, max: json.maximum! } } : { id: 'values', args: { values: options.join(' | ') } });
  return {
    name,
    group: json.group,
    control: json.control,
    allowed: say(allowedPhrase, 'en'),
    allowedPhrase,
    defaultText: String(z.encode(field, z.parse(field, undefined) as never)),
    description: json.description ?? '',
    options,
    ...(isRange ? { min: json.minimum, max: json.maximum, step: json.step } : {}),
  };
}

const described = new Map<ParamName, ParamDoc>();

/**
 * One parameter's doc, read off its schema the first time it is asked for. The overlay asks only about
 * the parameters a URL got wrong: describing all of them (zod's JSON Schema of each) would cost every boot.
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
