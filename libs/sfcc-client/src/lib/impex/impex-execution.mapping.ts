/** OCAPI `job_execution` document (the fields we read). */
export interface JobExecutionDoc {
  id?: string;
  execution_status?: string;
  exit_status?: {
    code?: string;
    message?: string;
    status?: string;
    /** Per-record problems of an inventory import, when the instance reports them. */
    details?: unknown;
    record_errors?: unknown;
  };
  record_errors?: unknown;
}

/** One record the import refused, by product id. */
export interface ImpexRecordError {
  productId: string;
  message: string;
}

const pick = (o: Record<string, unknown>, ...keys: string[]): string | undefined => {
  // An empty string explains nothing: fall through to the next key or the default.
  for (const k of keys) if (typeof o[k] === 'string' && o[k] !== '') return o[k] as string;
  return undefined;
};

/**
 * The per-record errors of a finished execution. Accepts the list under `exit_status.details`,
 * `exit_status.record_errors` or `record_errors`, each entry naming its `product_id`.
 */
export function recordErrorsOf(execution: JobExecutionDoc): ImpexRecordError[] {
  const list = [
    execution.exit_status?.record_errors,
    execution.exit_status?.details,
    execution.record_errors,
  ].find(Array.isArray) as unknown[] | undefined;
  if (!list) return [];
  return list.flatMap((entry) => {
    if (!entry || typeof entry !== 'object') return [];
    const o = entry as Record<string, unknown>;
    const productId = pick(o, 'product_id', 'productId', 'product-id');
    if (productId === undefined) return [];
    return [{ productId, message: pick(o, 'message', 'error', 'reason') ?? 'refused by the import' }];
  });
}

/**
 * True when the file was refused as a whole: SFCC validates the file against the schema before
 * importing anything, so a schema violation means no record of it was imported.
 */
export function isFileRejected(execution: JobExecutionDoc): boolean {
  const list = [
    execution.exit_status?.details,
    execution.exit_status?.record_errors,
    execution.record_errors,
  ].find(Array.isArray) as unknown[] | undefined;
  // Only a string code is read: String() of some objects (one with a `toString` key) throws.
  return (list ?? []).some((e) => {
    const code = (e as { code?: unknown } | null)?.code;
    return typeof code === 'string' && /SCHEMA/i.test(code);
  });
}

/** True when the execution ended well: `exit_status.status` ok (or code OK). */
export function isExecutionOk(execution: JobExecutionDoc): boolean {
  // Typed loosely on purpose: the document is whatever the instance answered.
  const exit = execution.exit_status as Record<string, unknown> | null | undefined;
  const status = typeof exit?.['status'] === 'string' ? exit['status'].toLowerCase() : undefined;
  const code = typeof exit?.['code'] === 'string' ? exit['code'].toUpperCase() : undefined;
  return status === 'ok' || (status === undefined && code === 'OK');
}
