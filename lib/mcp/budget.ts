/**
 * Context budgets: a model's context window is shared with everything else
 * in the conversation, so a tool should answer with what matters most and
 * say what it left out — not dump every field of every task.
 */

/** A rough, model-agnostic estimate: about four characters per token for English text and JSON. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Keeps items, in the order given (most important first), while their lines fit
 * in `budgetTokens`. Returns how many of each group were kept.
 */
export function fitToBudget<Item>(
  groups: Array<{ name: string; items: Item[] }>,
  lineOf: (item: Item) => string,
  budgetTokens: number,
): { kept: Map<string, Item[]>; omitted: Map<string, number>; usedTokens: number } {
  const kept = new Map<string, Item[]>();
  const omitted = new Map<string, number>();
  let usedTokens = 0;
  let full = false;
  for (const { name, items } of groups) {
    const fitting: Item[] = [];
    for (const item of items) {
      const cost = estimateTokens(lineOf(item)) + 1;
      if (full || usedTokens + cost > budgetTokens) {
        full = true; // once full, stay full: never skip an important item for a smaller, later one
        continue;
      }
      usedTokens += cost;
      fitting.push(item);
    }
    kept.set(name, fitting);
    omitted.set(name, items.length - fitting.length);
  }
  return { kept, omitted, usedTokens };
}
