// The alert rules are checked by Prometheus's own promtool: syntax (`check rules`) and behaviour
// (`test rules` on the synthetic series of infra/prometheus/alerts.test.yaml). promtool comes from
// Debian's `prometheus` package, which .ci/run installs; without it this test fails, by design.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';
import { deployableApps } from './deployable-apps';
import { validateObject, type K8sObject } from './manifest-validation';
import { alertRules, prometheusRule } from './monitoring-queries';

const RULES_DIR = join(WORKSPACE_ROOT, 'infra/prometheus');
const promtoolFound = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs promtool on the rules (optionally rewritten) next to a copy of the unit tests. */
function promtool(command: 'check' | 'test', rewrite: (groups: unknown) => unknown = (g) => g) {
  const dir = mkdtempSync(join(tmpdir(), 'promtool-'));
  try {
    writeFileSync(
      join(dir, 'alerts.rules.yaml'),
      stringify({ groups: rewrite(prometheusRule().spec.groups) }),
    );
    copyFileSync(join(RULES_DIR, 'alerts.test.yaml'), join(dir, 'alerts.test.yaml'));
    const file = command === 'check' ? 'alerts.rules.yaml' : 'alerts.test.yaml';
    const run = spawnSync('promtool', [command, 'rules', file], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('infra/prometheus/alerts.yaml', () => {
  it('needs promtool on the PATH (apt-get install prometheus; .ci/run installs it)', () => {
    expect(promtoolFound).toBe(true);
  });

  it('passes `promtool check rules`', () => {
    const result = promtool('check');
    expect(result.output).toMatch(/SUCCESS/);
    expect(result.status).toBe(0);
  });

  it('passes `promtool test rules`: every alert fires when it should and not otherwise', () => {
    const result = promtool('test');
    expect(result.output).toMatch(/SUCCESS/);
    expect(result.status).toBe(0);
  });

  it('has unit tests that notice a broken threshold', () => {
    const loosened = promtool('test', (groups) =>
      parse(
        stringify(groups).replace(
          'kafka_consumergroup_lag_sum) > 1000',
          'kafka_consumergroup_lag_sum) > 5000',
        ),
      ),
    );
    expect(loosened.status).not.toBe(0);
    expect(loosened.output).toMatch(/KafkaConsumerLagHigh/);
  });

  it('tests every alert both firing and silent', () => {
    const tests = (
      parse(readFileSync(join(RULES_DIR, 'alerts.test.yaml'), 'utf8')) as {
        tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[];
      }
    ).tests.flatMap((t) => t.alert_rule_test ?? []);
    for (const rule of alertRules()) {
      const cases = tests.filter((t) => t.alertname === rule.alert);
      expect({ alert: rule.alert, fires: cases.some((c) => (c.exp_alerts ?? []).length > 0) }).toEqual({
        alert: rule.alert,
        fires: true,
      });
      expect({ alert: rule.alert, silent: cases.some((c) => (c.exp_alerts ?? []).length === 0) }).toEqual({
        alert: rule.alert,
        silent: true,
      });
    }
  });

  it('gives every alert a summary, a description and a runbook section that exists', () => {
    const runbooks = readFileSync(join(WORKSPACE_ROOT, 'docs/runbooks.md'), 'utf8');
    const anchors = new Set(
      [...runbooks.matchAll(/^#{2,3} (.+)$/gm)].map(
        (m) =>
          `docs/runbooks.md#${(m[1] ?? '')
            .toLowerCase()
            .replace(/[^a-z0-9 -]/g, '')
            .replace(/ /g, '-')}`,
      ),
    );
    const problems = alertRules().flatMap((rule) => {
      const a = rule.annotations ?? {};
      return [
        ...(['summary', 'description', 'runbook_url'] as const)
          .filter((k) => !a[k])
          .map((k) => `${rule.alert}: no ${k}`),
        ...(a['runbook_url'] && !anchors.has(a['runbook_url'])
          ? [`${rule.alert}: ${a['runbook_url']} not in docs/runbooks.md`]
          : []),
        ...(rule.labels?.['severity'] ? [] : [`${rule.alert}: no severity label`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('watches the availability of every deployed app', () => {
    const notReady = alertRules().find((r) => r.alert === 'AppNotReady');
    const jobs = /job=~"([^"]+)"/.exec(notReady?.expr ?? '')?.[1]?.split('|') ?? [];
    expect(jobs.sort()).toEqual(
      deployableApps()
        .map((a) => a.app)
        .sort(),
    );
  });

  it('is a valid PrometheusRule', () => {
    expect(validateObject(prometheusRule() as K8sObject)).toEqual([]);
  });
});
