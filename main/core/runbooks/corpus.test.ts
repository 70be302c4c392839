import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchAlert } from './alert-match';
import { parseRunbook } from './parse-runbook';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/runbooks');
const hasCorpus = fs.existsSync(corpusDir);

/**
 * Steps and runnable (shell, query, HTTP) steps per file of the real-runbook sample. A change
 * here means the parser reads real runbooks differently: check the file by hand before
 * updating the numbers. Checked by hand: VirtAPIDown, sentry-is-down,
 * low-available-disk-space and MachineConfigDaemonPivotError.
 */
const EXPECTED: [file: string, steps: number, runnable: number][] = [
  ['alphagov__govuk-developer-docs__source__manual__alerts__RouterErrorRatioTooHigh.html.md', 1, 0],
  [
    'alphagov__govuk-developer-docs__source__manual__alerts__data-gov-uk-high-traffic-alert.html.md',
    6,
    4,
  ],
  [
    'alphagov__govuk-developer-docs__source__manual__alerts__low-available-disk-space.html.md',
    18,
    4,
  ],
  [
    'alphagov__govuk-developer-docs__source__manual__alerts__signon-api-user-token-expires-soon.html.md',
    19,
    1,
  ],
  ['kubernetes-monitoring__kubernetes-mixin__runbook.md', 62, 0],
  ['kubevirt__monitoring__docs__runbooks__NoLeadingVirtController.md', 14, 12],
  ['kubevirt__monitoring__docs__runbooks__VirtAPIDown.md', 8, 6],
  ['mattrussi__gitlab-com-runbooks__docs__frontend__README.md', 2, 0],
  ['mattrussi__gitlab-com-runbooks__docs__incidents__when-gitlab-com-is-down.md', 2, 2],
  ['mattrussi__gitlab-com-runbooks__docs__monitoring__filesystem_alerts.md', 10, 7],
  ['mattrussi__gitlab-com-runbooks__docs__patroni__pg_xid_xmin_age_alert.md', 6, 4],
  ['mattrussi__gitlab-com-runbooks__docs__patroni__scale-down-patroni.md', 6, 3],
  ['mattrussi__gitlab-com-runbooks__docs__sentry__sentry-is-down.md', 19, 10],
  ['mattrussi__gitlab-com-runbooks__docs__uncategorized__job_completion.md', 3, 3],
  ['openshift__runbooks__alerts__cluster-etcd-operator__etcdGRPCReadRequestsSlow.md', 9, 1],
  [
    'openshift__runbooks__alerts__cluster-kube-apiserver-operator__KubeAPIErrorBudgetBurn.md',
    10,
    9,
  ],
  ['openshift__runbooks__alerts__cluster-monitoring-operator__TargetDown.md', 18, 10],
  ['openshift__runbooks__alerts__cluster-version-operator__ClusterVersionOperatorDown.md', 15, 11],
  ['openshift__runbooks__alerts__machine-config-operator__MachineConfigDaemonPivotError.md', 4, 4],
  [
    'openshift__runbooks__alerts__openshift-container-storage-operator__CephXattrSetLatency.md',
    15,
    11,
  ],
  [
    'openshift__runbooks__alerts__openshift-container-storage-operator__helpers__diagnosis.md',
    11,
    9,
  ],
  ['openshift__runbooks__example.md', 2, 0],
  [
    'prometheus-operator__runbooks__content__runbooks__alertmanager__AlertmanagerFailedToSendAlerts.md',
    2,
    2,
  ],
  ['prometheus-operator__runbooks__content__runbooks__etcd__etcdGRPCRequestsSlow.md', 6, 4],
  ['prometheus-operator__runbooks__content__runbooks__general__InfoInhibitor.md', 2, 0],
  ['prometheus-operator__runbooks__content__runbooks__general__TargetDown.md', 2, 0],
  ['prometheus-operator__runbooks__content__runbooks__general__Watchdog.md', 2, 0],
  [
    'prometheus-operator__runbooks__content__runbooks__kubernetes__KubeAPIErrorBudgetBurn.md',
    12,
    4,
  ],
  [
    'prometheus-operator__runbooks__content__runbooks__kubernetes__KubeDeploymentReplicasMismatch.md',
    2,
    0,
  ],
  [
    'prometheus-operator__runbooks__content__runbooks__kubernetes__KubePersistentVolumeFillingUp.md',
    12,
    4,
  ],
  ['prometheus-operator__runbooks__content__runbooks__kubernetes__KubeProxyDown.md', 4, 4],
  [
    'prometheus-operator__runbooks__content__runbooks__prometheus-operator__PrometheusOperatorSyncFailed__noext.md',
    2,
    0,
  ],
  ['stateful__runme__examples__README.md', 11, 11],
  ['stateful__runme__examples__envs__README.md', 2, 2],
];

function parseCorpusFile(file: string) {
  const full = path.join(corpusDir, file);
  return parseRunbook(fs.readFileSync(full, 'utf8'), { id: file, path: full }).runbook;
}

describe('runbook corpus', () => {
  if (!hasCorpus) {
    it.skip(`skipped: no runbook corpus folder at ${corpusDir}`, () => undefined);
    return;
  }
  const files = fs
    .readdirSync(corpusDir)
    .filter((name) => name.endsWith('.md'))
    .sort();

  it.each(files)('parses %s into steps', (file) => {
    const runbook = parseCorpusFile(file);
    expect(runbook.steps.length).toBeGreaterThan(0);
    expect(new Set(runbook.steps.map((step) => step.id)).size).toBe(runbook.steps.length);
  });

  it('finds an alert section in a multi-alert file', () => {
    const file = 'kubernetes-monitoring__kubernetes-mixin__runbook.md';
    if (!files.includes(file)) return;
    const match = matchAlert(parseCorpusFile(file), 'KubeAPIDown');
    expect(match?.matchedBy).toBe('heading');
    expect(match?.anchor).toBe('alert-name-kubeapidown');
  });

  it.each(EXPECTED.filter(([file]) => files.includes(file)))(
    'counts steps in %s',
    (file, steps, runnable) => {
      const runbook = parseCorpusFile(file);
      expect(runbook.steps.length).toBe(steps);
      expect(runbook.steps.filter((step) => step.kind !== 'manual').length).toBe(runnable);
    },
  );
});
