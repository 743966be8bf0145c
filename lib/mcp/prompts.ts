import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';

// Module level: a server is built per request, its schemas need not be.
const DailyReviewArgs = z.object({ focus: z.string().optional().describe('Optional: a project or theme to focus on') });

/** A daily review that makes the model check where its data came from before it plans anything. */
export function registerDojoPrompts(server: McpServer): void {
  server.registerPrompt(
    'daily_review',
    {
      title: 'Daily review',
      description: 'Plan the day from Todoist: overdue first, then today, with a check of the data source',
      argsSchema: DailyReviewArgs,
    },
    ({ focus }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              'Help me plan my day from my Todoist.',
              '1. Call get_overview. Read its first line (Source: …) before anything else: if it says MOCK DATA or',
              '   CACHED, tell me so plainly and do not present those tasks as my real, current ones.',
              '2. Start with overdue tasks, then today, most urgent (p1) first. Suggest what to do, move or drop.',
              '3. Keep it short: at most 7 tasks for today, with their ids so I can complete them.',
              focus ? `Focus on: ${focus}.` : '',
            ]
              .filter(Boolean)
              .join('\n'),
          },
        },
      ],
    }),
  );
}
