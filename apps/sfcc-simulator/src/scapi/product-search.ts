import type { ProductsTypes } from 'commerce-sdk';

type Product = ProductsTypes.Product;
type Query = ProductsTypes.Query;

export type QueryMatcher = { ok: true; match: (p: Product) => boolean } | { ok: false; message: string };

const fieldValue = (p: Product, field: string): unknown => {
  if (field === 'id') return p.id;
  if (field === 'masterId' || field === 'master.masterId') return p.master?.masterId;
  if (field === 'online') return p.online;
  if (field === 'ean') return p.ean;
  return undefined;
};

/** The subset of SCAPI's search query language the simulator understands. */
export function compileQuery(query: Query | undefined): QueryMatcher {
  if (!query || typeof query !== 'object') return { ok: false, message: "'query' is required." };
  if (query.matchAllQuery !== undefined) return { ok: true, match: () => true };
  if (query.termQuery) {
    const { fields, operator, values } = query.termQuery;
    if (!Array.isArray(fields) || fields.length === 0)
      return { ok: false, message: "termQuery needs 'fields'." };
    if (operator !== 'is' && operator !== 'one_of')
      return {
        ok: false,
        message: `termQuery operator '${String(operator)}' is not supported (is, one_of).`,
      };
    const wanted = new Set((values ?? []).map(String));
    return { ok: true, match: (p) => fields.some((f) => wanted.has(String(fieldValue(p, f)))) };
  }
  if (query.textQuery) {
    const phrase = String(query.textQuery.searchPhrase ?? '').toLowerCase();
    const fields = query.textQuery.fields ?? ['id'];
    return {
      ok: true,
      match: (p) =>
        fields.some((f) =>
          String(fieldValue(p, f) ?? (f === 'name' ? p.name?.['default'] : ''))
            .toLowerCase()
            .includes(phrase),
        ),
    };
  }
  if (query.boolQuery) {
    const compile = (qs: Query[] | undefined) => (qs ?? []).map(compileQuery);
    const must = compile(query.boolQuery.must);
    const should = compile(query.boolQuery.should);
    const mustNot = compile(query.boolQuery.mustNot);
    const bad = [...must, ...should, ...mustNot].find((m) => !m.ok);
    if (bad && !bad.ok) return bad;
    const fns = (ms: QueryMatcher[]) => ms.map((m) => (m.ok ? m.match : () => false));
    const [a, b, c] = [fns(must), fns(should), fns(mustNot)];
    return {
      ok: true,
      match: (p) => a.every((f) => f(p)) && (b.length === 0 || b.some((f) => f(p))) && !c.some((f) => f(p)),
    };
  }
  return { ok: false, message: 'Unsupported query: use matchAllQuery, termQuery, textQuery or boolQuery.' };
}
