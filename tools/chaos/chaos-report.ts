import type { ScenarioResult } from './scenario-runner';

const s = (ms: number | null): string => (ms === null ? 'never' : `${(ms / 1000).toFixed(1)} s`);

/** One scenario as a PASS/FAIL block with the figures behind each invariant. */
export function formatResult(r: ScenarioResult): string {
  const o = r.orders;
  const notes = Object.entries(r.notes)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [
    `${r.pass ? 'PASS' : 'FAIL'} ${r.id} — ${r.title} (${r.seconds} s)`,
    `     injected: ${notes}`,
    `     (a) converged ${s(r.convergedAfterMs)} after the faults stopped; ${r.records - r.wrongRecords}/${r.records} records equal the expected allocation`,
    `     (b) oversold ${r.oversell.oversoldUnits} of ${r.oversell.unitsSold} units sold (${r.oversell.orderLines} lines): ` +
      `${r.oversell.inSyncWindow} in the propagation window (longest ${s(r.oversell.longestWindowMs)}), ` +
      `${r.oversell.inFaultWindow} in a fault window, ${r.oversell.outsideWindows} outside`,
    `     (c) ${o.orders} orders: ${o.orders - o.missingInWair.length} in WAIR (${o.unexpectedInWair.length} unexpected, ` +
      `${o.repeatedPosts} repeated posts absorbed), ${o.orders - o.notExported.length} exported; ` +
      `${o.wairDispatchTotal} WAIR parcels → ${o.emails} dispatch e-mails, ${o.duplicateEmails} duplicates, ` +
      `${o.emailMismatch.length} orders mismatched; ${o.foreignDispatches} dispatches of unknown orders skipped`,
    `     (d) ${r.writes} SFCC allocation writes, ${r.writeRegressions} older over newer`,
    `     (e) malformed orders with an exception ${r.malformedWithException}/${r.malformedOrders}; malformed WAIR ` +
      `records on a DLQ or skipped ${r.malformedWairAccounted}/${r.malformedWair}; ` +
      `crashes ${r.unexpectedExits.length === 0 ? 'none' : r.unexpectedExits.join(', ')}`,
  ];
  for (const f of r.failures) lines.push(`     ✖ ${f}`);
  return lines.join('\n');
}

/** The closing table: one row per scenario. */
export function formatSummary(results: readonly ScenarioResult[]): string {
  const rows = results.map(
    (r) =>
      `${(r.pass ? 'PASS' : 'FAIL').padEnd(5)}${r.id.padEnd(24)}${s(r.convergedAfterMs).padStart(9)}` +
      `${String(r.oversell.outsideWindows).padStart(6)}/${String(r.oversell.oversoldUnits).padEnd(5)}` +
      `${String(r.orders.orders).padStart(7)}${String(r.orders.duplicateEmails).padStart(6)}` +
      `${String(r.writeRegressions).padStart(6)}${String(r.unexpectedExits.length).padStart(8)}`,
  );
  return [
    `${''.padEnd(5)}${'scenario'.padEnd(24)}${'conv.'.padStart(9)}${'overs.'.padStart(6)}${'(all)'.padEnd(5)}${'orders*'.padStart(7)}${'dupE'.padStart(6)}${'older'.padStart(6)}${'crashes'.padStart(8)}`,
    ...rows,
    `${results.filter((r) => r.pass).length}/${results.length} scenarios passed ` +
      `(conv. = time to convergence after the faults; overs. = oversold units outside the windows / all; ` +
      `orders* = storefront orders so far; dupE = duplicate dispatch e-mails; older = older writes over newer)`,
  ].join('\n');
}
