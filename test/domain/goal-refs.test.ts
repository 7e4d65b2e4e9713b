import { describe, expect, it } from 'vitest';
import { closestMatches, isValidSlug, levenshtein, slugify, uniqueSlug, wouldCreateCycle } from '../../src/domain/goal-refs.js';

describe('slugify', () => {
  it.each([
    ['Close $500,000 new ARR in 2026', 'close-500-000-new-arr-in-2026'],
    ['Q4 ARR', 'q4-arr'],
    ['Réduire le churn à 2 %', 'reduire-le-churn-a-2'],
    ['Straße & Æsir Øresund', 'strasse-aesir-oresund'],
    ["Don't lose Acme’s renewal", 'dont-lose-acmes-renewal'],
    ['  --Hello   World--  ', 'hello-world'],
    ['C++ / C# certification', 'c-c-certification'],
    ['!!!', ''],
    ['', ''],
    ['日本語', '日本語'],
    ['売上目標', '売上目標'],
    ['Продажи в регионе', 'продажи-в-регионе'],
    ['Й и ё', 'й-и-ё'],
    ['ガイドを作る', 'ガイドを作る'],
    ['Q4 売上 2026', 'q4-売上-2026'],
    ['한국 영업 확대', '한국-영업-확대'],
    ['हिन्दी बिक्री', 'हिन्दी-बिक्री'],
    ['Ｑ４ ＡＲＲ', 'q4-arr'],
    ['売上（東京）／大阪', '売上-東京-大阪'],
    ['١٢٣', '١٢٣'],
    // The 60th character falls inside the 9th word, so the cut backs up to the '-' before it.
    ['abcdef '.repeat(10), `${'abcdef-'.repeat(7)}abcdef`],
    // A '-' right after the 60th character: keep all 60.
    [`ab ${'x'.repeat(57)} tail`, `ab-${'x'.repeat(57)}`],
    // One long word: no boundary, hard cut.
    ['y'.repeat(70), 'y'.repeat(60)],
    // Exactly 60 stays whole.
    [`${'z'.repeat(29)} ${'z'.repeat(30)}`, `${'z'.repeat(29)}-${'z'.repeat(30)}`],
  ])('%j → %j', (title, expected) => {
    expect(slugify(title)).toBe(expected);
  });

  it('produces valid slugs or empty', () => {
    for (const title of [
      'Close $500,000 new ARR in 2026',
      'abcdef '.repeat(10),
      'Ça va — très bien',
      '売上目標',
      'Продажи в регионе',
      'ガイド',
    ]) {
      expect(isValidSlug(slugify(title))).toBe(true);
    }
  });
});

describe('uniqueSlug', () => {
  it.each<[string, string[], string]>([
    ['q4-arr', [], 'q4-arr'],
    ['q4-arr', ['other'], 'q4-arr'],
    ['q4-arr', ['q4-arr'], 'q4-arr-2'],
    ['q4-arr', ['q4-arr', 'q4-arr-2'], 'q4-arr-3'],
    ['q4-arr', ['q4-arr-2'], 'q4-arr'],
    ['q4-arr', ['q4-arr', 'q4-arr-3'], 'q4-arr-2'],
  ])('%s against %j → %s', (base, taken, expected) => {
    expect(uniqueSlug(base, new Set(taken))).toBe(expected);
  });
});

describe('isValidSlug', () => {
  it.each([
    ['q4-arr', true],
    ['a', true],
    ['2026', true],
    ['close-500-000-new-arr-in-2026', true],
    ['', false],
    ['Q4-arr', false],
    ['-q4', false],
    ['q4-', false],
    ['q4--arr', false],
    ['q4_arr', false],
    ['q4 arr', false],
    ['réduire', false],
    ['売上目標', true],
    ['продажи-в-регионе', true],
    ['Продажи', false],
    ['売上 目標', false],
    ['売上$目標', false],
    ['q4-売上', true],
  ])('%j → %s', (slug, expected) => {
    expect(isValidSlug(slug)).toBe(expected);
  });
});

describe('levenshtein', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['flaw', 'lawn', 2],
    ['closing', 'clsoing', 2],
  ])('%s ↔ %s = %i', (a, b, expected) => {
    expect(levenshtein(a, b)).toBe(expected);
    expect(levenshtein(b, a)).toBe(expected);
  });
});

describe('closestMatches', () => {
  const competencies = ['negotiation', 'closing', 'prospecting', 'pipeline-management', 'product-knowledge', 'presentation'];
  it.each<[string, readonly string[], number | undefined, string[]]>([
    ['negociation', competencies, undefined, ['negotiation']],
    ['clsoing', competencies, undefined, ['closing']],
    ['CLOSING', competencies, undefined, ['closing']],
    ['pr', competencies, undefined, ['prospecting', 'presentation', 'product-knowledge']],
    ['pr', competencies, 2, ['prospecting', 'presentation']],
    ['management', competencies, undefined, ['pipeline-management']],
    ['xyz', competencies, undefined, []],
    ['', competencies, undefined, []],
    ['q4-ar', ['q4-arr-2', 'q4-arr'], undefined, ['q4-arr', 'q4-arr-2']],
    // Prefix matches outrank a closer typo.
    ['q4', ['q3', 'q4-arr'], undefined, ['q4-arr', 'q3']],
    ['arr', ['q4-arr', 'q4-arr', 'arr-2026'], undefined, ['arr-2026', 'q4-arr']],
    ['negotiation', competencies, 0, []],
  ])('%j → %j', (input, candidates, max, expected) => {
    expect(closestMatches(input, candidates, max)).toEqual(expected);
  });
});

describe('wouldCreateCycle', () => {
  // 3 → 2 → 1 → (none); 4 alone; 5 ⇄ 6 is a loop already in the data.
  const parents = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
    [4, null],
    [5, 6],
    [6, 5],
  ]);
  const parentOf = (id: number): number | null => parents.get(id) ?? null;

  it.each([
    ['self', 1, 1, true],
    ['to a descendant two levels down', 1, 3, true],
    ['to a direct child', 2, 3, true],
    ['to an ancestor', 3, 1, false],
    ['to an unrelated goal', 4, 3, false],
    ['to a goal in an existing loop not through it', 4, 5, false],
    ['closing a walk that reaches it', 5, 6, true],
  ])('%s (%i → %i)', (_name, goalId, parentId, expected) => {
    expect(wouldCreateCycle(goalId, parentId, parentOf)).toBe(expected);
  });
});
