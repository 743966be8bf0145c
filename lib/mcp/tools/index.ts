/** Every tool of the Dojo server, one per file. */
import { completeTaskTool } from './complete-task';
import { createTaskTool } from './create-task';
import { deleteTaskTool } from './delete-task';
import { filterTasksTool } from './filter-tasks';
import { getOverviewTool } from './get-overview';
import { getTaskTool } from './get-task';
import { listProjectsTool } from './list-projects';
import { listTasksTool } from './list-tasks';

export const DOJO_TOOLS = [
  listProjectsTool,
  listTasksTool,
  filterTasksTool,
  getTaskTool,
  getOverviewTool,
  createTaskTool,
  completeTaskTool,
  deleteTaskTool,
] as const;
