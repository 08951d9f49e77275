// TSDoc comments for generated code, wrapped to the house line width.

/** Line width generated TypeScript aims for (prettier's printWidth in this repo). */
export const MAX_WIDTH = 110;

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/** Renders paragraphs (an empty string is a blank line) as a TSDoc comment at `indent`. */
export function tsDoc(paragraphs: string[], indent = ''): string {
  const safe = paragraphs.map((text) => text.replace(/\*\//g, '*\\/'));
  const only = safe[0] ?? '';
  if (safe.length === 1 && indent.length + only.length + 7 <= MAX_WIDTH) {
    return `${indent}/** ${only} */\n`;
  }
  const lines = safe.flatMap((text) => (text ? wrapWords(text, MAX_WIDTH - indent.length - 3) : ['']));
  return `${indent}/**\n${lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}
