import { ocapiDocVersion } from '../ocapi/ocapi-fault';
import type { JobExecution } from './job-executions';

/** OCAPI's `job_execution` document. Per-record errors are in `exit_status.details`. */
export function toJobExecutionDocument(version: string, e: JobExecution) {
  const end = e.endTime;
  return {
    _v: ocapiDocVersion(version),
    _type: 'job_execution',
    client_id: e.clientId,
    ...(end !== undefined ? { duration: end - e.startTime, end_time: new Date(end).toISOString() } : {}),
    execution_status: e.status,
    ...(e.exit
      ? {
          exit_status: {
            _type: 'status',
            code: e.exit.ok ? 'OK' : 'ERROR',
            details: e.exit.details,
            message: e.exit.message,
            status: e.exit.ok ? 'ok' : 'error',
          },
        }
      : {}),
    id: e.id,
    is_log_file_existing: false,
    is_restart: false,
    job_id: e.jobId,
    parameters: e.parameters.map((p) => ({ _type: 'job_execution_parameter', ...p })),
    start_time: new Date(e.startTime).toISOString(),
    status: e.status === 'finished' ? (e.exit?.ok ? 'OK' : 'ERROR') : e.status.toUpperCase(),
    c_records_imported: e.imported,
    c_records_deleted: e.deleted,
  };
}
