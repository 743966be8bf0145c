export * from './backoff';
export * from './breaker';
export * from './cache';
export * from './deadline';
export * from './execute';
export * from './timeline';
