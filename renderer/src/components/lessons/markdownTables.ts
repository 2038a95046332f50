/**
 * Lessons may hold simple pipe tables (| a | b |). The renderer has no GFM plugin, so they are cut
 * out of the Markdown here and drawn by the lesson view itself. Pure.
 */
export type MarkdownPart = { type: 'markdown'; markdown: string } | { type: 'table'; header: string[]; rows: string[][] };

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function splitTables(markdown: string): MarkdownPart[] {
  const lines = markdown.split('\n');
  const parts: MarkdownPart[] = [];
  let text: string[] = [];
  const flush = () => {
    const md = text.join('\n').trim();
    if (md) parts.push({ type: 'markdown', markdown: md });
    text = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (line.trim().startsWith('|') && SEPARATOR.test(next)) {
      flush();
      const header = cells(line);
      const rows: string[][] = [];
      let j = i + 2;
      while (j < lines.length && (lines[j] ?? '').trim().startsWith('|')) {
        rows.push(cells(lines[j] ?? ''));
        j += 1;
      }
      parts.push({ type: 'table', header, rows });
      i = j - 1;
    } else {
      text.push(line);
    }
  }
  flush();
  return parts;
}

/** Remove a leading "# Title" line: the lesson view shows the title itself. */
export function dropLeadingTitle(markdown: string): string {
  return markdown.replace(/^\s*#\s+[^\n]*\n?/, '');
}
