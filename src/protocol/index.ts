export * from './version.ts';
export * from './primitives.ts';
export * from './totals.ts';
export * from './campaign.ts';
export * from './feed.ts';
export * from './events.ts';
export * from './errors.ts';
