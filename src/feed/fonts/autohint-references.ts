/**
 * The characters FreeType's auto-hinter measures a font's CJK ideographs by: the tops and bottoms of these
 * (its blue strings, afblue.dat's CJK_TOP and CJK_BOTTOM) and the stems of its standard characters (田, 囗)
 * set the zones every other ideograph of the font is snapped to. Chromium on Linux and OBS's browser draw
 * unhinted web fonts, as Google's CJK slices are, with that hinter: the same outline is drawn a little
 * differently in a font that holds some of these than in one that holds others, or none. Measured: slices
 * 77, 80, 90 and 91 of Noto Sans JP 500 (none of these) merged draw their kanji with no pixel changed;
 * 77 merged with 111 (which has 過) changes 316 of 6009 inked pixels.
 */
export const HINTING_REFERENCES = '他们你來們到和地对對就席我时時會来為能舰說说这這齊军同已愿既星是景民照现現理用置要軍那配里開雷露面顾个为人以個大有主些因它想意生當看着者自著裡过还进進過道還田囗';
