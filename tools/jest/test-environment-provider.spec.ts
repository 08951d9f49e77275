import { chooseStack, PartialStackEnvironmentError, type StackProbes } from './test-environment-provider';
import type { ProvidedStack, StackSource } from './provided-stack';

const stackFrom = (source: StackSource): ProvidedStack => ({
  source,
  KAFKA_BROKERS: `${source}:9092`,
  SCHEMA_REGISTRY_URL: `http://${source}:8081`,
  stop: async () => undefined,
});

/** Probes that record what the provider asked, with Docker answering or not. */
function probes(env: NodeJS.ProcessEnv, dockerAnswers: boolean) {
  const calls: string[] = [];
  const fake: StackProbes = {
    env,
    isDockerAvailable: async () => {
      calls.push('isDockerAvailable');
      return dockerAnswers;
    },
    startContainers: async () => {
      calls.push('startContainers');
      return stackFrom('testcontainers');
    },
    startLocalStack: async (given) => {
      calls.push(`startLocalStack(${given === env ? 'env' : 'other'})`);
      return stackFrom('local-stack');
    },
  };
  return { fake, calls };
}

const both = { KAFKA_BROKERS: 'broker:9092', SCHEMA_REGISTRY_URL: 'http://registry:8081' };

describe('chooseStack', () => {
  it.each([true, false])(
    'uses the stack the environment names, whether or not Docker answers (%s), and starts nothing',
    async (dockerAnswers) => {
      const { fake, calls } = probes({ ...both }, dockerAnswers);
      const stack = await chooseStack(fake);
      expect(stack).toMatchObject({ source: 'environment', ...both });
      expect(calls).toEqual([]);
    },
  );

  it('starts Testcontainers when the environment names no stack and a Docker engine answers', async () => {
    const { fake, calls } = probes({}, true);
    expect((await chooseStack(fake)).source).toBe('testcontainers');
    expect(calls).toEqual(['isDockerAvailable', 'startContainers']);
  });

  it('falls back to the local stack, with the environment, when no Docker engine answers', async () => {
    const { fake, calls } = probes({ LOCAL_KAFKA_PORT: '29092' }, false);
    expect((await chooseStack(fake)).source).toBe('local-stack');
    expect(calls).toEqual(['isDockerAvailable', 'startLocalStack(env)']);
  });

  it('treats empty variables as unset', async () => {
    const { fake } = probes({ KAFKA_BROKERS: '', SCHEMA_REGISTRY_URL: ' ' }, false);
    expect((await chooseStack(fake)).source).toBe('local-stack');
  });

  it.each([
    [{ KAFKA_BROKERS: 'broker:9092' }, /KAFKA_BROKERS is set but SCHEMA_REGISTRY_URL is not/],
    [{ SCHEMA_REGISTRY_URL: 'http://registry:8081' }, /SCHEMA_REGISTRY_URL is set but KAFKA_BROKERS is not/],
  ])('refuses an environment that names half a stack (%o) before probing anything', async (env, message) => {
    const { fake, calls } = probes(env, true);
    const attempt = chooseStack(fake);
    await expect(attempt).rejects.toThrow(PartialStackEnvironmentError);
    await expect(attempt).rejects.toThrow(message);
    expect(calls).toEqual([]);
  });
});
