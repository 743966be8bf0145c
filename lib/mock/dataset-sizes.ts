/**
 * How many tasks each mock dataset has. Its own module so the browser can
 * show "180 tasks" without downloading the dataset generator (dataset.ts
 * re-exports it for the server side).
 */

/** Target task count per size. */
export const DATASET_SIZES = { tiny: 12, small: 180, large: 5000 } as const;
export type DatasetSize = keyof typeof DATASET_SIZES;
