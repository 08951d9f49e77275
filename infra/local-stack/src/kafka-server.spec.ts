import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { KAFKA_VERSION, kafkaFetchJob } from './kafka-server';
import { loadStackConfig } from './stack-config';

describe('Kafka server', () => {
  it('names the version pom.xml fetches, so a version bump invalidates the cached jars', () => {
    const config = loadStackConfig({});
    const pom = new XMLParser({ parseTagValue: false }).parse(
      readFileSync(path.join(config.home, 'pom.xml'), 'utf8'),
    ) as { project: { properties: Record<string, string> } };
    expect(pom.project.properties['kafka.version']).toBe(KAFKA_VERSION);
    expect(path.basename(kafkaFetchJob(config).completeMarker)).toBe(`.complete-${KAFKA_VERSION}`);
  });
});
