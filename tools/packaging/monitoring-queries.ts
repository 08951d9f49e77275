// The PromQL of the alert rules and the dashboard panels, read from the committed files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';

/** One query and where it comes from (alert name or panel title). */
export interface Query {
  readonly where: string;
  readonly expr: string;
}

/** The alert rules of infra/prometheus/alerts.yaml (a PrometheusRule). */
export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** The PrometheusRule of infra/prometheus/alerts.yaml, parsed. */
export function prometheusRule(): { spec: { groups: { name: string; rules: AlertRule[] }[] } } & Record<
  string,
  unknown
> {
  return parse(readFileSync(join(WORKSPACE_ROOT, 'infra/prometheus/alerts.yaml'), 'utf8')) as ReturnType<
    typeof prometheusRule
  >;
}

/** Every alert rule, across groups. */
export function alertRules(): AlertRule[] {
  return prometheusRule().spec.groups.flatMap((g) => g.rules);
}

/** The expressions of the alert rules. */
export function alertExpressions(): Query[] {
  return alertRules().map((r) => ({ where: `alert ${r.alert}`, expr: r.expr }));
}

type Panel = { title: string; targets?: { expr?: string }[]; panels?: Panel[] };

/** The expressions of every dashboard panel (rows included). */
export function dashboardExpressions(): Query[] {
  const dashboard = JSON.parse(
    readFileSync(join(WORKSPACE_ROOT, 'infra/grafana/integration.json'), 'utf8'),
  ) as {
    panels: Panel[];
  };
  const flat = (panels: Panel[]): Panel[] => panels.flatMap((p) => [p, ...flat(p.panels ?? [])]);
  return flat(dashboard.panels).flatMap((p) =>
    (p.targets ?? []).filter((t) => t.expr).map((t) => ({ where: `panel ${p.title}`, expr: t.expr ?? '' })),
  );
}
