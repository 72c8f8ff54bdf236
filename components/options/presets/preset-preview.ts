import { formatDateTimeWithZone } from '@/lib/format';
import type { Language, Translate } from '@/lib/i18n';
import { computeValidity } from '@/lib/presets/compute';
import type { Preset } from '@/lib/presets/model';

/** Describes the dates a preset gives when a request is accepted at `now`, in the browser's time zone. */
export function previewText(preset: Pick<Preset, 'start' | 'end'>, now: Date, language: Language, t: Translate): string {
  const validity = computeValidity(preset, now);
  const start = formatDateTimeWithZone(validity.startingAt, language);
  return validity.endingAt
    ? t('options.presets.preview', { start, end: formatDateTimeWithZone(validity.endingAt, language) })
    : t('options.presets.preview.open-ended', { start });
}
