import { createLogger } from '@wair-sfcc/observability';
import { createLogCapture } from '@wair-sfcc/observability/testing';
import { EventEmitter } from 'node:events';
import { runService } from './service-runner';

describe('runService', () => {
  it('stops the service gracefully on SIGTERM and exits 0', async () => {
    const calls: string[] = [];
    const events = new EventEmitter();
    const exited = new Promise<number>((resolve) => {
      void runService({
        logger: createLogger({ app: 't', level: 'silent' }),
        service: { start: async () => void calls.push('start'), stop: async () => void calls.push('stop') },
        exit: resolve,
        events,
      }).then(() => events.emit('SIGTERM'));
    });
    expect(await exited).toBe(0);
    expect(calls).toEqual(['start', 'stop']);
  });

  it('exits 1 when the service fails to start, after stopping what started', async () => {
    const capture = createLogCapture();
    const calls: string[] = [];
    const code = await new Promise<number>((resolve) => {
      void runService({
        logger: createLogger({ app: 't', level: 'info', destination: capture.destination }),
        service: {
          start: async () => {
            throw new Error('broker unreachable');
          },
          stop: async () => void calls.push('stop'),
        },
        exit: resolve,
        events: new EventEmitter(),
      });
    });
    expect(code).toBe(1);
    expect(calls).toEqual(['stop']);
    expect(capture.lines().join('\n')).toContain('broker unreachable');
  });
});
