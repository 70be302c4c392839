import { slug } from 'github-slugger';
import type {
  RunbookParam,
  RunbookSection,
  RunbookStep,
  StepKind,
} from '../../../shared/domain/runbook';
import { readBool, readDuration, readIntList } from './attributes';
import type { RunbookSettings } from './front-matter';
import { parseExpression } from './expression';
import { scanPromql } from './promql';
import { detectFollow, detectInteractive } from './interactive';
import { ACTION_ROLES } from './sections';
import { scanShell } from './shell-scan';
import { assessSafety } from './step-safety';
import { NO_SECTION, firstSentence, type StepDraft } from './step-draft';
import type { WalkResult } from './document-walk';

/** Parameter names that hold credentials; inferred parameters with them are secrets. */
const SECRET_NAME = /(PASSWORD|PASSWD|TOKEN|SECRET|API_KEY|PRIVATE_KEY|CREDENTIALS)/;

/** Steps with ids, parameters and safety worked out, and every parameter they use. */
export interface FinalSteps {
  steps: RunbookStep[];
  params: RunbookParam[];
}

/** Turns step drafts into steps: adds prose-only sections, ids, parameters and safety. */
export function finalizeSteps(
  walk: WalkResult,
  settings: RunbookSettings,
  title: string,
  warnings: string[],
): FinalSteps {
  const drafts = [...walk.drafts, ...fallbackDrafts(walk, title)].sort((a, b) => a.line - b.line);
  const params = new Map(settings.params.map((param) => [param.name, param]));
  const usedIds = new Map<string, number>();

  const steps = drafts.map((draft) => {
    const step = toStep(draft, settings, params, warnings);
    step.id = uniqueId(step.id, usedIds);
    return step;
  });
  return { steps, params: [...params.values()] };
}

function toStep(
  draft: StepDraft,
  settings: RunbookSettings,
  params: Map<string, RunbookParam>,
  warnings: string[],
): RunbookStep {
  const attributes = draft.attributes;
  const kind = stepKind(draft);
  const runnable = kind !== 'manual';
  const promql = kind === 'query' && isPromql(draft.lang);
  const scan = !runnable ? null : (promql ? scanPromql : scanShell)(draft.command ?? '');
  const stepParams = scan ? collectParams(scan, params) : [];
  const safety = runnable ? assessSafety(draft, settings.confirmPolicy) : null;
  // `confirm=type:NAME` requires typing NAME's value, so the step needs that parameter too.
  const confirmParam = safety?.confirmParam;
  if (confirmParam && !stepParams.includes(confirmParam)) {
    if (!params.has(confirmParam))
      params.set(confirmParam, inferred(confirmParam, 'variable', true));
    stepParams.push(confirmParam);
  }
  const interactive =
    kind === 'shell' ? (detectInteractive(draft.command ?? '') ?? undefined) : undefined;
  const background =
    kind === 'shell' &&
    (readBool(attributes.background) ?? detectFollow(draft.command ?? '')) &&
    interactive === undefined;
  const timeout = readDuration(attributes.timeout);
  if (attributes.timeout !== undefined && timeout === undefined) {
    warnings.push(
      `Line ${draft.line}: timeout "${attributes.timeout}" is not a duration; default used.`,
    );
  }

  return {
    id: attributes.name ?? baseId(draft),
    title: draft.title,
    kind,
    section: draft.section.title,
    sectionId: draft.section.id,
    role: draft.section.role,
    command: runnable ? draft.command : undefined,
    lang: runnable ? (draft.lang ?? '') : undefined,
    datasource: promql ? (attributes.datasource ?? settings.datasources.prometheus) : undefined,
    text: draft.text,
    params: stepParams,
    placeholders: scan?.placeholders.map((placeholder) => placeholder.token) ?? [],
    confirm: safety?.confirm ?? 'none',
    confirmReasons: safety?.confirmReasons ?? [],
    confirmParam: safety?.confirmParam,
    risk: safety?.risk ?? 'low',
    interactive,
    background,
    candidate: draft.blockClass === 'candidate',
    excludeFromRunAll:
      (kind !== 'shell' && kind !== 'http' && !promql) ||
      interactive !== undefined ||
      background ||
      draft.blockClass === 'candidate' ||
      readBool(attributes.excludeFromRunAll) === true,
    when: readCondition(attributes.when, draft.line, warnings),
    onFail:
      attributes.onFail === 'continue' || readBool(attributes.critical) === false
        ? 'continue'
        : 'stop',
    idempotent: readBool(attributes.idempotent) ?? true,
    timeoutMs: timeout ?? (background ? 0 : settings.timeoutMs),
    expect: {
      exit: readIntList(attributes.expectExit) ?? [0],
      contains: attributes.expectContains ?? draft.expectLines,
      regex: attributes.expectRegex,
      not: attributes.expectNot,
      status: readIntList(attributes.expectStatus),
    },
    exampleOutput: draft.exampleOutput,
    rule: draft.rule,
    line: draft.line,
  };
}

