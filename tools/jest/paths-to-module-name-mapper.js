// Maps tsconfig `paths` to jest's moduleNameMapper (exact aliases only; no wildcards are used).
const path = require('node:path');

function pathsToModuleNameMapper(paths) {
  const root = path.resolve(__dirname, '../..');
  const mapper = {};
  for (const [alias, targets] of Object.entries(paths)) {
    const escaped = alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    mapper[`^${escaped}$`] = path.join(root, targets[0]);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
