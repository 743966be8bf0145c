/**
 * Numbers a lesson's text states must be the numbers its demo shows. These
 * read the same data the server reads, so an edit to the data fails here
 * before a learner meets a checkpoint that contradicts the panel.
 */
import { describe, expect, it } from 'vitest';
import mockThatLied from '@/lessons/01-mock-that-lied/meta';
import { generateDataset } from '@/lib/mock/dataset';
import { filterTasks, parseFilterQuery } from '@/lib/mock/filter';

describe('lesson 1: the naive overview', () => {
  it('the checkpoint counts the canned todos the naive get_overview lists (due within 7 days), not all of them', () => {
    const today = '2026-10-01';
    const canned = generateDataset({ size: 'tiny', seed: 1, today });
    // The query get_overview sends (lib/mcp/tools/get-overview.ts).
    const due = filterTasks(parseFilterQuery('overdue | today | 7 days'), canned.tasks, {
      today,
      projectsById: new Map(canned.projects.map((project) => [project.id, project])),
      sectionsById: new Map(canned.sections.map((section) => [section.id, section])),
      userId: canned.user.id,
    });
    const question = mockThatLied.checkpoints?.[0]?.question ?? '';
    expect(canned.tasks).toHaveLength(12);
    expect(question).toContain(`overview of ${due.length} tasks`);
  });
});
