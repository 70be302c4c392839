import type { RunbookStep, SectionRole } from '../../../shared/domain/runbook';
import type { Attributes } from './attributes';
import type { BlockClass } from './commands';

/** A step as the document walk finds it, before ids, parameters and safety are worked out. */
export interface StepDraft {
  title: string;
  rule: RunbookStep['rule'];
  line: number;
  section: SectionContext;
  /** Plain text of the step as written. */
  text: string;
  command?: string;
  lang?: string;
  blockClass?: BlockClass;
  /** Attributes from the fence info string and any `<!-- rb: -->` comment before it. */
  attributes: Attributes;
  exampleOutput?: string;
  /** Every non-blank line must appear in stdout (from a following `{expect=contains}` block). */
  expectLines?: string;
  /** Still waiting for its command (a list item or numbered heading); a lone block never is. */
  open: boolean;
}

/** The section a step sits in, as the walk tracks it. */
export interface SectionContext {
  id: string;
  title: string;
  role: SectionRole;
  /** Attributes from a `<!-- rb: ... -->` comment right after the heading. */
  attributes: Attributes;
}

/** The context before the first heading. */
export const NO_SECTION: SectionContext = { id: '', title: '', role: 'none', attributes: {} };

/** Returns the first sentence of a paragraph, for step titles, cut at 120 characters. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // A sentence ends at `.`, `!`, `?` or `:` before a capital letter or the end, so
  // abbreviations such as "e.g. sentry-web" stay inside it.
  const match = /^(.+?[.!?:])(?:\s+(?=[A-Z`*_[(])|$)/.exec(flat);
  let sentence = (match?.[1] ?? flat).replace(/[:.]$/, '').trim();
  if (sentence.length > 120) sentence = `${sentence.slice(0, 117).trimEnd()}...`;
  return sentence;
}
