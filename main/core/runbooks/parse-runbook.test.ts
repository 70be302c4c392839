import { describe, expect, it } from 'vitest';
import { parseInfoString } from './attributes';
import { detectDestructive } from './destructive';
import { ExpressionError, evaluate, parseExpression, truthy } from './expression';
import { parseRunbook } from './parse-runbook';
import { replacePlaceholders, scanShell } from './shell-scan';

function parse(text: string) {
  return parseRunbook(text, { id: 'test.md', path: '/tmp/test.md' }).runbook;
}

const FENCE = '```';

describe('parseRunbook', () => {
  it('turns ordered items with code into shell steps', () => {
    const runbook = parse(
      `# Title\n\n## Diagnosis\n\n1. Check pods.\n\n   ${FENCE}bash\n   kubectl get pods\n   ${FENCE}\n\n2. Look at the dashboard.\n`,
    );
    expect(runbook.steps.map((s) => [s.kind, s.rule, s.role, s.title])).toEqual([
      ['shell', 'ordered', 'diagnose', 'Check pods'],
      ['manual', 'ordered', 'diagnose', 'Look at the dashboard'],
    ]);
    expect(runbook.steps[0]?.command).toBe('kubectl get pods');
    expect(runbook.steps[0]?.id).toBe('diagnosis/check-pods');
  });

  it('reads numbered headings as steps', () => {
    const runbook = parse(
      `## 1. Ensure it runs\n\n${FENCE}\nsystemctl status gitaly\n${FENCE}\n\n## 2. Check logs\n\nRead them.\n`,
    );
    expect(runbook.steps.map((s) => [s.rule, s.title, s.kind])).toEqual([
      ['heading', '1. Ensure it runs', 'shell'],
      ['heading', '2. Check logs', 'manual'],
    ]);
    expect(runbook.steps[0]?.candidate).toBe(true);
    expect(runbook.steps[0]?.confirmReasons).toContain('unlabeled code block');
  });

  it('reads task items as manual steps', () => {
    const runbook = parse(
      '## Mitigation\n\n- [ ] Tell the channel\n- [x] Page the owner\n- plain bullet\n',
    );
    expect(runbook.steps.map((s) => [s.rule, s.kind, s.title])).toEqual([
      ['task', 'manual', 'Tell the channel'],
      ['task', 'manual', 'Page the owner'],
    ]);
  });

  it('titles a lone block from the paragraph before it', () => {
    const runbook = parse(
      `## Checks\n\nList the nodes. Then read them.\n\n${FENCE}sh\nkubectl get nodes\n${FENCE}\n`,
    );
    expect(runbook.steps[0]?.rule).toBe('fence');
    expect(runbook.steps[0]?.title).toBe('List the nodes');
  });

  it('gives a column-0 fence to the item before it', () => {
    const runbook = parse(
      `## Checks\n\n1. Check the service:\n${FENCE}shell\nsystemctl status web\n${FENCE}\n`,
    );
    expect(runbook.steps).toHaveLength(1);
    expect(runbook.steps[0]?.title).toBe('Check the service');
    expect(runbook.steps[0]?.command).toBe('systemctl status web');
  });

  it('splits console transcripts into commands and output', () => {
    const runbook = parse(
      `## Diagnosis\n\n${FENCE}console\n$ oc get pods \\\n  -n web\nNAME READY\nweb-0 1/1\n${FENCE}\n`,
    );
    expect(runbook.steps[0]?.command).toBe('oc get pods \\\n  -n web');
    expect(runbook.steps[0]?.exampleOutput).toBe('NAME READY\nweb-0 1/1');
    expect(runbook.steps[0]?.candidate).toBe(false);
  });

  it('keeps sample output beside its command', () => {
    const runbook = parse(
      `1. Check status.\n\n    ${FENCE}\n    sudo supervisorctl status\n    ${FENCE}\n\n    A normal output looks as follows:\n\n    ${FENCE}\n    web RUNNING pid 1\n    ${FENCE}\n`,
    );
    expect(runbook.steps).toHaveLength(1);
    expect(runbook.steps[0]?.exampleOutput).toBe('web RUNNING pid 1');
  });

  it('reads an expect=contains block as a check', () => {
    const runbook = parse(
      `${FENCE}sh\nkubectl rollout status deploy/web\n${FENCE}\n\n${FENCE}text {expect=contains}\nsuccessfully rolled out\n${FENCE}\n`,
    );
    expect(runbook.steps[0]?.expect.contains).toBe('successfully rolled out');
  });

  it('reads declared params and keeps other keys', () => {
    const runbook = parse(
      `---\ntitle: From front matter\nweight: 20\nrunbook:\n  alerts: [A]\n  params:\n    - name: NS\n      type: enum\n      options: [a, b]\n      default: a\n---\n${FENCE}sh\necho $NS\n${FENCE}\n`,
    );
    expect(runbook.title).toBe('From front matter');
    expect(runbook.alerts).toEqual(['A']);
    expect(runbook.params).toEqual([
      expect.objectContaining({
        name: 'NS',
        type: 'enum',
        required: false,
        default: 'a',
        source: 'declared',
      }),
    ]);
    expect(runbook.warnings).toEqual([]);
  });

  it('warns about an invalid runbook key', () => {
    const runbook = parse('---\nrunbook:\n  params:\n    - name: 1bad\n---\n# T\n');
    expect(runbook.warnings.join(' ')).toContain('runbook.params[0]');
  });

  it('infers params from placeholders and variables', () => {
    const runbook = parse(
      `${FENCE}bash\nexport LOCAL=1\noc get vm <vm-name> -n $NAMESPACE \${REGION:-eu} '$QUOTED' $LOCAL $HOME\n${FENCE}\n`,
    );
    const step = runbook.steps[0];
    expect(step?.placeholders).toEqual(['<vm-name>']);
    expect(step?.params).toEqual(['VM_NAME', 'NAMESPACE', 'REGION']);
    const byName = Object.fromEntries(runbook.params.map((p) => [p.name, p]));
    expect(byName.VM_NAME?.source).toBe('placeholder');
    expect(byName.NAMESPACE?.required).toBe(true);
    expect(byName.REGION?.required).toBe(false);
  });

  it('treats credential names as secrets', () => {
    const runbook = parse(
      `${FENCE}sh\ncurl -H "Authorization: $API_TOKEN" http://127.0.0.1\n${FENCE}\n`,
    );
    expect(runbook.params[0]).toMatchObject({ name: 'API_TOKEN', type: 'secret' });
  });

  it('keeps step ids stable and unique', () => {
    const text = `## Checks\n\n1. Run it.\n2. Run it.\n\n## Checks\n\n1. Run it.\n`;
    const first = parse(text).steps.map((s) => s.id);
    expect(first).toEqual(['checks/run-it', 'checks/run-it-2', 'checks-1/run-it']);
    expect(parse(text).steps.map((s) => s.id)).toEqual(first);
  });

  it('applies a section directive', () => {
    const runbook = parse(
      `## Things\n\n<!-- rb: role=mitigate -->\n\n${FENCE}sh\necho hi\n${FENCE}\n`,
    );
    expect(runbook.sections[0]?.role).toBe('mitigate');
    expect(runbook.steps[0]?.role).toBe('mitigate');
    expect(runbook.steps[0]?.confirm).toBe('confirm');
  });

  it('confirms a destructive command in a section without a role', () => {
    const runbook = parse(`## Notes\n\n${FENCE}sh\nkubectl -n web delete pod web-0\n${FENCE}\n`);
    expect(runbook.steps[0]?.role).toBe('none');
    expect(runbook.steps[0]?.confirm).toBe('confirm');
    expect(runbook.steps[0]?.risk).toBe('medium');
  });

  it('marks interactive commands', () => {
    const runbook = parse(
      `${FENCE}sh\nsudo gitlab-rails console\n${FENCE}\n\n${FENCE}sh\npsql -c 'select 1'\n${FENCE}\n`,
    );
    expect(runbook.steps[0]?.interactive).toBe('rails console');
    expect(runbook.steps[0]?.excludeFromRunAll).toBe(true);
    expect(runbook.steps[1]?.interactive).toBeUndefined();
  });

  it('marks following commands as background', () => {
    const runbook = parse(
      `${FENCE}sh\nkubectl -n web logs -f web-0\n${FENCE}\n\n${FENCE}sh\nkubectl logs web-0\n${FENCE}\n`,
    );
    expect(runbook.steps[0]?.background).toBe(true);
    expect(runbook.steps[0]?.timeoutMs).toBe(0);
    expect(runbook.steps[0]?.excludeFromRunAll).toBe(true);
    expect(runbook.steps[1]?.background).toBe(false);
    expect(runbook.steps[1]?.timeoutMs).toBeGreaterThan(0);
  });

  it('makes prose-only action sections manual steps', () => {
    const runbook = parse('# W\n\n## Meaning\n\nText.\n\n## Diagnosis\n\nCheck the logs.\n');
    expect(runbook.steps.map((s) => [s.rule, s.title])).toEqual([['section', 'Diagnosis']]);
  });

  it('normalises CRLF line endings', () => {
    const runbook = parse(
      '## Diagnosis\r\n\r\n1. Check.\r\n\r\n   ```sh\r\n   uptime\r\n   ```\r\n',
    );
    expect(runbook.steps[0]?.command).toBe('uptime');
  });
});

