import { CanvasTextMetrics } from 'pixi.js';
import { wordPieces } from '../i18n/word-pieces.ts';

/**
 * Teaches pixi's word wrap where Thai lines may break. Pixi splits a line at spaces, and a token too long
 * for the line (with `breakWords`) between any two graphemes; a Thai phrase has no spaces, so it would be
 * cut mid-word. Its hook for splitting a token gets whole words instead (i18n/word-pieces.ts).
 * Installed once at start-up, before any text is measured.
 */
export function installLineBreaking(): void {
  CanvasTextMetrics.wordWrapSplit = wordPieces;
}
