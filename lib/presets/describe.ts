import type { Language } from '../i18n/language';
import type { PresetMessageKey } from '../i18n/presets';
import type { CalendarAnchor, DurationUnit, Preset, PresetEnd } from './model';
import { presetText } from './messages';
import type { PickReason } from './rules';

/**
 * Describes when a preset starts and ends as one sentence for labels and tooltips, such as
 * "Starts when the request is accepted, ends at the end of the day 30 days later."
 */
export function describePreset(preset: Pick<Preset, 'start' | 'end'>, language: Language): string {
  return presetText(language, 'presets.describe', {
    start: presetText(language, `presets.describe.start.${preset.start}`),
    end: describeEnd(preset.end, language),
  });
}

/** Formats an amount of a unit with the language's plural form, such as "1 day" or "6 måneder". */
export function formatDuration(amount: number, unit: DurationUnit, language: Language): string {
  const form = new Intl.PluralRules(language).select(amount) === 'one' ? 'one' : 'other';
  return presetText(language, `presets.unit.${unit}.${form}`, { count: amount });
}

/** Formats anchor days as a list joined with "or", such as "June 30 or December 31". */
export function formatAnchors(anchors: readonly CalendarAnchor[], language: Language): string {
  // Year 2000 is a leap year, so 29 February prints as itself, and UTC keeps any zone from shifting the day.
  const format = new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const dates = anchors.map((anchor) => {
    const lastDay = new Date(Date.UTC(2000, anchor.month, 0)).getUTCDate();
    return format.format(new Date(Date.UTC(2000, anchor.month - 1, Math.min(anchor.day, lastDay))));
  });
  return new Intl.ListFormat(language, { type: 'disjunction' }).format(dates);
}

/** Describes why pickPreset chose its preset, such as "Rule 2: the plan name matches Student*". */
export function describePickReason(reason: PickReason, language: Language): string {
  switch (reason.kind) {
    case 'rule': {
      const key: PresetMessageKey = `presets.reason.rule.${reason.rule.field}.${reason.rule.match}`;
      return presetText(language, key, { position: reason.index + 1, value: reason.rule.value });
    }
    case 'default':
      return presetText(language, 'presets.reason.default');
    case 'fallback':
      return presetText(language, 'presets.reason.fallback');
  }
}

function describeEnd(end: PresetEnd, language: Language): string {
  switch (end.kind) {
    case 'none':
      return presetText(language, 'presets.describe.end.none');
    case 'duration':
      return presetText(language, 'presets.describe.end.duration', { duration: formatDuration(end.amount, end.unit, language) });
    case 'calendar':
      return presetText(language, 'presets.describe.end.calendar', { dates: formatAnchors(end.anchors, language) });
  }
}
