// A Testcontainers container for the official `apache/kafka` image. `@testcontainers/kafka` cannot
// run that image: its KafkaContainer drives Confluent's cp-kafka start scripts
// (/etc/confluent/docker/run) and refuses KRaft for tags below 7.0.0, which every Apache Kafka
// version is. The difficulty it solves is the same, though: clients on the host must be told the
// host port Docker mapped, which is known only once the container exists. So the container starts
// a shell that waits on a named pipe; once the port is known, the advertised listeners are written
// into the pipe and the image's own start script runs with them.
import {
  BoundPorts,
  GenericContainer,
  Wait,
  getContainerRuntimeClient,
  waitForContainer,
  type InspectResult,
  type StartedTestContainer,
  type WaitStrategy,
} from 'testcontainers';

/** Where a host-side client reaches the broker's host listener. */
export interface HostAddress {
  host: string;
  port: number;
}

/** Printed by the start command once it waits for the advertised listeners. */
export const AWAITING_LISTENERS_MESSAGE = 'waiting for the advertised listeners';

const LISTENERS_PIPE = '/tmp/advertised-listeners';

/** The image's start script (KIP-975 images), run once the advertised listeners are known. */
const IMAGE_START_SCRIPT = '/etc/kafka/docker/run';

/** The container's command: wait (blocked on a pipe, not polling) for the listeners, then start Kafka. */
export function startCommand(): string[] {
  return [
    'sh',
    '-c',
    [
      `mkfifo ${LISTENERS_PIPE}`,
      `echo '${AWAITING_LISTENERS_MESSAGE}'`,
      `read -r listeners < ${LISTENERS_PIPE}`,
      'export KAFKA_ADVERTISED_LISTENERS="$listeners"',
      `exec ${IMAGE_START_SCRIPT}`,
    ].join(' && '),
  ];
}

/** The exec that hands the advertised listeners to the waiting start command (as an argument, unquoted). */
export function releaseCommand(advertisedListeners: string): string[] {
  return ['sh', '-c', `printf '%s\\n' "$1" > ${LISTENERS_PIPE}`, 'release', advertisedListeners];
}

/**
 * `apache/kafka` with one listener published to the host on a port Docker picks. The caller gives
 * the broker's whole configuration as `KAFKA_*` environment (the image then ignores its built-in
 * server.properties) except `KAFKA_ADVERTISED_LISTENERS`, which `advertise` computes from the host
 * address of the published listener.
 */
export class ApacheKafkaContainer extends GenericContainer {
  private readyStrategy: WaitStrategy = Wait.forLogMessage(/Kafka Server started/);

  constructor(
    image: string,
    private readonly hostListenerPort: number,
    private readonly advertise: (address: HostAddress) => string,
  ) {
    super(image);
    this.withExposedPorts(hostListenerPort).withCommand(startCommand()).withStartupTimeout(120_000);
  }

  /** How to tell that the broker is ready once it runs (default: its "Kafka Server started" line). */
  override withWaitStrategy(waitStrategy: WaitStrategy): this {
    this.readyStrategy = waitStrategy;
    return this;
  }

  protected override async beforeContainerCreated(): Promise<void> {
    // Starting only waits for the start command; readiness is awaited after the release.
    this.waitStrategy = Wait.forLogMessage(AWAITING_LISTENERS_MESSAGE);
  }

  protected override async containerStarted(
    container: StartedTestContainer,
    inspectResult: InspectResult,
  ): Promise<void> {
    const listeners = this.advertise({
      host: container.getHost(),
      port: container.getMappedPort(this.hostListenerPort),
    });
    const released = await container.exec(releaseCommand(listeners));
    if (released.exitCode !== 0) {
      throw new Error(`could not hand the advertised listeners to Kafka: ${released.output}`);
    }
    const client = await getContainerRuntimeClient();
    const boundPorts = BoundPorts.fromInspectResult(
      client.info.containerRuntime.hostIps,
      inspectResult,
    ).filter(this.exposedPorts);
    if (this.startupTimeoutMs !== undefined) this.readyStrategy.withStartupTimeout(this.startupTimeoutMs);
    await waitForContainer(
      client,
      client.container.getById(container.getId()),
      this.readyStrategy,
      boundPorts,
    );
  }
}
