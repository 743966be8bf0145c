import { copyingStore } from '@/lib/state/__tests__/copying-store';
import { describeOneTimeRaces } from './one-time-races';

// One store handing out copies = two instances sharing one Redis (the Redis run is in lib/state).
describeOneTimeRaces('memory store, copies', () => {
  const shared = copyingStore();
  return [shared, shared];
});
