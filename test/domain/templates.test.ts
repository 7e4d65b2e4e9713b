import { describe, expect, it } from 'vitest';
import { groupAccounts } from '../../src/domain/labels.js';
import { BUILTIN_TEMPLATES, filledTemplateText, isTemplateName, parseTemplate, templateSections } from '../../src/domain/templates.js';

describe('parseTemplate', () => {
  it('reads type, tags (list or words, quoted or not), goal and deal, and leaves the body', () => {
    const t = parseTemplate(
      'r',
      'r.md',
      '---\r\ntype: renewal\r\ntags: [renewal, "q4"]\r\ngoal: q4-renewals\r\ndeal: acme-2027\r\n---\r\nRenewal with \r\n',
    );
    expect(t.meta).toEqual({ type: 'renewal', tags: ['renewal', 'q4'], goal: 'q4-renewals', deal: 'acme-2027' });
    expect(t.body).toBe('Renewal with \n');
    expect(parseTemplate('x', 'x.md', '---\ntags: a b\n---\n').meta.tags).toEqual(['a', 'b']);
  });

  it('front matter without its closing --- is refused, not saved into the note as text', () => {
    expect(() => parseTemplate('r', 'r.md', '---\ntype: call\nCall with \n')).toThrow(
      'invalid front matter in template "r" (r.md): it has no closing ---; end it with a line of ---, or start the template without ---',
    );
    // Empty front matter, and a closing line at the very end, are front matter all the same.
    expect(parseTemplate('e', 'e.md', '---\n---\nBody\n')).toMatchObject({ body: 'Body\n', meta: {} });
    expect(parseTemplate('e', 'e.md', '---\ntype: call\n---')).toMatchObject({ body: '', meta: { type: 'call' } });
  });

  it('a body without front matter is all body', () => {
    expect(parseTemplate('x', 'x.md', 'Just text\n')).toMatchObject({ body: 'Just text\n', meta: {} });
  });

  it('every built-in parses, with a type', () => {
    for (const [name, { text }] of Object.entries(BUILTIN_TEMPLATES)) expect(parseTemplate(name, 'built-in', text).meta.type).toBeTruthy();
  });

  it.each(['colour: red', 'type:', 'just words'])('front matter line %j is refused', (line) => {
    expect(() => parseTemplate('bad', 'bad.md', `---\n${line}\n---\nx`)).toThrow(/invalid front matter in template "bad" \(bad\.md\)/);
  });
});

describe('filledTemplateText', () => {
  const template = 'Call with \n\n## Metrics\n## Champion\n';
  it('drops the headings nobody wrote under', () => {
    expect(filledTemplateText(template, 'Call with Acme\n\n## Metrics\n## Champion\nMaria\n')).toBe('Call with Acme\n\n## Champion\nMaria');
  });
  it('is null when nothing was written: untouched, only blank lines added, or emptied', () => {
    expect(filledTemplateText(template, template)).toBeNull();
    expect(filledTemplateText(template, `${template}\n\n`)).toBeNull();
    expect(filledTemplateText(template, 'Call with\n\n## Metrics\n\n## Champion\n')).toBeNull();
    expect(filledTemplateText(template, '')).toBeNull();
  });
});

it('templateSections: the lead line and the headings to ask for', () => {
  expect(templateSections('Won \n\n## Value\n## Why\n')).toEqual({ lead: 'Won', headings: ['## Value', '## Why'] });
  expect(templateSections('No headings\n')).toEqual({ lead: 'No headings', headings: [] });
});

it.each([
  ['call', true],
  ['my-renewal_2', true],
  ['../x', false],
  ['a/b', false],
  ['', false],
])('isTemplateName(%j) is %s', (name, ok) => {
  expect(isTemplateName(name)).toBe(ok);
});

describe('groupAccounts', () => {
  it('counts spellings of any case together, names the first used, keeps the newest day', () => {
    expect(
      groupAccounts([
        { name: 'ACME', count: 2, last: '2026-11-20', first: '2026-03-01', firstId: 9 },
        { name: 'Acme', count: 1, last: '2026-01-02', first: '2026-01-02', firstId: 4 },
        { name: 'Ärzte GmbH', count: 1, last: '2026-02-01', first: '2026-02-01', firstId: 5 },
        { name: 'ärzte gmbh', count: 1, last: '2026-02-02', first: '2026-02-02', firstId: 6 },
      ]),
    ).toEqual([
      { name: 'Acme', count: 3, last: '2026-11-20' },
      { name: 'Ärzte GmbH', count: 2, last: '2026-02-02' },
    ]);
  });
});
