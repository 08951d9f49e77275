import { COMPATIBILITY, SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import avsc from 'avsc';
import { avroLogicalTypes } from '@wair-sfcc/contracts';
import { checkAvroBounds } from './avro-framing';
import type { KafkaSettings } from './kafka-config';
import { RecordDecodeError, SchemaRegistryError } from './kafka-errors';

/** Encodes and decodes Avro values in the Confluent wire format against the registry. */
export interface SchemaCodec {
  /** Finds (or, when allowed, registers) the schema under `subject`; call once per topic at start. */
  resolveId(subject: string, schema: unknown): Promise<number>;
  encode(schemaId: number, value: unknown): Promise<Buffer>;
  decode(bytes: Buffer): Promise<unknown>;
  /** Sets the subject's compatibility level (the registry default may be NONE). */
  setCompatibility(subject: string, level: 'BACKWARD_TRANSITIVE' | 'FULL_TRANSITIVE'): Promise<void>;
}

function authHeader(settings: KafkaSettings['registry']): Record<string, string> {
  if (!settings.username || !settings.password) return {};
  const token = Buffer.from(`${settings.username}:${settings.password}`).toString('base64');
  return { authorization: `Basic ${token}` };
}

export function createSchemaCodec(settings: KafkaSettings['registry']): SchemaCodec {
  const registry = new SchemaRegistry(
    {
      host: settings.url,
      auth:
        settings.username && settings.password
          ? { username: settings.username, password: settings.password }
          : undefined,
    },
    { [SchemaType.AVRO]: { logicalTypes: avroLogicalTypes } },
  );

  const setCompatibility: SchemaCodec['setCompatibility'] = async (subject, level) => {
    const res = await fetch(`${settings.url}/config/${encodeURIComponent(subject)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json', ...authHeader(settings) },
      body: JSON.stringify({ compatibility: level }),
    });
    if (!res.ok) {
      throw new SchemaRegistryError(
        `setting ${level} on ${subject} failed: HTTP ${res.status} ${await res.text()}`,
        res.status >= 500,
        subject,
      );
    }
  };

  return {
    async resolveId(subject, schema) {
      const avro = { type: SchemaType.AVRO as const, schema: JSON.stringify(schema) };
      try {
        return await registry.getRegistryIdBySchema(subject, avro);
      } catch (error) {
        if (!settings.autoRegister) {
          throw new SchemaRegistryError(
            `schema for ${subject} is not registered and SCHEMA_AUTO_REGISTER is off: ${(error as Error).message}`,
            false,
            subject,
          );
        }
      }
      try {
        // Compatibility first: the registry's own default may be NONE, and the client checks it.
        await setCompatibility(subject, 'BACKWARD_TRANSITIVE');
        const { id } = await registry.register(avro, {
          subject,
          compatibility: COMPATIBILITY.BACKWARD_TRANSITIVE,
        });
        return id;
      } catch (error) {
        const status = (error as { status?: number }).status;
        throw new SchemaRegistryError(
          `registering ${subject} failed: ${(error as Error).message}`,
          status === undefined || status >= 500,
          subject,
        );
      }
    },
    encode: (schemaId, value) => registry.encode(schemaId, value),
    async decode(bytes) {
      // Three steps so that a registry outage (retriable) is never mistaken for a corrupt record.
      if (bytes.length < 5 || bytes[0] !== 0) {
        throw new RecordDecodeError('not in the Confluent wire format (magic byte 0 + 4-byte schema id)', {});
      }
      const schemaId = bytes.readInt32BE(1);
      let type: unknown;
      try {
        type = await registry.getSchema(schemaId);
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status === 404 || status === 422) {
          throw new RecordDecodeError(`unknown schema id ${schemaId}`, {});
        }
        throw new SchemaRegistryError(`schema registry unavailable: ${(error as Error).message}`, true);
      }
      const outOfBounds = type instanceof avsc.Type ? checkAvroBounds(type, bytes.subarray(5)) : undefined;
      if (outOfBounds) {
        throw new RecordDecodeError(`cannot decode value with schema ${schemaId}: ${outOfBounds}`, {});
      }
      try {
        return await registry.decode(bytes);
      } catch (error) {
        throw new RecordDecodeError(
          `cannot decode value with schema ${schemaId}: ${(error as Error).message}`,
          {},
        );
      }
    },
    setCompatibility,
  };
}
