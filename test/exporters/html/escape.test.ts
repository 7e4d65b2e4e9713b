import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeLines } from '../../../src/exporters/html/escape.js';
import { page, table } from '../../../src/exporters/html/page.js';

describe('journal text in HTML', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['"double" and \'single\'', '&quot;double&quot; and &#39;single&#39;'],
    ['<!-- a comment', '&lt;!-- a comment'],
    ['&amp; already', '&amp;amp; already'],
    ['esc\u001b[2J bell\u0007 nul\u0000', 'esc^[[2J bell^G nul^@'],
    ['\u202eevil', '&lt;U+202E&gt;evil'],
    ['tab\tstays', 'tab\tstays'],
  ])('%j is written as text', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });

  it('keeps line breaks as <br> and shows a lone CR as a line break too', () => {
    expect(escapeLines('one\ntwo\r\nthree\rfour <b>')).toBe('one<br>two<br>three<br>four &lt;b&gt;');
  });

  it('escapes the title and every table cell', () => {
    const html = page('<Jane & "Co">', table('<cap>', ['<h>'], [['<td>']]));
    expect(html).toContain('<title>&lt;Jane &amp; &quot;Co&quot;&gt;</title>');
    expect(html).toContain('<caption>&lt;cap&gt;</caption>');
    expect(html).toContain('<th scope="col">&lt;h&gt;</th>');
    expect(html).toContain('<td>&lt;td&gt;</td>');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });
});
