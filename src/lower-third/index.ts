export * from './card.ts';
export * from './machine.ts';
export * from './resolve.ts';
export * from './presentation.ts';
