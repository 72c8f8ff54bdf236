/**
 * Declares one area's messages. The Norwegian Bokmål table must have exactly the English keys, so
 * a string added in one language only fails to compile.
 */
export function defineMessages<const T extends Record<string, string>>(tables: { en: T; nb: Record<keyof T, string> }) {
  return tables;
}
