import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AvroRecordSchema } from '../src/avro-schema';

/** One `.avsc` file of `libs/contracts/schemas`, named after the topic whose values it describes. */
export interface AvscSource {
  /** Topic name, i.e. the file name without `.avsc` (e.g. `wair.stock.v1`). */
  readonly topic: string;
  /** File name inside the schemas folder. */
  readonly fileName: string;
  /** The parsed schema; every contract value is a record. */
  readonly schema: AvroRecordSchema;
}

/** Reads every `.avsc` file of `schemasDir`, sorted by file name so output is stable. */
export function loadAvscSources(schemasDir: string): AvscSource[] {
  return readdirSync(schemasDir)
    .filter((fileName) => fileName.endsWith('.avsc'))
    .sort()
    .map((fileName) => {
      const parsed: unknown = JSON.parse(readFileSync(join(schemasDir, fileName), 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== 'record') {
        throw new Error(`${fileName}: a contract schema must be an Avro record`);
      }
      return { topic: fileName.slice(0, -'.avsc'.length), fileName, schema: parsed as AvroRecordSchema };
    });
}
