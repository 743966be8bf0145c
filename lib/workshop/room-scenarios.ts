/**
 * The upstream scenarios a presenter can switch a whole room to: the faults
 * of a real API. (The lesson-only `naive` mock and the auth faults are not
 * something an upstream does to a room.) Plain data, so the presenter's page
 * gets the list without the validation library.
 */
import type { ScenarioName } from '@/lib/mock/scenario-names';

export const ROOM_SCENARIOS = ['faithful', 'rate-limited', 'flaky', 'slow', 'timeout', 'down', 'malformed', 'page-fails'] as const satisfies readonly ScenarioName[];
