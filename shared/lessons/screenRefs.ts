/**
 * Lessons name app screens only through `{{screen:<id>}}`, never by typing the name. The renderer
 * fills in the menu label of that screen (i18n key `nav.<id>`, the same text the menu shows) in the
 * reader's language, so a lesson can never send the reader to "Geld uit" when the menu says
 * "Geld uitgeven". In the lesson body the reference becomes a link to the screen; in titles,
 * summaries and exercise texts (shown as plain text) it becomes the label alone.
 *
 * A Markdown link with the `screen:` scheme written by hand (`[Geld uit](screen:money-out)`) is the
 * old way and is reported by lintLesson, because its text is a second, drifting copy of the label.
 */

const SCREEN_REF_RE = /\{\{\s*screen:([A-Za-z0-9_-]*)\s*\}\}/g;
const HAND_LINK_RE = /\]\(screen:([^)\s]*)\)/g;

/** Screen ids of every `{{screen:<id>}}` in the text, once each, in order of first use. */
export function findScreenRefs(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(SCREEN_REF_RE)) seen.add(m[1] ?? '');
  return [...seen];
}

/** Screen ids of hand-written `[text](screen:<id>)` links (not allowed in lessons; see lint). */
export function findHandWrittenScreenLinks(text: string): string[] {
  return [...text.matchAll(HAND_LINK_RE)].map((m) => m[1] ?? '');
}

/** Menu label of a screen in the reader's language, e.g. id 'money-out' → "Geld uitgeven". */
export type ScreenLabel = (id: string) => string;

function escapeLinkText(label: string): string {
  return label.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** Replace every `{{screen:<id>}}` by the label (plain text). */
export function fillScreenRefs(text: string, label: ScreenLabel): string {
  return text.replace(SCREEN_REF_RE, (_whole, id: string) => label(id));
}

/** Replace every `{{screen:<id>}}` by a Markdown link `[label](screen:<id>)` the lesson view routes. */
export function linkScreenRefs(markdown: string, label: ScreenLabel): string {
  return markdown.replace(SCREEN_REF_RE, (_whole, id: string) => `[${escapeLinkText(label(id))}](screen:${id})`);
}