describe('parseInfoString', () => {
  it('reads Runme JSON and key=value forms', () => {
    expect(parseInfoString('sh {"name":"a","expect-exit":"0,2"}')).toEqual({
      lang: 'sh',
      attributes: { name: 'a', expectExit: '0,2' },
    });
    expect(parseInfoString('bash { name=b confirm="are you sure?" background }')).toEqual({
      lang: 'bash',
      attributes: { name: 'b', confirm: 'are you sure?', background: 'true' },
    });
  });

  it('reports an unclosed attribute object', () => {
    expect(parseInfoString('sh {name=a').error).toContain('unclosed');
  });
});

describe('replacePlaceholders', () => {
  it('quotes for the context of each placeholder', () => {
    expect(replacePlaceholders(`kubectl get pod <pod> "x-<ns>" '<ns>'`)).toBe(
      `kubectl get pod "\${POD}" "x-\${NS}" ''"\${NS}"''`,
    );
  });

  it('leaves heredocs and escaped text alone', () => {
    expect(replacePlaceholders('cat <<EOF\n\\<tag>')).toBe('cat <<EOF\n\\<tag>');
    expect(scanShell('cat <<EOF').placeholders).toEqual([]);
  });
});

describe('detectDestructive', () => {
  const cases: [string, string | null, string | null][] = [
    ['kubectl -n web delete pod x', 'kubectl delete', 'medium'],
    ['kubectl delete namespace web', 'kubectl delete namespace', 'high'],
    ['kubectl get pods', null, null],
    ['sudo rm -rf /var/tmp/x', 'rm', 'medium'],
    ['rm -rf /', 'rm -rf /', 'high'],
    ['psql -c "DELETE FROM users;"', 'SQL delete without WHERE', 'high'],
    ['psql -c "DELETE FROM users WHERE id = 1"', 'SQL delete', 'medium'],
    ['terraform destroy -auto-approve', 'terraform destroy', 'high'],
    ['curl -sL http://x/install | sudo bash', 'pipe to shell', 'high'],
    ['echo ok > /dev/null', null, null],
    ['# kubectl delete pod x', null, null],
    ['git update-ref -d refs/x', 'git rewrite', 'high'],
    ['systemctl restart nginx', 'service stop', 'medium'],
  ];
  it.each(cases)('flags %s', (command, rule, risk) => {
    const findings = detectDestructive(command);
    expect(findings[0]?.rule ?? null).toBe(rule);
    expect(findings[0]?.risk ?? null).toBe(risk);
  });
});

describe('expression', () => {
  const context = {
    params: { ENV: 'prod', REPLICAS: '3' },
    steps: { 'diagnosis/oom': { status: 'succeeded', exit: 0 } },
  };
  const cases: [string, boolean][] = [
    ["params.ENV == 'prod'", true],
    ["params.ENV != 'prod'", false],
    ['params.REPLICAS >= 3', true],
    ['params.REPLICAS < 2 || params.ENV =~ "^pr"', true],
    ['!(params.ENV in ["dev", "staging"])', true],
    ['steps["diagnosis/oom"].exit == 0 && steps["diagnosis/oom"].status == \'succeeded\'', true],
    ['steps.missing.exit == 0', false],
    ['params.NOPE == null', true],
    ["params.ENV contains 'ro'", true],
  ];
  it.each(cases)('evaluates %s', (source, expected) => {
    expect(truthy(evaluate(parseExpression(source), context))).toBe(expected);
  });

  it('rejects invalid expressions', () => {
    expect(() => parseExpression('params.ENV ==')).toThrow(ExpressionError);
    expect(() => parseExpression('process.exit()')).toThrow(ExpressionError);
    expect(() => parseExpression('a b')).toThrow(ExpressionError);
  });
});
