/**
 * The Todoist filter query language subset used by the mock backend's
 * `GET /api/v1/tasks/filter`:
 *
 *   const query = parseFilterQuery('(today | overdue) & #Work');  // throws FilterSyntaxError
 *   const tasks = filterTasks(query, allTasks, ctx);
 */
export {
  describeFilterTerms,
  FilterSyntaxError,
  MAX_FILTER_QUERY_LENGTH,
  parseFilterQuery,
  type DateRef,
  type FilterNode,
  type FilterQuery,
  type FilterTerm,
} from './parse';
export { filterTasks, matchesFilter, type FilterContext } from './evaluate';
