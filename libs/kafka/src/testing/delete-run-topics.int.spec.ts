import { Kafka, logLevel, type Admin } from 'kafkajs';
import { deleteRunTopics, uniqueName, waitFor } from './integration-helpers';

describe('deleteRunTopics against the broker', () => {
  let admin: Admin;
  const run = uniqueName('delete-run');
  // Shares the run's name as a prefix but not its dot: another run's topic, which must stay.
  const neighbour = `${run}x.keep`;

  beforeAll(async () => {
    admin = new Kafka({
      brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [`${run}.stock`, `${run}.stock.dlq`, neighbour].map((topic) => ({ topic, numPartitions: 1 })),
    });
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [neighbour] }).catch(() => undefined);
    await admin.disconnect();
  });

  it("deletes the run's topics and DLQs and nothing else", async () => {
    expect(await deleteRunTopics(run)).toEqual([`${run}.stock`, `${run}.stock.dlq`]);
    await waitFor(
      "the run's topics gone from the broker's metadata",
      async () => !(await admin.listTopics()).some((t) => t.startsWith(`${run}.`)),
      30_000,
    );
    expect(await admin.listTopics()).toContain(neighbour);
    // A second call finds nothing left to delete.
    expect(await deleteRunTopics(run)).toEqual([]);
  });
});
