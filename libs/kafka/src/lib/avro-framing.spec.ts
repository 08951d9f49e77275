import { schemas, contractSamples, TOPICS } from '@wair-sfcc/contracts';
import { compileAvro, explainInvalid, frame } from './avro-framing';

describe('avro framing', () => {
  const type = compileAvro(schemas[TOPICS.wairStock]);

  it('accepts the contract sample', () => {
    expect(explainInvalid(type, contractSamples[TOPICS.wairStock].value)).toBeUndefined();
  });

  it('names the offending field path', () => {
    const sample = structuredClone(contractSamples[TOPICS.wairStock].value) as unknown as {
      locations: Array<{ onHand: unknown }>;
    };
    const first = sample.locations[0];
    if (!first) throw new Error('sample has no location');
    first.onHand = 'lots';
    expect(explainInvalid(type, sample)).toMatch(/locations\.0\.onHand/);
  });

  it('frames with magic byte 0 and a big-endian schema id', () => {
    const framed = frame(258, Buffer.from([7]));
    expect([...framed]).toEqual([0, 0, 0, 1, 2, 7]);
  });
});
