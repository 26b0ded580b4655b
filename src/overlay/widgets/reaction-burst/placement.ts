/**
 * The transform that moves the flow from where its look draws it to where the layout wants it. The look
 * rises on the right and leans left, towards the middle of the picture; moved to the left half, the flow is
 * mirrored about its new centre so it still leans towards the middle and never towards the edge.
 */
export interface FlowTransform {
  readonly x: number;
  readonly y: number;
  /** -1 when mirrored. */
  readonly scaleX: 1 | -1;
}

export function flowTransform(columnCentreX: number, offset: { x: number; y: number }, stageWidth = 1920): FlowTransform {
  const centre = columnCentreX + offset.x;
  if (centre >= stageWidth / 2) return { x: offset.x, y: offset.y, scaleX: 1 };
  // x -> (column centre + new centre) - x: the column's centre lands on the new one, mirrored about it.
  return { x: columnCentreX + centre, y: offset.y, scaleX: -1 };
}
