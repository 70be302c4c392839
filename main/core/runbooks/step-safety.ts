import type { ConfirmLevel, Risk } from '../../../shared/domain/runbook';
import { readBool } from './attributes';
import { parseHttpRequest, READ_ONLY_METHODS } from './http-step';
import { detectDestructive, highestRisk } from './destructive';
import type { ConfirmPolicy } from './front-matter';
import { CHANGING_ROLES } from './sections';
import type { StepDraft } from './step-draft';

/** How much confirmation a step needs, and why. */
export interface StepSafety {
  confirm: ConfirmLevel;
  confirmReasons: string[];
  confirmParam?: string;
  risk: Risk;
}

const RISK_ORDER: Risk[] = ['low', 'medium', 'high'];

/**
 * Works out a runnable step's confirmation level from its section's role, the runbook's
 * policy, the destructive-command detector and its `confirm` and `risk` attributes.
 * High risk always means typed confirmation.
 */
export function assessSafety(draft: StepDraft, policy: ConfirmPolicy): StepSafety {
  const attributes = { ...draft.section.attributes, ...draft.attributes };
  const findings =
    draft.blockClass === 'shell' || draft.blockClass === 'candidate' || draft.blockClass === 'query'
      ? detectDestructive(draft.command ?? '')
      : [];
  const declaredRisk = RISK_ORDER.includes(attributes.risk as Risk)
    ? (attributes.risk as Risk)
    : 'low';
  const method = draft.blockClass === 'http' ? httpMethod(draft.command ?? '') : null;
  const changesByHttp = method !== null && !READ_ONLY_METHODS.has(method);
  const risk = maxRisk(
    maxRisk(declaredRisk, highestRisk(findings)),
    changesByHttp ? 'medium' : 'low',
  );

  const reasons: string[] = [];
  if (draft.blockClass === 'candidate') reasons.push('unlabeled code block');
  if (changesByHttp) reasons.push(`HTTP ${method}`);
  reasons.push(...new Set(findings.map((finding) => finding.rule)));
  if (policy !== 'never') {
    if (policy === 'always') reasons.push('runbook confirms every step');
    if (policy !== 'dangerous' && CHANGING_ROLES.has(draft.section.role)) {
      reasons.push(`${draft.section.role} section`);
    }
    if (declaredRisk !== 'low') reasons.push(`risk ${declaredRisk}`);
    const confirm = attributes.confirm;
    if (confirm !== undefined && readBool(confirm) !== false) reasons.push('confirm attribute');
  }

  const typedParam = /^type:([A-Za-z_]\w*)$/.exec(attributes.confirm ?? '')?.[1];
  let confirm: ConfirmLevel = reasons.length > 0 ? 'confirm' : 'none';
  if (risk === 'high' || typedParam) confirm = 'typed';
  return { confirm, confirmReasons: reasons, confirmParam: typedParam, risk };
}

function httpMethod(command: string): string | null {
  try {
    return parseHttpRequest(command).method;
  } catch {
    return null;
  }
}

function maxRisk(a: Risk, b: Risk): Risk {
  return RISK_ORDER.indexOf(a) >= RISK_ORDER.indexOf(b) ? a : b;
}
