/**
 * Tests whether text matches a case-insensitive glob, where `*` stands for any run of characters
 * (also none) and `?` for exactly one. Every other character, including `.`, `(` and `\`, only
 * matches itself. Both strings are compared as NFC-normalized, lower-cased code points.
 *
 * The matcher walks both strings and remembers only the latest `*`, so a pattern such as
 * `*a*a*a*b` costs at most pattern length × text length steps, where a regular expression
 * could backtrack far longer.
 */
export function matchesGlob(pattern: string, text: string): boolean {
  const p = Array.from(pattern.normalize('NFC').toLowerCase());
  const t = Array.from(text.normalize('NFC').toLowerCase());

  let pi = 0;
  let ti = 0;
  let starAt = -1;
  let textAtStar = 0;

  while (ti < t.length) {
    const symbol = p[pi];
    if (symbol === '*') {
      starAt = pi;
      textAtStar = ti;
      pi += 1;
    } else if (symbol !== undefined && (symbol === '?' || symbol === t[ti])) {
      pi += 1;
      ti += 1;
    } else if (starAt >= 0) {
      // Let the latest star swallow one more character and retry the rest of the pattern.
      pi = starAt + 1;
      textAtStar += 1;
      ti = textAtStar;
    } else {
      return false;
    }
  }

  while (p[pi] === '*') pi += 1;
  return pi === p.length;
}
