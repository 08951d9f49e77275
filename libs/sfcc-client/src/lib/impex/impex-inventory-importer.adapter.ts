import type { InventoryImporter, InventoryRecordWrite, InventoryWriteResult } from '../inventory-writer.port';
import { invalidWriteReason } from '../ocapi/inventory-write.validation';
import { parseOcapiFault } from '../ocapi/ocapi-fault';
import type { OcapiHttpClient } from '../ocapi/ocapi-http.client';
import { ImpexImportError } from '../sfcc-errors';
import {
  isExecutionOk,
  isFileRejected,
  recordErrorsOf,
  type JobExecutionDoc,
} from './impex-execution.mapping';
import { buildInventoryXml } from './inventory-xml.builder';

export interface ImpexInventoryImporterOptions {
  http: OcapiHttpClient;
  ocapiVersion?: string;
  /** Id of the job (Business Manager) whose step imports the inventory file. */
  jobId?: string;
  /** Name of the job parameter that carries the file path, relative to `Impex/src`. */
  fileParameterName?: string;
  /** Folder under `Impex/src` for the uploaded files. */
  remoteDir?: string;
  /** Records per file; a larger list is imported as several files, one after the other. */
  recordsPerFile?: number;
  pollIntervalMs?: number;
  /** How long one file may take from job start (incl. waiting for a running job) to finished. */
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The job execution document of a response; an unreadable one is an explained, retriable error. */
function executionOf(body: Buffer, what: string, context: { jobId: string }): JobExecutionDoc {
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString());
  } catch (error) {
    throw new ImpexImportError(
      `${what} answered with a body that is not JSON: ${(error as Error).message}`,
      true,
      context,
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new ImpexImportError(`${what} answered without a job execution document`, true, context);
  const raw = doc as Record<string, unknown>;
  // Fields are used in paths and messages: only strings (or numbers) are taken as they are, so an
  // odd value (an object, even one with a `toString` key) cannot break a string conversion.
  const id = typeof raw['id'] === 'number' && Number.isFinite(raw['id']) ? String(raw['id']) : raw['id'];
  if (typeof id !== 'string' || id === '')
    throw new ImpexImportError(`${what} answered a job execution without a usable id`, true, context);
  const exit = raw['exit_status'];
  const exitStatus =
    typeof exit === 'object' && exit !== null && !Array.isArray(exit)
      ? (exit as Record<string, unknown>)
      : undefined;
  return {
    ...(raw as JobExecutionDoc),
    id,
    execution_status: textOrUndefined(raw['execution_status']),
    exit_status: exitStatus && {
      ...exitStatus,
      code: textOrUndefined(exitStatus['code']),
      message: textOrUndefined(exitStatus['message']),
      status: textOrUndefined(exitStatus['status']),
    },
  };
}

/** A string as it is, any other value as JSON text (never a throwing conversion); undefined stays. */
function textOrUndefined(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * InventoryImporter over IMPEX: XML file → WebDAV `PUT Impex/src/<dir>/<file>` → job execution
 * `POST /jobs/{job_id}/executions` → poll `GET .../executions/{id}` to `finished` → per-record
 * errors of the execution mapped back to results (the rest of the file counts as written).
 */
export function createImpexInventoryImporter(options: ImpexInventoryImporterOptions): InventoryImporter {
  const version = options.ocapiVersion ?? 'v24_5';
  const jobId = options.jobId ?? 'wair-inventory-import';
  const param = options.fileParameterName ?? 'ImportFile';
  const dir = (options.remoteDir ?? 'inventory').replace(/^\/+|\/+$/g, '');
  const perFile = Math.max(1, options.recordsPerFile ?? 50_000);
  const pollMs = options.pollIntervalMs ?? 2000;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const jobsPath = `/s/-/dw/data/${version}/jobs/${encodeURIComponent(jobId)}/executions`;
  let fileSeq = 0;

  const upload = async (file: string, xml: string): Promise<void> => {
    const path = `/on/demandware.servlet/webdav/Sites/Impex/src/${file}`;
    const res = await options.http.request({
      method: 'PUT',
      path,
      headers: { 'content-type': 'application/xml' },
      body: xml,
    });
    if (res.status < 200 || res.status >= 300) {
      throw new ImpexImportError(`WebDAV upload of ${file} answered ${res.status}`, false, {
        path,
        status: res.status,
      });
    }
  };

  const start = async (file: string, deadline: number): Promise<JobExecutionDoc> => {
    const body = JSON.stringify({ parameters: [{ name: param, value: file }] });
    for (;;) {
      const res = await options.http.request({
        method: 'POST',
        path: jobsPath,
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (res.status >= 200 && res.status < 300)
        return executionOf(res.body, `starting job ${jobId}`, { jobId });
      const fault = parseOcapiFault(res.body);
      if (fault?.type !== 'JobAlreadyRunningException') {
        throw new ImpexImportError(
          `starting job ${jobId} answered ${res.status} ${fault?.type ?? ''}`,
          false,
          {
            jobId,
            status: res.status,
            faultType: fault?.type,
          },
        );
      }
      // Only one execution of a job runs at a time: wait for the other one (a previous refresh).
      if (now() + pollMs > deadline)
        throw new ImpexImportError(`job ${jobId} stayed busy until the timeout`, true, { jobId });
      await sleep(pollMs);
    }
  };

  const waitFinished = async (execution: JobExecutionDoc, deadline: number): Promise<JobExecutionDoc> => {
    let current = execution;
    const id = encodeURIComponent(String(execution.id));
    while (!['finished', 'aborted'].includes(current.execution_status ?? '')) {
      if (now() + pollMs > deadline) {
        throw new ImpexImportError(
          `job ${jobId} execution ${execution.id} not finished before the timeout`,
          true,
          {
            jobId,
            executionId: execution.id,
          },
        );
      }
      await sleep(pollMs);
      const res = await options.http.request({ method: 'GET', path: `${jobsPath}/${id}` });
      if (res.status !== 200) {
        throw new ImpexImportError(
          `polling execution ${execution.id} answered ${res.status}`,
          res.status === 404,
          {
            jobId,
            executionId: execution.id,
            status: res.status,
          },
        );
      }
      current = executionOf(res.body, `polling execution ${execution.id}`, { jobId });
    }
    return current;
  };

  const importFile = async (
    listId: string,
    records: InventoryRecordWrite[],
  ): Promise<InventoryWriteResult[]> => {
    fileSeq += 1;
    const file = `${dir}/wair-inventory-${listId.replace(/[^A-Za-z0-9_-]/g, '_')}-${now()}-${fileSeq}.xml`;
    try {
      await upload(file, buildInventoryXml(listId, records));
      const deadline = now() + timeoutMs;
      const finished = await waitFinished(await start(file, deadline), deadline);
      const errors = new Map(recordErrorsOf(finished).map((e) => [e.productId, e.message]));
      if (!isExecutionOk(finished) && (errors.size === 0 || isFileRejected(finished))) {
        // The file failed as a whole (schema violation, aborted job): nothing of it was imported.
        const message =
          `import ${finished.execution_status}: ${finished.exit_status?.code ?? ''} ${finished.exit_status?.message ?? ''}`.trim();
        const aborted = finished.execution_status === 'aborted';
        return records.map((write) => ({
          write,
          status: aborted ? 'FAILED' : 'REJECTED',
          message,
          retriable: aborted,
        }));
      }
      return records.map((write) => {
        const message = errors.get(write.productId);
        return message === undefined
          ? { write, status: 'OK', retriable: false }
          : { write, status: 'REJECTED', faultType: 'ImportRecordError', message, retriable: false };
      });
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable !== false;
      return records.map((write) => ({
        write,
        status: retriable ? 'FAILED' : 'REJECTED',
        message: (error as Error).message,
        retriable,
      }));
    }
  };

  return {
    async importList(listId, records) {
      const results: InventoryWriteResult[] = [];
      const valid: InventoryRecordWrite[] = [];
      for (const write of records) {
        const reason =
          write.inventoryListId !== listId
            ? `record belongs to list ${write.inventoryListId}, not ${listId}`
            : invalidWriteReason(write);
        if (reason) results.push({ write, status: 'REJECTED', message: reason, retriable: false });
        else valid.push(write);
      }
      for (let i = 0; i < valid.length; i += perFile)
        results.push(...(await importFile(listId, valid.slice(i, i + perFile))));
      return results;
    },
  };
}
