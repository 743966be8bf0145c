export * from './schemas';
export * from './errors';
export * from './transport';
export * from './client';
export * from './pagination';
export * from './tree';
export * from './ids';
export { readRetryAfterSeconds } from './retry-after';
