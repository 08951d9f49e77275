// docker-compose.yml cannot run here (no Docker engine), so its structure is checked instead: pinned
// images (Kafka at the local stack's version, the Testcontainers stack's images, app images at the
// workspace version), app environments that match the apps' config schemas, and references that resolve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appConfigSchemas, sharedConfigSchema } from '../config-reference/app-config-schemas';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';
import { describeVariables } from '../config-reference/config-variables';
import { appImage } from '../packaging/app-image';
import { pomDependencyVersion } from './maven-pom';
import { KAFKA_IMAGE, SCHEMA_REGISTRY_IMAGE } from './stack-images';

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; target?: string; args?: Record<string, unknown> };
  entrypoint?: string | string[];
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  ports?: string[];
}

// `merge`: the file shares settings through YAML anchors and `<<` merge keys, as compose does.
const compose = parse(readFileSync(join(WORKSPACE_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = Object.entries(compose.services);
const service = (name: string): ComposeService | undefined => compose.services[name];

/** The environment of a service as a map, whichever of the two compose forms it uses. */
function environment(svc: ComposeService): Record<string, unknown> {
  const env = svc.environment ?? {};
  if (!Array.isArray(env)) {
    return env;
  }
  return Object.fromEntries(
    env.map((entry) => {
      const at = entry.indexOf('=');
      return at < 0 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)];
    }),
  );
}

/** The tag of an image reference (after the last `:` of the last path segment), if any. */
function imageTag(image: string): string | undefined {
  const [name = ''] = image.split('@');
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const at = lastSegment.indexOf(':');
  return at < 0 ? undefined : lastSegment.slice(at + 1);
}

const appServices = appConfigSchemas.map(({ app, schema }) => ({ app, schema, svc: service(app) }));

const workspaceVersion = (
  JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

describe('docker-compose.yml', () => {
  it('pins every image to an explicit tag that is not `latest`', () => {
    const unpinned = services
      .filter(([, svc]) => {
        const tag = svc.image ? imageTag(svc.image) : undefined;
        return tag === undefined || tag === '' || tag === 'latest';
      })
      .map(([name, svc]) => `${name}: ${svc.image ?? '(no image)'}`);
    expect(unpinned).toEqual([]);
  });

  it('runs the official Kafka image and the Confluent Schema Registry', () => {
    expect(service('kafka')?.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(service('schema-registry')?.image).toMatch(/^confluentinc\/cp-schema-registry:\d+\.\d+\.\d+$/);
  });

  it('runs the Kafka version the local stack fetches (kafka_2.13 in infra/local-stack/pom.xml)', () => {
    const pom = readFileSync(join(WORKSPACE_ROOT, 'infra/local-stack/pom.xml'), 'utf8');
    const localStackKafka = pomDependencyVersion(pom, 'org.apache.kafka', 'kafka_2.13');
    expect(imageTag(service('kafka')?.image ?? '')).toBe(localStackKafka);
  });

  it('runs the broker and registry images that the Testcontainers stack of the integration tests starts', () => {
    expect([service('kafka')?.image, service('schema-registry')?.image]).toEqual([
      KAFKA_IMAGE,
      SCHEMA_REGISTRY_IMAGE,
    ]);
  });

  it('tags every image it builds wair-sfcc/<name>:<package.json version>, as `npm run images` does', () => {
    const built = services.filter(([, svc]) => svc.build !== undefined);
    expect(built.length).toBeGreaterThan(0);
    expect(built.map(([name, svc]) => [name, imageTag(svc.image ?? '')])).toEqual(
      built.map(([name]) => [name, workspaceVersion]),
    );
  });

  it('publishes Kafka to the host on 19092 and advertises it there', () => {
    expect(service('kafka')?.ports).toContain('19092:19092');
    expect(String(environment(service('kafka') ?? {})['KAFKA_ADVERTISED_LISTENERS'])).toMatch(
      /:\/\/127\.0\.0\.1:19092(,|$)/,
    );
  });

  it('has a service for every app that has a config schema', () => {
    expect(appServices.filter((a) => a.svc === undefined).map((a) => a.app)).toEqual([]);
  });

  describe.each(appServices)('app service $app', ({ app, schema, svc = {} }) => {
    const env = environment(svc);

    it('is built from the Dockerfile with APP=<app>, tagged as `npm run images` tags it', () => {
      expect(svc.image).toBe(appImage(app));
      expect(svc.image).toBe(`wair-sfcc/${app}:${workspaceVersion}`);
      expect(svc.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile', args: { APP: app } });
    });

    it('sets only variables its config schema knows', () => {
      expect(Object.keys(env).filter((name) => !(name in schema.shape))).toEqual([]);
    });

    it('sets every required variable that has no default', () => {
      const required = describeVariables(schema, new Set())
        .filter((v) => v.required)
        .map((v) => v.name);
      expect(required.filter((name) => env[name] === undefined)).toEqual([]);
    });

    it('sets values that its config schema accepts', () => {
      const parsed = schema.safeParse(env);
      expect(
        parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      ).toEqual([]);
    });

    it('listens on all interfaces and is healthy only when /readyz answers', () => {
      expect(env['OPS_HOST']).toBe('0.0.0.0');
      const test = [svc.healthcheck?.test ?? []].flat().join(' ');
      expect(test).toContain('/readyz');
    });

    it('starts after Kafka and the registry are healthy and the topics exist', () => {
      expect(svc.depends_on).toEqual({
        kafka: { condition: 'service_healthy' },
        'schema-registry': { condition: 'service_healthy' },
        topics: { condition: 'service_completed_successfully' },
      });
    });
  });

  it('gives every app the credentials its simulator accepts, and points it at the simulator by name', () => {
    const env = (name: string) => environment(service(name) ?? {});
    const sfccSecret = env('sfcc-simulator')['SIM_CLIENT_SECRET'];
    const wairPassword = env('wair-simulator')['WAIR_PASSWORD'];
    const sent = [
      ['sfcc-inventory-writer', 'SFCC_CLIENT_SECRET', sfccSecret, 'SFCC_HOST'],
      ['order-dispatch-bridge', 'SFCC_CLIENT_SECRET', sfccSecret, 'SFCC_SCAPI_HOST'],
      ['order-dispatch-bridge', 'WAIR_PASSWORD', wairPassword, 'WAIR_BASE_URL'],
      ['reconciliation-auditor', 'SFCC_CLIENT_SECRET', sfccSecret, 'SFCC_SCAPI_HOST'],
      ['wair-ingest', 'WAIR_PASSWORD', wairPassword, 'WAIR_BASE_URL'],
    ] as const;
    for (const [app, name, expected, url] of sent) {
      expect([app, name, env(app)[name]]).toEqual([app, name, expected]);
      expect([app, url, env(app)[url]]).toEqual([
        app,
        url,
        expect.stringMatching(/^http:\/\/[a-z]+-simulator:/),
      ]);
    }
  });

  it('provisions the topics once with `npm run topics:apply`, configured with known variables only', () => {
    const topics = service('topics') ?? {};
    // The app images hold only a bundle; the workspace the command needs is the toolbox stage's.
    expect(topics.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile', target: 'toolbox' });
    expect(topics.image).toBe(appImage('toolbox'));
    const run = [...[topics.entrypoint ?? []].flat(), ...[topics.command ?? []].flat()].join(' ');
    expect(run).toContain('npm run topics:apply');
    expect(Object.keys(environment(topics)).filter((name) => !(name in sharedConfigSchema.shape))).toEqual(
      [],
    );
  });

  it('sets every environment value as a string (compose rejects booleans)', () => {
    const nonStrings = services.flatMap(([name, svc]) =>
      Object.entries(environment(svc))
        .filter(([, value]) => typeof value !== 'string')
        .map(([key]) => `${name}.${key}`),
    );
    expect(nonStrings).toEqual([]);
  });

  it('uses the long depends_on form with a condition, naming services that exist', () => {
    const problems = services.flatMap(([name, svc]) => {
      if (svc.depends_on === undefined) {
        return [];
      }
      if (Array.isArray(svc.depends_on)) {
        return [`${name}: depends_on without conditions`];
      }
      return Object.entries(svc.depends_on).flatMap(([target, { condition } = {}]) => [
        ...(service(target) ? [] : [`${name}: depends on unknown service ${target}`]),
        ...(condition ? [] : [`${name}: no condition for ${target}`]),
      ]);
    });
    expect(problems).toEqual([]);
  });

  it('points KAFKA_BROKERS at a broker address that a Kafka service of the file advertises', () => {
    const problems = services.flatMap(([name, svc]) => {
      const brokers = environment(svc)['KAFKA_BROKERS'];
      if (brokers === undefined) {
        return [];
      }
      return String(brokers)
        .split(',')
        .map((b) => b.trim())
        .flatMap((broker) => {
          const host = broker.slice(0, broker.lastIndexOf(':'));
          const target = service(host);
          if (!target) {
            return [`${name}: KAFKA_BROKERS names ${host}, which is no service`];
          }
          const advertised = String(environment(target)['KAFKA_ADVERTISED_LISTENERS'] ?? '');
          return advertised.split(',').some((listener) => listener.endsWith(`://${broker}`))
            ? []
            : [`${name}: ${broker} is not among ${host}'s advertised listeners (${advertised})`];
        });
    });
    expect(problems).toEqual([]);
  });

  it('points SCHEMA_REGISTRY_URL at the registry service, its listener port and its root path', () => {
    const problems = services.flatMap(([name, svc]) => {
      const value = environment(svc)['SCHEMA_REGISTRY_URL'];
      if (value === undefined) {
        return [];
      }
      const url = new URL(String(value));
      const target = service(url.hostname);
      if (!target) {
        return [`${name}: SCHEMA_REGISTRY_URL names ${url.hostname}, which is no service`];
      }
      const listeners = String(environment(target)['SCHEMA_REGISTRY_LISTENERS'] ?? '');
      return [
        ...(listeners.split(',').some((l) => new URL(l).port === url.port)
          ? []
          : [`${name}: port ${url.port} is not a listener of ${url.hostname} (${listeners})`]),
        // Confluent's registry serves the API at the root; /apis/ccompat/v7 is Apicurio's prefix.
        ...(url.pathname.replace(/\/+$/, '') === '' ? [] : [`${name}: unexpected path ${url.pathname}`]),
      ];
    });
    expect(problems).toEqual([]);
  });
});
