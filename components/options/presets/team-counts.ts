import type { Language, Translate } from '@/lib/i18n';
import type { TeamFile } from '@/lib/presets/team-file';

/** Formats how many presets and rules a team file has, with the language's plural forms, such as "1 preset" and "3 rules". */
export function teamFileCounts(file: TeamFile, language: Language, t: Translate): { presets: string; rules: string } {
  const rules = new Intl.PluralRules(language);
  const form = (count: number) => (rules.select(count) === 'one' ? 'one' : 'other');
  return {
    presets: t(`options.team.count.presets.${form(file.presets.length)}`, { count: file.presets.length }),
    rules: t(`options.team.count.rules.${form(file.rules.length)}`, { count: file.rules.length }),
  };
}
