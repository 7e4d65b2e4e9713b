import { describe, expect, it } from 'vitest';
import { dateLanguage, defaultDateOrder, defaultDecimalMark, readingFrom } from '../../src/domain/locale.js';

describe('the locale decides what a setting does not', () => {
  it.each([
    [{}, 'mdy', '.', 'en'],
    [{ LANG: 'C' }, 'mdy', '.', 'en'],
    [{ LANG: 'POSIX' }, 'mdy', '.', 'en'],
    [{ LANG: 'C.UTF-8' }, 'mdy', '.', 'en'],
    [{ LANG: 'en_US.UTF-8' }, 'mdy', '.', 'en'],
    [{ LANG: 'en_GB.UTF-8' }, 'dmy', '.', 'en'],
    [{ LANG: 'de_DE.UTF-8' }, 'dmy', ',', 'de'],
    [{ LANG: 'de_CH.UTF-8' }, 'dmy', '.', 'de'],
    [{ LANG: 'fr_FR.UTF-8' }, 'dmy', ',', 'fr'],
    [{ LANG: 'pt_BR@euro' }, 'dmy', ',', 'pt'],
    [{ LANG: 'ja_JP.UTF-8' }, 'ymd', '.', 'ja'],
    [{ LANG: 'zh_CN.UTF-8' }, 'ymd', '.', 'zh'],
    [{ LANG: 'ko_KR.UTF-8' }, 'ymd', '.', 'ko'],
    [{ LANG: 'hu_HU.UTF-8' }, 'ymd', ',', 'hu'],
    [{ LANG: 'lt_LT.UTF-8' }, 'ymd', ',', 'lt'],
    [{ LANG: 'de_DE.UTF-8', LC_TIME: 'en_US.UTF-8' }, 'mdy', ',', 'en'],
    [{ LANG: 'en_US.UTF-8', LC_NUMERIC: 'de_DE.UTF-8' }, 'mdy', ',', 'en'],
    [{ LANG: 'de_DE.UTF-8', LC_TIME: 'ja_JP', LC_ALL: 'fr_FR.UTF-8' }, 'dmy', ',', 'fr'],
    [{ LANG: 'de_DE.UTF-8', LC_ALL: 'C' }, 'mdy', '.', 'en'],
    [{ LANG: 'de_DE.UTF-8', LC_ALL: '' }, 'dmy', ',', 'de'],
  ])('%j: dates %s, decimal %s, names in %s', (env, order, decimal, language) => {
    expect(defaultDateOrder(env)).toBe(order);
    expect(defaultDecimalMark(env)).toBe(decimal);
    expect(dateLanguage(env)).toBe(language);
  });

  it('settings win over the locale', () => {
    const env = { LANG: 'de_DE.UTF-8' };
    expect(readingFrom(new Map(), env)).toEqual({ decimal: ',', dateOrder: 'dmy', language: 'de' });
    expect(
      readingFrom(
        new Map([
          ['numbers.decimal', '.'],
          ['dates.order', 'ymd'],
        ]),
        env,
      ),
    ).toEqual({
      decimal: '.',
      dateOrder: 'ymd',
      language: 'de',
    });
  });
});
