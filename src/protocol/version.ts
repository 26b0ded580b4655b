/** Bumped whenever a message shape changes incompatibly; both sides refuse a version they do not know. */
export const PROTOCOL_VERSION = 1 as const;
