import { mavenNeeded, type FetchJob } from './artifact-fetcher';
import { loadStackConfig } from './stack-config';
import { kafkaFetchJob } from './kafka-server';
import { REGISTRY_DISTRIBUTIONS, registryFetchJob } from './registry-server';

const config = loadStackConfig({ LOCAL_STACK_CACHE: '/cache' });
const jobs: FetchJob[] = [kafkaFetchJob(config), registryFetchJob(config, REGISTRY_DISTRIBUTIONS.modern)];
const [kafkaJars, registryDist] = jobs.map((job) => job.completeMarker);
const present =
  (...files: (string | undefined)[]) =>
  (file: string) =>
    files.includes(file);

describe('mavenNeeded', () => {
  it('is false when every fetch is complete, so a cached machine needs no mvn', () => {
    expect(mavenNeeded(jobs, present(kafkaJars, registryDist))).toBe(false);
  });

  it('is true while the Kafka jars are not complete', () => {
    expect(mavenNeeded(jobs, present(registryDist))).toBe(true);
  });

  it('is true while the registry distribution is not complete', () => {
    expect(mavenNeeded(jobs, present(kafkaJars))).toBe(true);
  });

  it('is true on a fresh machine', () => {
    expect(mavenNeeded(jobs, present())).toBe(true);
  });
});
