import type { IntegrationException, Severity } from '@wair-sfcc/contracts';
import type { ExceptionChange } from './exception-lifecycle';
import { severityRank } from './finding.model';
import type { AlertEvent, AlertMessage } from './alert-dedup';

/**
 * The alert for an exception change: new or re-opened exceptions, and escalations, at or above
 * `minSeverity`. Keyed by type and severity so a storm of identical exceptions groups into one
 * message whose subjects are a sample.
 */
export function alertForExceptionChange(
  change: ExceptionChange,
  minSeverity: Severity = 'HIGH',
): AlertEvent | undefined {
  const ex: IntegrationException = change.exception;
  if (severityRank(ex.severity) < severityRank(minSeverity)) return undefined;
  const escalated =
    change.kind === 'UPDATED' &&
    change.previous &&
    severityRank(change.previous.severity) < severityRank(ex.severity);
  if (change.kind !== 'OPENED' && change.kind !== 'REOPENED' && !escalated) return undefined;
  return {
    key: `${ex.type}:${ex.severity}`,
    title: `${ex.severity} ${ex.type} (owner ${ex.owner})`,
    severity: ex.severity,
    owner: ex.owner,
    text: ex.detail,
    subject: ex.subject,
    at: ex.lastSeen,
  };
}

/** A threshold breach (consumer lag, sync delay…) as an alert event, keyed by kind and subject. */
export function alertForBreach(breach: {
  kind: string;
  subject: string;
  value: number;
  threshold: number;
  unit: string;
  severity: Severity;
  at: number;
}): AlertEvent {
  return {
    key: `BREACH:${breach.kind}:${breach.subject}`,
    title: `${breach.kind} above threshold: ${breach.subject}`,
    severity: breach.severity,
    owner: 'PLATFORM',
    text: `${breach.kind} of ${breach.subject} is ${breach.value} ${breach.unit} (threshold ${breach.threshold} ${breach.unit})`,
    subject: breach.subject,
    at: breach.at,
  };
}

function summary(m: AlertMessage): string {
  const more = m.count > 1 ? ` (×${m.count})` : '';
  const subjects =
    m.subjects.length > 0
      ? `\nSubjects: ${m.subjects.join(', ')}${m.count > m.subjects.length ? ', …' : ''}`
      : '';
  return `${m.title}${more}\n${m.text}${subjects}`;
}

/** Slack-compatible incoming-webhook body (`text` fallback plus blocks). */
export function toSlackBody(m: AlertMessage): Record<string, unknown> {
  return {
    text: summary(m),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: m.count > 1 ? `${m.title} ×${m.count}` : m.title },
      },
      { type: 'section', text: { type: 'mrkdwn', text: m.text } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `*Severity* ${m.severity} · *Owner* ${m.owner ?? '-'} · *Count* ${m.count} · ${new Date(m.firstAt).toISOString()} → ${new Date(m.lastAt).toISOString()}${m.subjects.length > 0 ? ` · *Subjects* ${m.subjects.join(', ')}` : ''}`,
          },
        ],
      },
    ],
  };
}

/** Generic JSON body for other webhook receivers. */
export function toGenericBody(m: AlertMessage, source = 'reconciliation-auditor'): Record<string, unknown> {
  return {
    source,
    key: m.key,
    title: m.title,
    severity: m.severity,
    owner: m.owner,
    text: m.text,
    count: m.count,
    subjects: m.subjects,
    firstAt: new Date(m.firstAt).toISOString(),
    lastAt: new Date(m.lastAt).toISOString(),
  };
}
