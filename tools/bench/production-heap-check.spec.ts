import { manifestNodeOptions, productionNodeOptions } from './production-heap-check';

describe('production heap of an app', () => {
  it("reads NODE_OPTIONS from a container's env in a deployment manifest", () => {
    const manifest = [
      '          env:',
      '            - name: LOG_LEVEL',
      '              value: info',
      '            - name: NODE_OPTIONS',
      "              value: '--max-old-space-size=768'",
      '          resources:',
    ].join('\n');
    expect(manifestNodeOptions(manifest)).toBe('--max-old-space-size=768');
    expect(manifestNodeOptions('env:\n  - name: LOG_LEVEL\n    value: info\n')).toBeUndefined();
  });

  it('finds a heap limit in the writer and wair-ingest manifests', () => {
    for (const app of ['sfcc-inventory-writer', 'wair-ingest'])
      expect(productionNodeOptions(app)).toMatch(/--max-old-space-size=\d+/);
  });
});
