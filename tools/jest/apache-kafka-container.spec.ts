// The container cannot start here (no Docker engine); what can be checked without one is checked:
// why the Testcontainers Kafka module is not used, and what this container asks Docker and the shell.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaContainer } from '@testcontainers/kafka';
import { KAFKA_IMAGE } from '../compose/stack-images';
import {
  AWAITING_LISTENERS_MESSAGE,
  ApacheKafkaContainer,
  releaseCommand,
  startCommand,
} from './apache-kafka-container';

/** Exposes what the container will ask Docker for. */
class InspectableKafkaContainer extends ApacheKafkaContainer {
  requested() {
    return { ports: this.exposedPorts, command: this.createOpts.Cmd, environment: this.environment };
  }
}

describe('ApacheKafkaContainer', () => {
  it('is needed: the Testcontainers Kafka module refuses KRaft on the official image', () => {
    // It drives Confluent's cp-kafka scripts and reads the tag as a Confluent Platform version.
    // When a release accepts apache/kafka, this fails and the module can replace this container.
    expect(() => new KafkaContainer(KAFKA_IMAGE).withKraft()).toThrow(/not supported in Kraft mode/);
  });

  it('exposes the host listener without binding a host port, and starts with the waiting command', () => {
    const container = new InspectableKafkaContainer(KAFKA_IMAGE, 19092, () => 'unused');
    expect(container.requested()).toEqual({ ports: [19092], command: startCommand(), environment: {} });
  });

  it('starts Kafka with the listeners written into the pipe, exactly as given', async () => {
    // The two shell commands, run here with a stand-in for the image's start script.
    const pipe = join(mkdtempSync(join(tmpdir(), 'kafka-start-')), 'pipe');
    const local = (args: string[]): string[] =>
      args.map((arg) =>
        arg
          .replaceAll('/tmp/advertised-listeners', pipe)
          .replace('exec /etc/kafka/docker/run', 'exec printenv KAFKA_ADVERTISED_LISTENERS'),
      );
    const listeners = "INTERNAL://kafka:9092,HOST://a host with 'quotes' $HOME:1";
    const [shell = 'sh', ...startArgs] = local(startCommand());
    const starter = spawn(shell, startArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    // Released only once the start command says it waits, as the container's wait strategy does.
    await new Promise<void>((resolve) =>
      starter.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes(AWAITING_LISTENERS_MESSAGE)) resolve();
      }),
    );
    const [releaseShell = 'sh', ...releaseArgs] = local(releaseCommand(listeners));
    execFileSync(releaseShell, releaseArgs);
    const [code] = (await once(starter, 'close')) as [number];
    expect(code).toBe(0);
    expect(output).toBe(`${AWAITING_LISTENERS_MESSAGE}\n${listeners}\n`);
  });
});
