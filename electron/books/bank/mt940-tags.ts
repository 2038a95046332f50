/**
 * Split an MT940 text into its fields (":61:…" plus continuation lines), with source lines.
 * Everything outside the fields is skipped: SWIFT blocks ({1:…}{2:…}{4:), ING's "0000 01INGBNL2A…"
 * and "940 00" header lines, Rabobank's ":940:", ABN AMRO's "ABNANL2A"/"940" lines and the "-" or
 * "-}" message ends (which also close the field before them).
 */
export interface Mt940Field {
  tag: string;
  /** First line's value, after ":tag:". */
  value: string;
  /** Following lines that belong to this field. */
  more: string[];
  line: number;
}

const TAG_RE = /^:(\d{2}[A-Z]?):(.*)$/;

export function splitMt940(text: string): Mt940Field[] {
  const fields: Mt940Field[] = [];
  let current: Mt940Field | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    // A text block may open on the same line as the first field: "{4::20:…" is rare, "{4:" alone common.
    const lineText = raw.replace(/^\{4:/, '');
    const m = TAG_RE.exec(lineText);
    if (m) {
      current = { tag: m[1] as string, value: m[2] as string, more: [], line: i + 1 };
      fields.push(current);
      return;
    }
    if (/^-/.test(lineText) || /^\{/.test(lineText) || /^:\d{3}:/.test(lineText)) {
      current = undefined;
      return;
    }
    if (current && lineText.trim() !== '') current.more.push(lineText);
  });
  return fields;
}
