import type { Risk } from '../../../shared/domain/runbook';

/** A command the detector flagged, and how risky it is. */
export interface DestructiveFinding {
  /** Short name of the rule, such as `kubectl delete`. */
  rule: string;
  risk: Exclude<Risk, 'low'>;
  /** The line that matched. */
  line: string;
}

interface Rule {
  rule: string;
  risk: Exclude<Risk, 'low'>;
  pattern: RegExp;
}

const KUBE = String.raw`\b(?:kubectl|oc)\b[^|;&\n]*?\s`;

/** Heuristic rules, checked per line; extend this list rather than special-casing callers. */
const RULES: Rule[] = [
  {
    rule: 'kubectl delete namespace',
    risk: 'high',
    pattern: re(`${KUBE}delete\\s+(?:ns|namespaces?)\\b`),
  },
  { rule: 'kubectl delete', risk: 'medium', pattern: re(`${KUBE}delete\\b`) },
  {
    rule: 'kubectl change',
    risk: 'medium',
    pattern: re(`${KUBE}(?:drain|cordon|taint|scale|patch|replace|apply|edit|label|annotate)\\b`),
  },
  { rule: 'kubectl rollout', risk: 'medium', pattern: re(`${KUBE}rollout\\s+(?:restart|undo)\\b`) },
  {
    rule: 'docker remove',
    risk: 'medium',
    pattern:
      /\b(?:docker|podman)\s+(?:rm|rmi|(?:volume|image|container|network)\s+(?:rm|prune)|system\s+prune)\b/,
  },
  {
    rule: 'helm change',
    risk: 'medium',
    pattern: /\bhelm\s+(?:uninstall|delete|rollback|upgrade)\b/,
  },
  { rule: 'rm -rf /', risk: 'high', pattern: /\brm\s+(?:-\w*[rR]\w*\s+)+(?:--\s+)?\/(?:\s|$|\*)/ },
  { rule: 'rm', risk: 'medium', pattern: /\brm\s+(?:-\w*[rRf]\w*|--recursive|--force)\b/ },
  { rule: 'find -delete', risk: 'medium', pattern: /\bfind\b.*\s(?:-delete\b|-exec\s+rm\b)/ },
  { rule: 'truncate', risk: 'medium', pattern: /\btruncate\s+-s\b/ },
  { rule: 'dd', risk: 'high', pattern: /(?:^|[\s;&|(])dd\s+[^\n]*\bof=/ },
  { rule: 'mkfs', risk: 'high', pattern: /\bmkfs(?:\.\w+)?\b/ },
  { rule: 'shred', risk: 'high', pattern: /\bshred\b/ },
  {
    rule: 'service stop',
    risk: 'medium',
    pattern:
      /\b(?:systemctl\s+(?:stop|restart|disable|kill|mask)|service\s+\S+\s+(?:stop|restart)|supervisorctl\s+(?:stop|restart))\b/,
  },
  {
    rule: 'reboot',
    risk: 'high',
    pattern: /(?:^|[\s;&|(]|sudo\s)(?:reboot|shutdown|halt|poweroff)\b/,
  },
  { rule: 'kill', risk: 'medium', pattern: /\b(?:kill\s+-(?:9|KILL|SIGKILL)\b|pkill\b|killall\b)/ },
  { rule: 'iptables flush', risk: 'high', pattern: /\biptables\s+(?:-F|--flush)\b/ },
  {
    rule: 'git rewrite',
    risk: 'high',
    pattern:
      /\bgit\s+(?:push\s+[^\n]*(?:--force|-f\b)|reset\s+--hard|update-ref\s+-d|branch\s+-D|clean\s+-\w*f)/,
  },
  { rule: 'terraform destroy', risk: 'high', pattern: /\bterraform\s+(?:destroy|state\s+rm)\b/ },
  { rule: 'terraform apply', risk: 'medium', pattern: /\bterraform\s+apply\b/ },
  { rule: 'aws delete', risk: 'high', pattern: /\baws\s+\S+\s+(?:delete-|terminate-|remove-)/ },
  { rule: 'gcloud delete', risk: 'high', pattern: /\bgcloud\b[^\n]*\s(?:delete|reset)\b/ },
  {
    rule: 'SQL drop',
    risk: 'high',
    pattern: /\b(?:DROP\s+(?:TABLE|DATABASE|SCHEMA|INDEX)|TRUNCATE\s+(?:TABLE\s+)?\w)/i,
  },
  {
    rule: 'SQL delete without WHERE',
    risk: 'high',
    pattern: /\bDELETE\s+FROM\s+[\w."]+\s*(?:;|$|["'])(?![^\n]*\bWHERE\b)/i,
  },
  {
    rule: 'SQL update without WHERE',
    risk: 'high',
    pattern: /\bUPDATE\s+[\w."]+\s+SET\b(?![^\n]*\bWHERE\b)/i,
  },
  { rule: 'SQL delete', risk: 'medium', pattern: /\bDELETE\s+FROM\b/i },
  { rule: 'SQL update', risk: 'medium', pattern: /\bUPDATE\s+[\w."]+\s+SET\b/i },
  { rule: 'pg_terminate_backend', risk: 'medium', pattern: /\bpg_(?:terminate|cancel)_backend\b/ },
  { rule: 'redis flush', risk: 'high', pattern: /\bFLUSH(?:ALL|DB)\b/i },
  {
    rule: 'etcdctl change',
    risk: 'high',
    pattern: /\betcdctl\b[^\n]*\s(?:del|defrag|member\s+remove)\b/,
  },
  {
    rule: 'pipe to shell',
    risk: 'high',
    pattern: /\b(?:curl|wget)\b[^\n]*\|\s*(?:sudo\s+)?(?:ba|z)?sh\b/,
  },
  {
    rule: 'truncating redirect',
    risk: 'medium',
    pattern: /(?:^|[^>&\d2])>\s*\/(?!dev\/null\b|dev\/stderr\b|dev\/stdout\b)/,
  },
  {
    rule: 'recursive chmod/chown',
    risk: 'medium',
    pattern: /\bch(?:mod|own)\s+(?:-\w*R\w*|--recursive)\b/,
  },
];

function re(source: string): RegExp {
  return new RegExp(source);
}

/**
 * Flags commands that change or destroy things. One finding per line and rule family:
 * the first, most specific rule of a family wins (so `kubectl delete ns` is not also
 * reported as `kubectl delete`). A heuristic: it can miss aliases and wrapped scripts.
 */
export function detectDestructive(command: string): DestructiveFinding[] {
  const findings: DestructiveFinding[] = [];
  for (const line of logicalLines(command)) {
    if (/^\s*#/.test(line)) continue;
    const seen = new Set<string>();
    for (const { rule, risk, pattern } of RULES) {
      const family = rule.split(' ')[0] ?? rule;
      if (seen.has(family) || !pattern.test(line)) continue;
      seen.add(family);
      findings.push({ rule, risk, line: line.trim() });
    }
  }
  return findings;
}

/** Returns the highest risk among findings, or `low`. */
export function highestRisk(findings: DestructiveFinding[]): Risk {
  if (findings.some((finding) => finding.risk === 'high')) return 'high';
  return findings.length > 0 ? 'medium' : 'low';
}

/** Joins `\`-continued lines so a flag on the next line belongs to its command. */
function logicalLines(command: string): string[] {
  return command.replace(/\\\n/g, ' ').split('\n');
}
