/**
 * How many tasks each mock dataset has. Its own module so the browser can
 * show "180 tasks" without downloading the dataset generator (dataset.ts
 * re-exports it for the server side).
 */
import type { SIZES } from '@/lib/mcp/setting-choices';

/** Target task count per size: one for each size the endpoint accepts, and no other. */
export const DATASET_SIZES = { tiny: 12, small: 180, large: 5000, hostile: 16 } as const satisfies Record<(typeof SIZES)[number], number>;
export type DatasetSize = keyof typeof DATASET_SIZES;
