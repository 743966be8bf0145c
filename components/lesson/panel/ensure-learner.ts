/**
 * Some requests need to know which learner this browser is: the workspace
 * endpoints (POST /api/mcp/scenario) and the stand-in's consent page (each
 * learner's own copy of a sample account). A first-time visitor has no
 * `dojo-learner` cookie until some request issues it, so ask for it first.
 */
let learnerKnown: Promise<void> | undefined;

export function ensureLearner(): Promise<void> {
  learnerKnown ??= fetch('/api/learner', { credentials: 'same-origin' }).then((response) => {
    if (!response.ok) throw new Error(`GET /api/learner answered ${response.status}`);
  });
  // A failure is not remembered: the next click asks again.
  learnerKnown.catch(() => (learnerKnown = undefined));
  return learnerKnown;
}
