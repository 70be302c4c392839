/** Treatment of a fenced or indented code block. */
export type BlockClass = 'shell' | 'query' | 'http' | 'candidate' | 'display';

const SHELL_LANGS = new Set([
  'sh',
  'bash',
  'shell',
  'zsh',
  'fish',
  'ksh',
  'console',
  'shell-session',
  'shellsession',
  'terminal',
  'pwsh',
  'powershell',
]);
const QUERY_LANGS = new Set(['promql', 'logql', 'sql', 'psql', 'mysql']);
/** Languages whose blocks are transcripts: prompt lines are commands, the rest is output. */
const TRANSCRIPT_LANGS = new Set(['console', 'shell-session', 'shellsession', 'terminal']);

/** Classifies a block by its language; `interpreter` makes any language shell. */
export function classifyBlock(lang: string, hasInterpreter: boolean): BlockClass {
  const lower = lang.toLowerCase();
  if (SHELL_LANGS.has(lower) || hasInterpreter) return 'shell';
  if (QUERY_LANGS.has(lower)) return 'query';
  if (lower === 'http') return 'http';
  if (lower === '') return 'candidate';
  return 'display';
}

/** A block's text split into the script to run and the sample output around it. */
export interface ExtractedCommand {
  /** Empty when the block holds only output (a transcript without prompts). */
  command: string;
  exampleOutput: string;
}

const PROMPT = /^\s*[$%] /;

/**
 * Splits a block into commands and sample output. When any line starts with `$ ` or `% `,
 * only prompt lines (with their `\` continuations) and leading `#` comments are commands,
 * and the other lines are sample output. Otherwise the whole block is the script.
 */
export function extractCommand(lang: string, text: string): ExtractedCommand {
  const lines = text.replace(/\s+$/, '').split('\n');
  const hasPrompt = lines.some((line) => PROMPT.test(line));
  if (!hasPrompt) return { command: text.replace(/\s+$/, ''), exampleOutput: '' };

  const commands: string[] = [];
  const output: string[] = [];
  let continuing = false;
  for (const line of lines) {
    if (continuing) {
      commands.push(line);
      continuing = line.trimEnd().endsWith('\\');
    } else if (PROMPT.test(line)) {
      const command = line.replace(PROMPT, '');
      commands.push(command);
      continuing = command.trimEnd().endsWith('\\');
    } else if (/^\s*#/.test(line) && output.length === 0) {
      commands.push(line.trim());
    } else {
      output.push(line);
    }
  }
  return { command: commands.join('\n'), exampleOutput: output.join('\n').trim() };
}

/** Tests whether a block is a transcript language written without any `$ ` prompt. */
export function isPromptlessTranscript(lang: string, text: string): boolean {
  return (
    TRANSCRIPT_LANGS.has(lang.toLowerCase()) && !text.split('\n').some((line) => PROMPT.test(line))
  );
}

/**
 * Tests whether a block of unknown language reads as output rather than a command: its first
 * line does not start with a lowercase program name, a path or a variable assignment
 * (log lines such as `I1126 17:15:38` or `2024-06-20T...`, YAML, JSON, tables).
 */
export function looksLikeOutput(text: string): boolean {
  const first = text.split('\n').find((line) => line.trim() !== '' && !/^\s*#/.test(line));
  if (first === undefined) return true;
  const token = first.trim().split(/\s+/)[0] ?? '';
  return !/^(?:[a-z.\/~][\w.\/~+-]*|[A-Za-z_]\w*=\S*|\.\/\S+)$/.test(token);
}

/** Phrases that introduce the next block as sample output, such as "A normal output looks as follows". */
const OUTPUT_CUE =
  /\b(output|looks like|looks as follows|should see|similar to|example|returns|you will see|result|will be logged|logging|shows|displays|prints|following (?:errors?|messages?|lines?))/i;

/** Tests whether the prose between a command and the next block introduces sample output. */
export function hasOutputCue(text: string): boolean {
  return OUTPUT_CUE.test(text);
}
