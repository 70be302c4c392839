import type { Runbook, RunbookStep } from '../../../shared/domain/runbook';

/** Consecutive steps of one section, each with its position in the whole runbook. */
export interface StepGroup {
  sectionId: string;
  section: string;
  steps: { step: RunbookStep; index: number }[];
}

/** Groups consecutive steps of the same section, keeping each step's position in the runbook. */
export function groupBySection(steps: RunbookStep[]): StepGroup[] {
  const groups: StepGroup[] = [];
  steps.forEach((step, index) => {
    const last = groups.at(-1);
    if (last && last.sectionId === step.sectionId) last.steps.push({ step, index });
    else
      groups.push({ sectionId: step.sectionId, section: step.section, steps: [{ step, index }] });
  });
  return groups;
}

/** One outline row: a section heading with its role and the ids of the steps under it. */
export interface OutlineEntry {
  id: string;
  title: string;
  /** Heading level relative to the shallowest listed heading, from 0. */
  level: number;
  role: Runbook['sections'][number]['role'];
  stepIds: string[];
}

/**
 * Builds the outline of a runbook: every section heading in file order with its steps. A
 * single level-1 heading without steps is the runbook's title, shown above, so it is left out.
 */
export function buildOutline(runbook: Runbook): OutlineEntry[] {
  const topLevel = runbook.sections.filter((section) => section.depth === 1);
  const hasSteps = (sectionId: string): boolean =>
    runbook.steps.some((step) => step.sectionId === sectionId);
  const listed = runbook.sections.filter(
    (section) => !(topLevel.length === 1 && section.depth === 1 && !hasSteps(section.id)),
  );
  const minDepth = Math.min(...listed.map((section) => section.depth));
  return listed.map((section) => ({
    id: section.id,
    title: section.title,
    level: section.depth - minDepth,
    role: section.role,
    stepIds: runbook.steps.filter((step) => step.sectionId === section.id).map((step) => step.id),
  }));
}

/** Whether a step's text only repeats its title, ignoring spacing and a final full stop. */
export function repeatsTitle(text: string, title: string): boolean {
  const normalise = (value: string): string =>
    value
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.…]+$/, '');
  return normalise(text) === normalise(title);
}
