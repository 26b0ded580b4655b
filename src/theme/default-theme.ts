import { defaultParams } from './params-schema.ts';
import { resolveTheme } from './resolve-theme.ts';

export type { Theme } from './theme.ts';

/** The theme of an overlay URL without parameters: the Local Love preset, every default. */
export const defaultTheme = resolveTheme(defaultParams());
