import type { OcapiExtraHandler } from '../ocapi/ocapi-data-dispatcher';
import { ocapiFault } from '../ocapi/ocapi-fault';
import { toJobExecutionDocument } from './job-execution.document';
import type { JobExecutions } from './job-executions';

const START = /^\/jobs\/([^/]+)\/executions\/?$/;
const ONE = /^\/jobs\/([^/]+)\/executions\/([^/]+)$/;

/**
 * OCAPI Data API job resources: `POST /jobs/{job_id}/executions` (202-style start, answered with
 * the execution document, status 202) and `GET /jobs/{job_id}/executions/{id}`.
 */
export function createJobsHandler(version: string, jobs: JobExecutions): OcapiExtraHandler {
  return (call) => {
    const start = START.exec(call.path);
    if (start && call.method === 'POST') {
      const result = jobs.start(
        decodeURIComponent(start[1] as string),
        call.clientId ?? 'unknown',
        call.body,
      );
      return result.ok
        ? { status: 202, body: toJobExecutionDocument(version, result.execution) }
        : ocapiFault(version, result.status, result.type, result.message);
    }
    const one = ONE.exec(call.path);
    if (one && call.method === 'GET') {
      const execution = jobs.get(decodeURIComponent(one[2] as string));
      if (!execution || execution.jobId !== decodeURIComponent(one[1] as string)) {
        return ocapiFault(
          version,
          404,
          'JobExecutionNotFoundException',
          `No job execution with ID '${one[2]}' for job '${one[1]}' could be found.`,
        );
      }
      return { status: 200, body: toJobExecutionDocument(version, execution) };
    }
    return undefined;
  };
}
