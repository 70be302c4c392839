import GithubSlugger from 'github-slugger';
import type { Code, Heading, List, ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RunbookSection } from '../../../shared/domain/runbook';
import { parseDirective, parseInfoString, type Attributes } from './attributes';
import {
  classifyBlock,
  extractCommand,
  hasOutputCue,
  isPromptlessTranscript,
  looksLikeOutput,
} from './commands';
import { isStepHeading, readRole, roleFromHeading } from './sections';
import { NO_SECTION, firstSentence, type SectionContext, type StepDraft } from './step-draft';

/** Sections, step drafts and section text found by walking a document. */
export interface WalkResult {
  sections: RunbookSection[];
  drafts: StepDraft[];
  /** Plain text directly under each section (not its subsections), by section id. */
  sectionText: Map<string, string>;
  warnings: string[];
}

const DESCRIPTIVE_ROLES: ReadonlySet<string> = new Set([
  'context',
  'impact',
  'reference',
  'escalate',
]);

/** Languages of blocks that can hold sample output for the command before them. */
const OUTPUT_LANGS = new Set(['', 'text', 'output', 'console', 'json', 'txt', 'plaintext', 'log']);

/**
 * The state of one container being walked (the document body of a section, or one list
 * item): the step it is filling, and the prose seen since the last code block.
 */
interface Scope {
  current: StepDraft | null;
  /** Prose since the last runnable block in this scope. */
  between: string;
  /** The paragraph nearest before the current position, for naming a lone block. */
  lastParagraph: string;
  /** The item draft this scope belongs to, for naming its extra blocks. */
  owner: StepDraft | null;
  blocksInOwner: number;
}

/**
 * Walks a Markdown tree in document order and finds sections and step drafts: numbered
 * headings, ordered list items, task list items and lone runnable code blocks.
 */
export function walkDocument(tree: Root, source: string): WalkResult {
  return new DocumentWalker(source).walk(tree);
}

class DocumentWalker {
  private readonly slugger = new GithubSlugger();
  private readonly sections: RunbookSection[] = [];
  private readonly sectionText = new Map<string, string>();
  private readonly drafts: StepDraft[] = [];
  private readonly warnings: string[] = [];
  private stack: { depth: number; context: SectionContext }[] = [];
  private section: SectionContext = NO_SECTION;
  private headingDraft: { draft: StepDraft; index: number } | null = null;
  private pendingAttributes: Attributes = {};
  private expectSectionDirective = false;

  constructor(private readonly source: string) {}

  walk(tree: Root): WalkResult {
    const scope = newScope(null);
    for (const node of tree.children) {
      if (node.type === 'heading') {
        this.openSection(node);
        Object.assign(scope, newScope(null));
        this.expectSectionDirective = true;
        continue;
      }
      if (
        node.type === 'html' &&
        this.expectSectionDirective &&
        this.applySectionDirective(node.value)
      ) {
        continue;
      }
      this.expectSectionDirective = false;
      this.addSectionText(node);
      this.visit(node, scope);
    }
    this.closeHeadingDraft();
    return {
      sections: this.sections,
      drafts: this.drafts,
      sectionText: this.sectionText,
      warnings: this.warnings,
    };
  }

