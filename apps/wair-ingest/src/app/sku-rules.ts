/** Why a WAIR SKU code cannot be used as a child SKU, or undefined when it can. */
export interface SkuRules {
  problem(code: string): string | undefined;
}

/**
 * The identifier rules: a child SKU has no surrounding or inner whitespace, is upper case, matches
 * the configured pattern and is not a style or item (parent-level) code of the SKU master.
 */
export function createSkuRules(pattern: string, isParentCode: (code: string) => boolean): SkuRules {
  const regex = new RegExp(pattern);
  return {
    problem(code) {
      if (/\s/.test(code)) return `SKU "${code}" contains whitespace`;
      if (code !== code.toUpperCase())
        return `SKU "${code}" is not upper case (did you mean ${code.toUpperCase()}?)`;
      if (isParentCode(code))
        return `SKU "${code}" is a parent-level (style/item) code, not a size/colour variant`;
      if (!regex.test(code)) return `SKU "${code}" does not match the SKU pattern ${pattern}`;
      return undefined;
    },
  };
}
