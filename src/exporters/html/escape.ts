/**
 * Journal text in an HTML document. Everything the journal holds is text, never markup: `<`, `&`
 * and quotes are escaped (so a note cannot open a tag, a comment or an attribute), and control
 * characters, which HTML either forbids or shows invisibly, get the visible stand-ins the
 * terminal views use (`^[`, `<U+202E>`).
 */
import { inert } from '../../terminal/inert.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return inert(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Escaped text whose line breaks stay line breaks (a multi-line note or quote). */
export function escapeLines(text: string): string {
  return escapeHtml(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>');
}
