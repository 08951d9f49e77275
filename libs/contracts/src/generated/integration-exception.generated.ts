// This file is generated, do not edit. Source: libs/contracts/schemas/integration.exceptions.v1.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';

/**
 * One business exception that needs a named owner team. Key: the exception id (TYPE:subject). A tombstone
 * removes an exception that no longer matters.
 *
 * Avro record `com.wairsfcc.exceptions.v1.IntegrationException` (integration.exceptions.v1.avsc).
 */
export interface IntegrationException {
  /** Stable exception id, TYPE:subject (e.g. SKU_MISMATCH:ABC-123-M); equals the record key. */
  id: string;
  /** Kind of exception. */
  type: ExceptionType;
  /** How urgent the exception is. */
  severity: Severity;
  /** Team that owns resolving the exception. */
  owner: OwnerTeam;
  /** What the subject field identifies. */
  subjectType: SubjectType;
  /** The SKU, order number or other identifier the exception is about. */
  subject: string;
  /** Human-readable explanation for the owner team; never contains personal data. */
  detail: string;
  /**
   * Structured context for tooling (e.g. expected and actual allocation, inventory list id); values are
   * strings.
   */
  data: Record<string, string>;
  /** Name of the app that raised the exception (e.g. reconciliation-auditor). */
  raisedBy: string;
  /**
   * When the condition was first detected.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  firstSeen: number;
  /**
   * When the condition was last detected.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  lastSeen: number;
  /** How many times the condition has been detected since firstSeen. */
  occurrences: number;
  /** Lifecycle state of the exception. */
  state: ExceptionState;
  /** User id (not a name or e-mail address) of the person who acknowledged it; null when not acknowledged. */
  acknowledgedBy: string | null;
  /** Why it was acknowledged; null when not acknowledged. */
  acknowledgedReason: string | null;
  /**
   * When the condition cleared; null while it persists.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  resolvedAt: number | null;
}

/**
 * SKU_MISMATCH: WAIR and SFCC disagree on sellable SKUs; INVENTORY_DRIFT: SFCC inventory differs from the
 * expected allocation; SYNC_DELAY: a WAIR change missed the sync SLA; DISPATCH_NOT_CONFIRMED: dispatched in
 * WAIR but not shipped in SFCC in time; ORDER_NOT_ACCEPTED: captured but not accepted by WAIR in time.
 *
 * Avro enum `com.wairsfcc.exceptions.v1.ExceptionType` (integration.exceptions.v1.avsc).
 */
export type ExceptionType =
  | 'SKU_MISMATCH'
  | 'INVENTORY_DRIFT'
  | 'SYNC_DELAY'
  | 'DISPATCH_NOT_CONFIRMED'
  | 'ORDER_NOT_ACCEPTED';

/** Every {@link ExceptionType} symbol, in schema order. */
export const EXCEPTION_TYPE_VALUES = ['SKU_MISMATCH', 'INVENTORY_DRIFT', 'SYNC_DELAY', 'DISPATCH_NOT_CONFIRMED', 'ORDER_NOT_ACCEPTED'] as const satisfies readonly ExceptionType[];

/**
 * Urgency, lowest first.
 *
 * Avro enum `com.wairsfcc.exceptions.v1.Severity` (integration.exceptions.v1.avsc).
 */
export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** Every {@link Severity} symbol, in schema order. */
export const SEVERITY_VALUES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const satisfies readonly Severity[];

/**
 * OPS: operations; CX: customer experience; MERCH: merchandising; PLATFORM: the integration's platform team.
 *
 * Avro enum `com.wairsfcc.exceptions.v1.OwnerTeam` (integration.exceptions.v1.avsc).
 */
export type OwnerTeam = 'OPS' | 'CX' | 'MERCH' | 'PLATFORM';

/** Every {@link OwnerTeam} symbol, in schema order. */
export const OWNER_TEAM_VALUES = ['OPS', 'CX', 'MERCH', 'PLATFORM'] as const satisfies readonly OwnerTeam[];

/**
 * SKU: a SKU; ORDER: an order number; TOPIC: a Kafka topic; OTHER: anything else.
 *
 * Avro enum `com.wairsfcc.exceptions.v1.SubjectType` (integration.exceptions.v1.avsc).
 */
export type SubjectType = 'SKU' | 'ORDER' | 'TOPIC' | 'OTHER';

/** Every {@link SubjectType} symbol, in schema order. */
export const SUBJECT_TYPE_VALUES = ['SKU', 'ORDER', 'TOPIC', 'OTHER'] as const satisfies readonly SubjectType[];

/**
 * OPEN: needs attention; ACKNOWLEDGED: a person took it on; RESOLVED: the condition cleared.
 *
 * Avro enum `com.wairsfcc.exceptions.v1.ExceptionState` (integration.exceptions.v1.avsc).
 */
export type ExceptionState = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

/** Every {@link ExceptionState} symbol, in schema order. */
export const EXCEPTION_STATE_VALUES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const satisfies readonly ExceptionState[];

/**
 * Avro value schema of `integration.exceptions.v1`, exactly as in
 * `libs/contracts/schemas/integration.exceptions.v1.avsc`.
 */
export const integrationExceptionSchema: AvroRecordSchema = {
  type: 'record',
  name: 'IntegrationException',
  namespace: 'com.wairsfcc.exceptions.v1',
  doc: 'One business exception that needs a named owner team. Key: the exception id (TYPE:subject). A tombstone removes an exception that no longer matters.',
  fields: [
    {
      name: 'id',
      type: 'string',
      doc: 'Stable exception id, TYPE:subject (e.g. SKU_MISMATCH:ABC-123-M); equals the record key.',
    },
    {
      name: 'type',
      doc: 'Kind of exception.',
      type: {
        type: 'enum',
        name: 'ExceptionType',
        doc: 'SKU_MISMATCH: WAIR and SFCC disagree on sellable SKUs; INVENTORY_DRIFT: SFCC inventory differs from the expected allocation; SYNC_DELAY: a WAIR change missed the sync SLA; DISPATCH_NOT_CONFIRMED: dispatched in WAIR but not shipped in SFCC in time; ORDER_NOT_ACCEPTED: captured but not accepted by WAIR in time.',
        symbols: ['SKU_MISMATCH', 'INVENTORY_DRIFT', 'SYNC_DELAY', 'DISPATCH_NOT_CONFIRMED', 'ORDER_NOT_ACCEPTED'],
      },
    },
    {
      name: 'severity',
      doc: 'How urgent the exception is.',
      type: {
        type: 'enum',
        name: 'Severity',
        doc: 'Urgency, lowest first.',
        symbols: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'],
      },
    },
    {
      name: 'owner',
      doc: 'Team that owns resolving the exception.',
      type: {
        type: 'enum',
        name: 'OwnerTeam',
        doc: "OPS: operations; CX: customer experience; MERCH: merchandising; PLATFORM: the integration's platform team.",
        symbols: ['OPS', 'CX', 'MERCH', 'PLATFORM'],
      },
    },
    {
      name: 'subjectType',
      doc: 'What the subject field identifies.',
      type: {
        type: 'enum',
        name: 'SubjectType',
        doc: 'SKU: a SKU; ORDER: an order number; TOPIC: a Kafka topic; OTHER: anything else.',
        symbols: ['SKU', 'ORDER', 'TOPIC', 'OTHER'],
        default: 'OTHER',
      },
    },
    {
      name: 'subject',
      type: 'string',
      doc: 'The SKU, order number or other identifier the exception is about.',
    },
    {
      name: 'detail',
      type: 'string',
      doc: 'Human-readable explanation for the owner team; never contains personal data.',
    },
    {
      name: 'data',
      type: { type: 'map', values: 'string' },
      doc: 'Structured context for tooling (e.g. expected and actual allocation, inventory list id); values are strings.',
    },
    {
      name: 'raisedBy',
      type: 'string',
      doc: 'Name of the app that raised the exception (e.g. reconciliation-auditor).',
    },
    {
      name: 'firstSeen',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the condition was first detected.',
    },
    {
      name: 'lastSeen',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the condition was last detected.',
    },
    {
      name: 'occurrences',
      type: 'long',
      doc: 'How many times the condition has been detected since firstSeen.',
    },
    {
      name: 'state',
      doc: 'Lifecycle state of the exception.',
      type: {
        type: 'enum',
        name: 'ExceptionState',
        doc: 'OPEN: needs attention; ACKNOWLEDGED: a person took it on; RESOLVED: the condition cleared.',
        symbols: ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'],
      },
    },
    {
      name: 'acknowledgedBy',
      type: ['null', 'string'],
      default: null,
      doc: 'User id (not a name or e-mail address) of the person who acknowledged it; null when not acknowledged.',
    },
    {
      name: 'acknowledgedReason',
      type: ['null', 'string'],
      default: null,
      doc: 'Why it was acknowledged; null when not acknowledged.',
    },
    {
      name: 'resolvedAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      doc: 'When the condition cleared; null while it persists.',
    },
  ],
};
