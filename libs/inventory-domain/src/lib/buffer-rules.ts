/** Safety stock held back from the storefront, per list and SKU. */
export interface BufferRules {
  /** Applies when nothing more specific matches. */
  global: number;
  /** By inventory list id. */
  perList?: Readonly<Record<string, number>>;
  /**
   * By SKU pattern, optionally limited to one list. A pattern is a glob (`*` any run, `?` one
   * character) or, between slashes, a regular expression (`/^ABC-\d+$/`).
   */
  perSku?: readonly SkuBufferRule[];
}

export interface SkuBufferRule {
  pattern: string;
  units: number;
  inventoryListId?: string;
}

/** Why a buffer rule cannot be used. */
export class BufferRuleError extends Error {
  readonly retriable = false;
  constructor(
    message: string,
    readonly context: { rule: string },
  ) {
    super(message);
    this.name = 'BufferRuleError';
  }
}

interface CompiledRule {
  rule: SkuBufferRule;
  regex: RegExp;
  /** Higher wins: exact > glob by literal length > regex (see {@link createBufferResolver}). */
  specificity: number;
}

function compile(rule: SkuBufferRule): CompiledRule {
  if (!Number.isInteger(rule.units) || rule.units < 0) {
    throw new BufferRuleError(`buffer for "${rule.pattern}" must be a whole number ≥ 0`, {
      rule: rule.pattern,
    });
  }
  const p = rule.pattern;
  if (p.length > 2 && p.startsWith('/') && p.endsWith('/')) {
    try {
      return { rule, regex: new RegExp(p.slice(1, -1)), specificity: 0 };
    } catch (error) {
      throw new BufferRuleError(`invalid regular expression ${p}: ${(error as Error).message}`, { rule: p });
    }
  }
  const literal = p.replace(/[*?]/g, '').length;
  const escaped = p
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const exact = !/[*?]/.test(p);
  return { rule, regex: new RegExp(`^${escaped}$`), specificity: exact ? 1_000_000 : 1 + literal };
}

/**
 * Builds `buffer(listId, sku)`. Most specific wins: a per-SKU rule beats the per-list value,
 * which beats the global one. Among SKU rules: an exact SKU beats any glob, a glob with more
 * literal characters beats a shorter one, any glob beats a regex, a rule limited to the list beats
 * an unlimited one of the same specificity, and on a full tie the rule listed first wins.
 */
export function createBufferResolver(rules: BufferRules): (inventoryListId: string, sku: string) => number {
  const compiled = (rules.perSku ?? []).map(compile);
  return (inventoryListId, sku) => {
    let best: CompiledRule | undefined;
    let bestScore = -1;
    for (const c of compiled) {
      if (c.rule.inventoryListId !== undefined && c.rule.inventoryListId !== inventoryListId) continue;
      if (!c.regex.test(sku)) continue;
      const score = c.specificity * 2 + (c.rule.inventoryListId !== undefined ? 1 : 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best) return best.rule.units;
    return rules.perList?.[inventoryListId] ?? rules.global;
  };
}

/**
 * Parses `global=2;list:inventory_stores=1;sku:ABC-*=5;sku:inventory_webshop:/^X-\d+$/=0`.
 * Entries separated by `;`; the value after the last `=` is the number of units.
 */
export function parseBufferRules(text: string): BufferRules {
  const out: { global: number; perList: Record<string, number>; perSku: SkuBufferRule[] } = {
    global: 0,
    perList: {},
    perSku: [],
  };
  for (const entry of text
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const eq = entry.lastIndexOf('=');
    const head = eq < 0 ? '' : entry.slice(0, eq).trim();
    const units = Number(eq < 0 ? NaN : entry.slice(eq + 1).trim());
    if (!Number.isInteger(units) || units < 0) {
      throw new BufferRuleError(`"${entry}": the units after "=" must be a whole number ≥ 0`, {
        rule: entry,
      });
    }
    if (head === 'global') out.global = units;
    else if (head.startsWith('list:') && head.length > 5) out.perList[head.slice(5)] = units;
    else if (head.startsWith('sku:') && head.length > 4) {
      const rest = head.slice(4);
      // `sku:<list>:<pattern>` limits the rule to one list; a regex may itself contain ':'.
      const colon = rest.startsWith('/') ? -1 : rest.indexOf(':');
      const rule: SkuBufferRule =
        colon > 0
          ? { inventoryListId: rest.slice(0, colon), pattern: rest.slice(colon + 1), units }
          : { pattern: rest, units };
      compile(rule);
      out.perSku.push(rule);
    } else {
      throw new BufferRuleError(`"${entry}" is not global=N, list:<id>=N or sku:[<list>:]<pattern>=N`, {
        rule: entry,
      });
    }
  }
  return out;
}
