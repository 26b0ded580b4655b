export * from './amount.ts';
export * from './milestones.ts';
export * from './format.ts';
export * from './reference.ts';
