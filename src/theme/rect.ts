/**
 * The one rectangle type: in stage pixels of the 1920x1080 stage, unless its owner says otherwise (an
 * atlas frame is in texture pixels).
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
