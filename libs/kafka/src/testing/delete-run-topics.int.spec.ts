import { deleteRunTopics, uniqueName, waitFor, withKafkaAdmin } from './integration-helpers';

describe('deleteRunTopics against the broker', () => {
  const run = uniqueName('delete-run');
  // Shares the run's name as a prefix but not its dot: another run's topic, which must stay.
  const neighbour = `${run}x.keep`;
  const listTopics = () => withKafkaAdmin((admin) => admin.listTopics());

  beforeAll(async () => {
    await withKafkaAdmin((admin) =>
      admin.createTopics({
        waitForLeaders: true,
        topics: [`${run}.stock`, `${run}.stock.dlq`, neighbour].map((topic) => ({ topic, numPartitions: 1 })),
      }),
    );
  });

  afterAll(async () => {
    await withKafkaAdmin((admin) => admin.deleteTopics({ topics: [neighbour] })).catch(() => undefined);
  });

  it("deletes the run's topics and DLQs and nothing else", async () => {
    expect(await deleteRunTopics(run)).toEqual([`${run}.stock`, `${run}.stock.dlq`]);
    await waitFor(
      "the run's topics gone from the broker's metadata",
      async () => !(await listTopics()).some((t) => t.startsWith(`${run}.`)),
      30_000,
    );
    expect(await listTopics()).toContain(neighbour);
    // A second call finds nothing left to delete.
    expect(await deleteRunTopics(run)).toEqual([]);
  });
});
