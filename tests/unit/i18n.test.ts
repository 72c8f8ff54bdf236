import { messageAreas, translate } from '@/lib/i18n';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('message tables', () => {
  it('have the same keys in English and Norwegian Bokmål', () => {
    for (const area of messageAreas) {
      expect(Object.keys(area.nb).sort()).toEqual(Object.keys(area.en).sort());
    }
  });

  it('have no empty message', () => {
    for (const area of messageAreas) {
      for (const [key, text] of [...Object.entries(area.en), ...Object.entries(area.nb)]) {
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const area of messageAreas) {
      for (const [key, english] of Object.entries(area.en)) {
        const norwegian = (area.nb as Record<string, string>)[key] ?? '';
        expect(placeholders(norwegian), key).toEqual(placeholders(english));
      }
    }
  });

  it('never define a key twice across areas', () => {
    const seen = new Map<string, number>();
    for (const area of messageAreas) for (const key of Object.keys(area.en)) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, count]) => count > 1).map(([key]) => key)).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('nb', 'badge.count', { count: 3 })).toBe('3 abonnementsforespørsler venter på din avgjørelse.');
  });
});
