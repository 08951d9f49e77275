import type { InventoryStore } from '../inventory/inventory-store';
import { parseInventoryXml, type ImportViolation } from './inventory-xml.parser';
import type { WebdavStore } from './webdav-store';

export type ExecutionStatus = 'pending' | 'running' | 'finished';

/** A per-record problem the import reports in `exit_status.details`. */
export interface ImportRecordError extends ImportViolation {
  code: string;
}

export interface JobExecution {
  id: string;
  jobId: string;
  clientId: string;
  status: ExecutionStatus;
  parameters: Array<{ name: string; value: string }>;
  startTime: number;
  endTime?: number;
  exit?: { ok: boolean; message: string; details: ImportRecordError[] };
  imported: number;
  deleted: number;
}

export type StartResult =
  { ok: true; execution: JobExecution } | { ok: false; status: number; type: string; message: string };

export interface JobExecutionsOptions {
  jobId: string;
  files: WebdavStore;
  inventory: InventoryStore;
  now: () => number;
  /** Keeps a job `running` at least this long, so tests can observe it; settable at run time. */
  minDurationMs: number;
}

const IMPORT_MODES = ['merge', 'update', 'replace', 'delete'] as const;

/** The inventory import job: started over OCAPI, run asynchronously, polled by execution id. */
export function createJobExecutions(options: JobExecutionsOptions) {
  const executions = new Map<string, JobExecution>();
  let nextId = 1;
  let minDurationMs = options.minDurationMs;

  function finish(execution: JobExecution, ok: boolean, message: string, details: ImportRecordError[]): void {
    execution.status = 'finished';
    execution.endTime = options.now();
    execution.exit = { ok, message, details };
  }

  function run(execution: JobExecution, filePath: string, mode: (typeof IMPORT_MODES)[number]): void {
    execution.status = 'running';
    const content = options.files.get(filePath);
    if (!content) return finish(execution, false, `Import file 'Impex/${filePath}' not found.`, []);
    const parsed = parseInventoryXml(content.toString('utf8'));
    if (!parsed.ok) {
      const details = parsed.violations.map((v) => ({ ...v, code: 'SCHEMA_VIOLATION' }));
      return finish(
        execution,
        false,
        `Import file failed schema validation (${details.length} problems); nothing imported.`,
        details,
      );
    }
    const errors: ImportRecordError[] = [];
    const seen = new Map<string, Set<string>>();
    parsed.records.forEach((r, i) => {
      options.inventory.ensureList(r.listId);
      const listSeen = seen.get(r.listId) ?? new Set<string>();
      seen.set(r.listId, listSeen);
      listSeen.add(r.productId);
      const result =
        r.delete || mode === 'delete'
          ? options.inventory.remove(r.listId, r.productId, 'impex')
          : options.inventory.importRecord(r.listId, r.productId, r.change);
      if (result.ok) {
        if (r.delete || mode === 'delete') execution.deleted += 1;
        else execution.imported += 1;
      } else {
        errors.push({
          listId: r.listId,
          record: i + 1,
          productId: r.productId,
          code: result.error.kind.toUpperCase().replace(/-/g, '_'),
          message: result.error.message,
        });
      }
    });
    if (mode === 'replace') {
      for (const [listId, keep] of seen) {
        for (const record of options.inventory.page(listId, 0, Number.MAX_SAFE_INTEGER)?.records ?? []) {
          if (!keep.has(record.productId)) {
            options.inventory.remove(listId, record.productId, 'impex');
            execution.deleted += 1;
          }
        }
      }
    }
    finish(
      execution,
      errors.length === 0,
      errors.length === 0
        ? `Imported ${execution.imported} records, deleted ${execution.deleted}.`
        : `Imported ${execution.imported} records, deleted ${execution.deleted}; ${errors.length} records failed.`,
      errors,
    );
  }

  return {
    jobId: options.jobId,
    setMinDurationMs(ms: number): void {
      minDurationMs = ms;
    },
    start(jobId: string, clientId: string, body: unknown): StartResult {
      if (jobId !== options.jobId)
        return {
          ok: false,
          status: 404,
          type: 'JobNotFoundException',
          message: `No job with ID '${jobId}' could be found.`,
        };
      const busy = [...executions.values()].find((e) => e.jobId === jobId && e.status !== 'finished');
      if (busy) {
        return {
          ok: false,
          status: 400,
          type: 'JobAlreadyRunningException',
          message: `Job '${jobId}' is already running (execution ${busy.id}).`,
        };
      }
      const params = (body as { parameters?: unknown } | undefined)?.parameters ?? [];
      if (
        !Array.isArray(params) ||
        params.some((p) => typeof p?.name !== 'string' || typeof p?.value !== 'string')
      ) {
        return {
          ok: false,
          status: 400,
          type: 'PropertyConstraintViolationException',
          message: "'parameters' must be an array of {name, value} strings.",
        };
      }
      const parameters = params as Array<{ name: string; value: string }>;
      const file = parameters.find((p) => p.name === 'ImportFile')?.value;
      const mode = (parameters.find((p) => p.name === 'ImportMode')?.value ?? 'merge').toLowerCase();
      if (!file)
        return {
          ok: false,
          status: 400,
          type: 'MissingParameterException',
          message: "Job parameter 'ImportFile' (path below Impex/src/) is required.",
        };
      if (!(IMPORT_MODES as readonly string[]).includes(mode)) {
        return {
          ok: false,
          status: 400,
          type: 'InvalidParameterException',
          message: `ImportMode must be one of ${IMPORT_MODES.join(', ')}; got '${mode}'.`,
        };
      }
      const relative = file.replace(/^\/+/, '');
      const filePath = relative.startsWith('src/') ? relative : `src/${relative}`;
      const execution: JobExecution = {
        id: String(nextId++),
        jobId,
        clientId,
        status: 'pending',
        parameters,
        startTime: options.now(),
        imported: 0,
        deleted: 0,
      };
      executions.set(execution.id, execution);
      // Asynchronous like SFCC: the start call answers `pending`, the work happens afterwards.
      const timer = setTimeout(() => {
        execution.status = 'running';
        const hold = setTimeout(
          () => run(execution, filePath, mode as (typeof IMPORT_MODES)[number]),
          minDurationMs,
        );
        hold.unref();
      }, 0);
      timer.unref();
      return { ok: true, execution };
    },
    get: (id: string) => executions.get(id),
    list: () => [...executions.values()],
    reset(): void {
      executions.clear();
      minDurationMs = options.minDurationMs;
    },
  };
}

export type JobExecutions = ReturnType<typeof createJobExecutions>;