/** Keeps a `when` condition that parses; an invalid one becomes a warning and blocks the step. */
function readCondition(
  when: string | undefined,
  line: number,
  warnings: string[],
): string | undefined {
  if (when === undefined) return undefined;
  try {
    parseExpression(when);
  } catch (error) {
    warnings.push(`Line ${line}: when condition is invalid (${(error as Error).message}).`);
  }
  return when;
}

/** Tests whether a fence language is PromQL, the only query language Firebreak runs. */
export function isPromql(lang: string | undefined): boolean {
  return lang?.toLowerCase() === 'promql';
}

function stepKind(draft: StepDraft): StepKind {
  if (draft.command === undefined || draft.attributes.kind === 'manual') return 'manual';
  if (draft.blockClass === 'query') return 'query';
  if (draft.blockClass === 'http') return 'http';
  return 'shell';
}

/**
 * Names the parameters a command needs and registers inferred ones. A variable the command
 * assigns itself is not a parameter; one an earlier step assigns still is, because every
 * step runs in a fresh shell.
 */
function collectParams(
  scan: ReturnType<typeof scanShell>,
  params: Map<string, RunbookParam>,
): string[] {
  const names: string[] = [];
  for (const { name } of scan.placeholders) {
    if (!params.has(name)) params.set(name, inferred(name, 'placeholder', true));
    names.push(name);
  }
  const assigned = new Set(scan.assigned);
  for (const { name, hasDefault } of scan.variables) {
    if (assigned.has(name)) continue;
    if (!params.has(name)) params.set(name, inferred(name, 'variable', !hasDefault));
    names.push(name);
  }
  return [...new Set(names)];
}

function inferred(
  name: string,
  source: 'placeholder' | 'variable',
  required: boolean,
): RunbookParam {
  return { name, type: SECRET_NAME.test(name) ? 'secret' : 'string', required, source };
}

function baseId(draft: StepDraft): string {
  const titleSlug = slug(draft.title).slice(0, 60).replace(/-+$/, '') || 'step';
  return draft.section.id ? `${draft.section.id}/${titleSlug}` : titleSlug;
}

function uniqueId(id: string, used: Map<string, number>): string {
  const count = (used.get(id) ?? 0) + 1;
  used.set(id, count);
  return count === 1 ? id : `${id}-${count}`;
}

/**
 * Manual steps for runbooks written as prose: an action section (diagnose, mitigate,
 * verify, rollback) with text but no steps becomes one step. A document with no steps
 * at all gets one per leaf section with text, or a single step for the whole file.
 */
function fallbackDrafts(walk: WalkResult, title: string): StepDraft[] {
  const withSteps = new Set(walk.drafts.map((draft) => draft.section.id));
  const drafts: StepDraft[] = [];
  walk.sections.forEach((section, index) => {
    if (!ACTION_ROLES.has(section.role)) return;
    if (subtree(walk.sections, index).some((id) => withSteps.has(id))) return;
    const text = walk.sectionText.get(section.id);
    if (text) drafts.push(sectionDraft(section, text));
  });
  if (walk.drafts.length + drafts.length > 0) return drafts;

  walk.sections.forEach((section, index) => {
    const isLeaf = (walk.sections[index + 1]?.depth ?? 0) <= section.depth;
    const text = walk.sectionText.get(section.id);
    if (isLeaf && text) drafts.push(sectionDraft(section, text));
  });
  if (drafts.length > 0) return drafts;
  const text = [...walk.sectionText.values()].join('\n').trim();
  return [{ ...sectionDraft(null, text), title }];
}

function sectionDraft(section: RunbookSection | null, text: string): StepDraft {
  return {
    title: section?.title ?? (firstSentence(text) || 'Read the runbook'),
    rule: 'section',
    line: section?.line ?? 1,
    section: section
      ? { id: section.id, title: section.title, role: section.role, attributes: {} }
      : NO_SECTION,
    text: text.trim().slice(0, 2000),
    attributes: {},
    open: false,
  };
}

function subtree(sections: RunbookSection[], index: number): string[] {
  const root = sections[index];
  if (!root) return [];
  const ids = [root.id];
  for (let i = index + 1; i < sections.length && (sections[i]?.depth ?? 0) > root.depth; i++) {
    ids.push(sections[i]?.id ?? '');
  }
  return ids;
}