  private openSection(node: Heading): void {
    this.closeHeadingDraft();
    const title = toString(node)
      .replace(/\s*\{#[^}]*\}\s*$/, '')
      .trim();
    while (this.stack.length > 0 && (this.stack.at(-1)?.depth ?? 0) >= node.depth) this.stack.pop();
    const parentRole = this.stack.at(-1)?.context.role ?? 'none';
    const context: SectionContext = {
      id: this.slugger.slug(title),
      title,
      role: roleFromHeading(title) ?? parentRole,
      attributes: {},
    };
    this.stack.push({ depth: node.depth, context });
    this.section = context;
    this.sections.push({
      id: context.id,
      title,
      depth: node.depth,
      role: context.role,
      line: lineOf(node),
    });

    if (isStepHeading(title)) {
      const draft = this.newDraft(title, 'heading', lineOf(node), true);
      this.headingDraft = { draft, index: this.drafts.length - 1 };
    }
  }

  /** Drops a numbered heading's own step when steps inside it already cover it. */
  private closeHeadingDraft(): void {
    const pending = this.headingDraft;
    this.headingDraft = null;
    if (!pending || pending.draft.command !== undefined) return;
    if (this.drafts.length > pending.index + 1) this.drafts.splice(pending.index, 1);
  }

  private applySectionDirective(html: string): boolean {
    const attributes = this.readDirective(html);
    if (!attributes) return false;
    this.section.attributes = { ...this.section.attributes, ...attributes };
    const role = readRole(attributes.role);
    if (role) {
      this.section.role = role;
      const last = this.sections.at(-1);
      if (last) last.role = role;
    }
    return true;
  }

  private visit(node: RootContent | Nodes, scope: Scope): void {
    switch (node.type) {
      case 'code':
        this.visitCode(node, scope);
        return;
      case 'list':
        this.visitList(node, scope);
        return;
      case 'html': {
        const attributes = this.readDirective(node.value);
        if (attributes) this.pendingAttributes = { ...this.pendingAttributes, ...attributes };
        return;
      }
      case 'paragraph':
      case 'table':
        this.releaseAdopted(scope);
        scope.between += `${toString(node)}\n`;
        scope.lastParagraph = toString(node);
        return;
      case 'blockquote':
        for (const child of node.children) this.visit(child, scope);
        return;
      default:
        return;
    }
  }

  private visitList(list: List, scope: Scope): void {
    this.releaseAdopted(scope);
    let last: StepDraft | null = null;
    // Numbered lists in context, impact, reference and escalation sections describe things
    // rather than list actions, so only their code blocks can become steps.
    const ordered = list.ordered === true && !DESCRIPTIVE_ROLES.has(this.section.role);
    for (const item of list.children) {
      if (ordered || item.checked !== null) {
        last = this.visitStepItem(item, ordered ? 'ordered' : 'task');
      } else {
        // A plain bullet is not a step, but a code block inside it can be a lone-block step.
        for (const child of item.children) this.visit(child, scope);
      }
    }
    // In CommonMark a column-0 fence right after a list item ends the list, but the author
    // meant it as the item's command. So the item adopts it if nothing comes between.
    if (last?.open) scope.current = last;
    else if (scope.current !== scope.owner) scope.current = null;
  }

  /** Stops an item adopting a following block once prose or another list comes between. */
  private releaseAdopted(scope: Scope): void {
    if (scope.current && scope.current !== scope.owner && scope.current.open) scope.current = null;
  }

  private visitStepItem(item: ListItem, rule: 'ordered' | 'task'): StepDraft {
    const first = item.children.find((child) => child.type === 'paragraph');
    const title = firstSentence(first ? toString(first) : toString(item)) || 'Untitled step';
    const directive =
      item.children[0]?.type === 'html' ? this.readDirective(item.children[0].value) : null;
    const draft = this.newDraft(title, rule, lineOf(item), true);
    draft.text = itemText(item);
    if (directive) draft.attributes = { ...directive };
    if (directive?.name || directive?.step) draft.rule = 'explicit';

    const scope = newScope(draft);
    scope.current = draft;
    for (const child of item.children) {
      if (child === first) continue;
      this.visit(child, scope);
    }
    return draft;
  }

  private visitCode(node: Code, scope: Scope): void {
    const info = parseInfoString([node.lang, node.meta].filter(Boolean).join(' '));
    if (info.error)
      this.warnings.push(`Line ${lineOf(node)}: fence attributes ignored: ${info.error}.`);
    const attributes = { ...this.pendingAttributes, ...info.attributes };
    this.pendingAttributes = {};
    const fenced = /^\s*(```|~~~)/.test(this.source.slice(node.position?.start.offset ?? 0));
    const lang = fenced ? info.lang : '';
    let blockClass = classifyBlock(lang, attributes.interpreter !== undefined);
    // A `console` block without prompts is a command or output; Firebreak cannot tell.
    if (blockClass === 'shell' && isPromptlessTranscript(lang, node.value))
      blockClass = 'candidate';
    if (
      attributes.step === 'false' ||
      attributes.ignore === 'true' ||
      attributes.kind === 'output'
    ) {
      blockClass = 'display';
    }
    if (attributes.kind === 'shell' && blockClass !== 'display') blockClass = 'shell';
    const extracted = extractCommand(lang, node.value);
    const current = scope.current;
    const cue = hasOutputCue(scope.between);
    const output =
      blockClass === 'candidate' &&
      (looksLikeOutput(node.value) || (cue && current?.command !== undefined));

    if (blockClass === 'display' || extracted.command === '' || output) {
      this.attachOutput(current, lang, node.value, attributes, cue || output, scope);
      return;
    }

    const draft = this.draftForBlock(scope, attributes, lineOf(node), lang);
    draft.command = extracted.command;
    draft.lang = lang;
    draft.blockClass = blockClass;
    draft.attributes = { ...draft.attributes, ...attributes };
    if (extracted.exampleOutput) draft.exampleOutput = extracted.exampleOutput;
    if (attributes.step && attributes.step !== 'true') draft.title = attributes.step;
    if (attributes.step || attributes.name) draft.rule = 'explicit';
    draft.open = false;
    scope.current = draft;
    scope.between = '';
  }

  /** The open step a block fills, or a new lone-block step. */
  private draftForBlock(
    scope: Scope,
    attributes: Attributes,
    line: number,
    lang: string,
  ): StepDraft {
    const open = scope.current?.open ? scope.current : null;
    const heading = this.headingDraft?.draft;
    if (open) return open;
    if (!scope.owner && heading?.open && heading.command === undefined) return heading;

    scope.blocksInOwner++;
    const prose = scope.between.trim() ? firstSentence(scope.lastParagraph) : '';
    const title =
      prose ||
      (scope.owner ? `${scope.owner.title} (${scope.blocksInOwner})` : '') ||
      attributes.name ||
      `Run ${lang || 'code'} block`;
    const draft = this.newDraft(title, 'fence', line, false);
    draft.text = scope.between.trim();
    return draft;
  }

  private attachOutput(
    current: StepDraft | null,
    lang: string,
    text: string,
    attributes: Attributes,
    cue: boolean,
    scope: Scope,
  ): void {
    if (!current?.command || !OUTPUT_LANGS.has(lang.toLowerCase())) return;
    if (attributes.expect === 'contains') {
      current.expectLines = text.trim();
    } else if (cue || lang === 'text' || lang === 'output' || lang === 'console') {
      current.exampleOutput = [current.exampleOutput, text.trim()].filter(Boolean).join('\n');
    }
    scope.between = '';
  }

  private newDraft(title: string, rule: StepDraft['rule'], line: number, open: boolean): StepDraft {
    const draft: StepDraft = {
      title,
      rule,
      line,
      section: this.section,
      text: '',
      attributes: {},
      open,
    };
    this.drafts.push(draft);
    return draft;
  }

  private readDirective(html: string): Attributes | null {
    try {
      return parseDirective(html);
    } catch (error) {
      this.warnings.push(`Directive comment ignored: ${(error as Error).message}.`);
      return null;
    }
  }

  private addSectionText(node: RootContent): void {
    if (node.type === 'html' || node.type === 'yaml') return;
    const key = this.section.id;
    const text = toString(node).trim();
    if (text) this.sectionText.set(key, `${this.sectionText.get(key) ?? ''}${text}\n`);
  }
}

function newScope(owner: StepDraft | null): Scope {
  return { current: null, between: '', lastParagraph: '', owner, blocksInOwner: 1 };
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 0;
}

/** Extracts an item's prose without its code blocks, for showing a manual step. */
function itemText(item: ListItem): string {
  const parts: string[] = [];
  for (const child of item.children) {
    if (child.type === 'code' || child.type === 'html') continue;
    if (child.type === 'list' && child.ordered) continue;
    parts.push(toString(child));
  }
  const text = parts.join('\n').trim();
  return text.length > 2000 ? `${text.slice(0, 1997)}...` : text;
}
