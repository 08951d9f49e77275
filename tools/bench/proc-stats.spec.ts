import { listeningInodes, parseMachineTicks, parseStatTicks, parseStatusKb } from './proc-stats';

describe('/proc parsing', () => {
  it('adds utime and stime of a stat line, even with spaces and parentheses in the name', () => {
    const line = '4242 (node (tsx) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 11 0 99 1 2';
    expect(parseStatTicks(line)).toBe(1234 + 567);
  });

  it('refuses a line without the CPU fields', () => {
    expect(() => parseStatTicks('1 (x) S 1')).toThrow(/unreadable/);
  });

  it('reads VmRSS and VmHWM in bytes, 0 when absent', () => {
    const status = 'Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n';
    expect(parseStatusKb(status, 'VmRSS')).toBe(102400 * 1024);
    expect(parseStatusKb(status, 'VmHWM')).toBe(204800 * 1024);
    expect(parseStatusKb('Name:\tx\n', 'VmRSS')).toBe(0);
  });

  it('counts idle and iowait as not busy on the machine line', () => {
    const stat = 'cpu  100 5 50 800 45 0 0 0 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n';
    expect(parseMachineTicks(stat)).toEqual({ busy: 155, total: 1000 });
  });

  it('finds sockets listening (state 0A) on a port in a /proc/net/tcp table', () => {
    const table = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:719C 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 55501 1',
      '   1: 0100007F:719C 0100007F:A000 01 00000000:00000000 00:00000000 00000000  1000        0 55502 1',
      '   2: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 55503 1',
    ].join('\n');
    expect(listeningInodes(table, 29084)).toEqual(['55501']);
    expect(listeningInodes(table, 8080)).toEqual(['55503']);
    expect(listeningInodes(table, 1)).toEqual([]);
  });
});
