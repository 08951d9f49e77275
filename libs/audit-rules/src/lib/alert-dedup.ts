import type { OwnerTeam, Severity } from '@wair-sfcc/contracts';
import { maxSeverity, severityRank } from './finding.model';

/** Something worth telling a person; events with the same `key` are one alert. */
export interface AlertEvent {
  key: string;
  title: string;
  severity: Severity;
  owner: OwnerTeam | null;
  text: string;
  subject?: string;
  at: number;
}

/** One message to send: a group of identical events with how many there were. */
export interface AlertMessage {
  key: string;
  title: string;
  severity: Severity;
  owner: OwnerTeam | null;
  text: string;
  count: number;
  /** A sample of subjects (at most `maxSubjects`). */
  subjects: string[];
  firstAt: number;
  lastAt: number;
}

export interface AlertPolicy {
  /** Wait this long after a group's first event before sending, so a storm is one message. */
  groupWaitMs: number;
  /** After a group was sent, further events wait at least this long and are sent as one message. */
  repeatIntervalMs: number;
  /** At most this many messages per `rateWindowMs`; the rest are folded into one overflow message. */
  maxMessagesPerWindow: number;
  rateWindowMs: number;
  maxSubjects?: number;
}

interface Group {
  message: AlertMessage;
  pending: number;
  lastSentAt: number | null;
}

/** Pending groups and recent send times; treat as opaque and pass back to {@link stepAlerts}. */
export interface AlertState {
  readonly groups: ReadonlyMap<string, Group>;
  readonly sentAt: readonly number[];
}

export const OVERFLOW_ALERT_KEY = 'ALERTS:OVERFLOW';

/** Nothing pending, nothing sent. */
export function initialAlertState(): AlertState {
  return { groups: new Map(), sentAt: [] };
}

function fold(group: Group | undefined, e: AlertEvent, maxSubjects: number): Group {
  const prev = group && group.pending > 0 ? group.message : undefined;
  const subjects = prev ? [...prev.subjects] : [];
  if (e.subject && subjects.length < maxSubjects && !subjects.includes(e.subject)) subjects.push(e.subject);
  const message: AlertMessage = {
    key: e.key,
    title: prev?.title ?? e.title,
    owner: prev?.owner ?? e.owner,
    text: prev?.text ?? e.text,
    severity: prev ? maxSeverity(prev.severity, e.severity) : e.severity,
    count: (prev?.count ?? 0) + 1,
    subjects,
    firstAt: prev ? Math.min(prev.firstAt, e.at) : e.at,
    lastAt: prev ? Math.max(prev.lastAt, e.at) : e.at,
  };
  return { message, pending: (group?.pending ?? 0) + 1, lastSentAt: group?.lastSentAt ?? null };
}

/**
 * Feeds new events and the clock; returns the messages to send now and the next state. Pure: the
 * same inputs give the same output. A group is sent `groupWaitMs` after its first event with the
 * count of everything that arrived meanwhile, then at most once per `repeatIntervalMs`; a global
 * budget of `maxMessagesPerWindow` per `rateWindowMs` caps the total, most severe first, folding
 * the excess into one overflow message (nothing is silently dropped). Call it on every tick, with
 * or without events.
 */
export function stepAlerts(
  state: AlertState,
  events: readonly AlertEvent[],
  now: number,
  policy: AlertPolicy,
): { state: AlertState; messages: AlertMessage[] } {
  const maxSubjects = policy.maxSubjects ?? 5;
  const groups = new Map(state.groups);
  // Forget quiet groups first, so the state stays bounded and a new storm waits for its group.
  for (const [key, g] of groups) {
    if (g.pending === 0 && g.lastSentAt !== null && now - g.lastSentAt >= policy.repeatIntervalMs)
      groups.delete(key);
  }
  for (const e of events) groups.set(e.key, fold(groups.get(e.key), e, maxSubjects));

  const due: Group[] = [];
  for (const g of groups.values()) {
    if (g.pending === 0) continue;
    const ready =
      g.lastSentAt === null
        ? now - g.message.firstAt >= policy.groupWaitMs
        : now - g.lastSentAt >= policy.repeatIntervalMs;
    if (ready) due.push(g);
  }
  due.sort(
    (a, b) =>
      severityRank(b.message.severity) - severityRank(a.message.severity) ||
      a.message.firstAt - b.message.firstAt,
  );

  const sentAt = state.sentAt.filter((t) => now - t < policy.rateWindowMs);
  const budget = Math.max(0, policy.maxMessagesPerWindow - sentAt.length);
  const individual = due.length <= budget ? due : due.slice(0, Math.max(0, budget - 1));
  const folded = due.length <= budget || budget === 0 ? [] : due.slice(individual.length);
  const messages: AlertMessage[] = individual.map((g) => g.message);
  if (folded.length > 0) {
    messages.push({
      key: OVERFLOW_ALERT_KEY,
      title: `${folded.length} more alert group(s)`,
      severity: folded.reduce<Severity>((s, g) => maxSeverity(s, g.message.severity), 'LOW'),
      owner: null,
      text: folded.map((g) => `${g.message.title} ×${g.message.count}`).join('; '),
      count: folded.reduce((s, g) => s + g.message.count, 0),
      subjects: [],
      firstAt: Math.min(...folded.map((g) => g.message.firstAt)),
      lastAt: Math.max(...folded.map((g) => g.message.lastAt)),
    });
  }
  for (const g of [...individual, ...folded])
    groups.set(g.message.key, { ...g, pending: 0, lastSentAt: now });
  return { state: { groups, sentAt: [...sentAt, ...messages.map(() => now)] }, messages };
}
