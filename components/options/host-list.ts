/** Formats host permission patterns such as `https://apim.example.org/*` for a message, as `https://apim.example.org`. */
export function formatHostList(patterns: string[]): string {
  return patterns.map((pattern) => pattern.replace(/\/\*$/, '')).join(', ');
}
