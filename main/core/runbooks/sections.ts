import type { SectionRole } from '../../../shared/domain/runbook';

/** Heading words that give a section its role; the first matching prefix wins. */
const ROLE_WORDS: [Exclude<SectionRole, 'none'>, string[]][] = [
  [
    'context',
    [
      'meaning',
      'overview',
      'description',
      'summary',
      'symptoms',
      'background',
      'understanding the alert',
    ],
  ],
  ['impact', ['impact']],
  [
    'diagnose',
    [
      'diagnosis',
      'diagnostics',
      'diagnose',
      'troubleshoot',
      'investigation',
      'investigating',
      'possible checks',
      'checks',
    ],
  ],
  [
    'mitigate',
    [
      'mitigation',
      'mitigate',
      'resolution',
      'remediation',
      'fix',
      'solution',
      'possible fixes',
      'potential resolution steps',
      'recovery',
      'workaround',
    ],
  ],
  ['verify', ['verify', 'verification', 'validate', 'validation']],
  ['rollback', ['rollback', 'roll back', 'revert']],
  ['escalate', ['escalation', 'escalate', 'contacts', 'support']],
  ['reference', ['references', 'links', 'see also', 'related']],
];

/** Roles whose steps change systems; the default policy confirms every step in them. */
export const CHANGING_ROLES: ReadonlySet<SectionRole> = new Set(['mitigate', 'rollback']);

/** Roles where a section with prose but no steps still becomes one manual step. */
export const ACTION_ROLES: ReadonlySet<SectionRole> = new Set([
  'diagnose',
  'mitigate',
  'verify',
  'rollback',
]);

/**
 * Returns the role a heading's words give it, or null when none matches. Numbering
 * (`1.`, `Step 2:`), emoji and punctuation are ignored; matching is case-insensitive.
 */
export function roleFromHeading(heading: string): SectionRole | null {
  const words = normaliseHeading(heading);
  for (const [role, prefixes] of ROLE_WORDS) {
    if (prefixes.some((prefix) => words === prefix || words.startsWith(`${prefix} `))) return role;
  }
  return null;
}

function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\{#[^}]*\}\s*$/, '')
    .replace(/^\s*(step\s*)?\d+[a-z]?\s*[.):\-–]\s*/, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tests whether a heading numbers a step, such as `1. Ensure it runs` or `Step 2: Check`. */
export function isStepHeading(heading: string): boolean {
  return /^\s*(step\s*)?\d+[a-z]?\s*[.):\-–]\s+/i.test(heading);
}

/** Parses a role name from a directive; null when it is not one. */
export function readRole(value: string | undefined): SectionRole | null {
  if (value === undefined) return null;
  const lower = value.toLowerCase();
  const aliases: Record<string, SectionRole> = { mitigation: 'mitigate', diagnosis: 'diagnose' };
  const role = aliases[lower] ?? lower;
  return ROLE_WORDS.some(([name]) => name === role) ? (role as SectionRole) : null;
}
