import { z } from 'zod/mini';

/** A console the content script found and that still needs host access: `options.html#connect=…`. */
const prefillSchema = z.object({
  consoleUrl: z.string(),
  managementUrl: z.string(),
  organization: z.string(),
});

export type ConnectionPrefill = z.infer<typeof prefillSchema>;

/** Reads the prefill from the options page's hash; returns null when there is none or it is invalid. */
export function readPrefill(hash: string): ConnectionPrefill | null {
  const match = /^#connect=(.+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    const parsed = prefillSchema.safeParse(JSON.parse(decodeURIComponent(match[1])));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
