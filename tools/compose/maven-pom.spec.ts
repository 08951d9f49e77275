import { pomDependencyVersion } from './maven-pom';

const pom = (dependencies: string, properties = ''): string =>
  `<?xml version="1.0"?><project><properties>${properties}</properties>` +
  `<dependencies>${dependencies}</dependencies></project>`;
const dependency = (artifactId: string, version: string): string =>
  `<dependency><groupId>org.apache.kafka</groupId><artifactId>${artifactId}</artifactId>` +
  `<version>${version}</version></dependency>`;

describe('pomDependencyVersion', () => {
  it('resolves a version given through a property', () => {
    const xml = pom(
      dependency('kafka-tools', '${kafka.version}') + dependency('kafka_2.13', '${kafka.version}'),
      '<kafka.version>4.10</kafka.version>',
    );
    expect(pomDependencyVersion(xml, 'org.apache.kafka', 'kafka_2.13')).toBe('4.10');
  });

  it('reads a literal version of the only dependency', () => {
    expect(
      pomDependencyVersion(pom(dependency('kafka_2.13', '4.4.0')), 'org.apache.kafka', 'kafka_2.13'),
    ).toBe('4.4.0');
  });

  it('fails on a missing dependency or an undefined property', () => {
    expect(() =>
      pomDependencyVersion(pom(dependency('kafka-tools', '1')), 'org.apache.kafka', 'kafka_2.13'),
    ).toThrow(/no versioned dependency org\.apache\.kafka:kafka_2\.13/);
    expect(() =>
      pomDependencyVersion(
        pom(dependency('kafka_2.13', '${kafka.version}')),
        'org.apache.kafka',
        'kafka_2.13',
      ),
    ).toThrow(/property kafka\.version/);
  });
});
