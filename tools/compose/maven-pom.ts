// Reads a dependency's version out of a Maven pom, so tests can hold other pins (such as the Kafka
// image of docker-compose.yml) to the version the local stack really fetches.
import { XMLParser } from 'fast-xml-parser';

interface PomDependency {
  groupId?: string;
  artifactId?: string;
  version?: string | number;
}

interface Pom {
  project?: {
    properties?: Record<string, string | number>;
    dependencies?: { dependency?: PomDependency | PomDependency[] };
  };
}

/**
 * The version of `groupId:artifactId` among the pom's direct dependencies, with `${property}`
 * references resolved from the pom's `<properties>`. Throws when the dependency, its version or a
 * referenced property is missing, so a renamed artifact fails loudly instead of matching nothing.
 */
export function pomDependencyVersion(pomXml: string, groupId: string, artifactId: string): string {
  // Versions stay strings: `4.10` must not become the number 4.1.
  const pom = new XMLParser({ parseTagValue: false }).parse(pomXml) as Pom;
  const dependencies = [pom.project?.dependencies?.dependency ?? []].flat();
  const found = dependencies.find((d) => d.groupId === groupId && d.artifactId === artifactId);
  if (found?.version === undefined) {
    throw new Error(`the pom has no versioned dependency ${groupId}:${artifactId}`);
  }
  const properties = pom.project?.properties ?? {};
  return String(found.version).replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    const value = properties[name];
    if (value === undefined) throw new Error(`the pom does not define the property ${name}`);
    return String(value);
  });
}
