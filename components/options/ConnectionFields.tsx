import type { Translate } from '@/lib/i18n';
import { TextField } from './TextField';
import { TokenField } from './TokenField';
import type { OptionsForm } from './validate-options';

export interface ConnectionFieldsProps {
  t: Translate;
  form: OptionsForm;
  /** Translated validation messages by field. */
  errors: Partial<Record<keyof OptionsForm, string>>;
  hasSavedToken: boolean;
  detecting: boolean;
  onChange(field: 'consoleUrl' | 'managementUrl' | 'organization' | 'token', value: string): void;
  onConsoleUrlBlur(): void;
  onDetect(): void;
}

/** Renders the console URL, Management API URL, organization and token fields. */
export function ConnectionFields({ t, form, errors, hasSavedToken, detecting, onChange, onConsoleUrlBlur, onDetect }: ConnectionFieldsProps) {
  return (
    <>
      <TextField
        label={t('options.console-url.label')}
        hint={t('options.console-url.hint')}
        error={errors.consoleUrl}
        value={form.consoleUrl}
        onChange={(value) => onChange('consoleUrl', value)}
        onBlur={onConsoleUrlBlur}
        type="url"
        placeholder="https://apim.example.org/console/"
      />
      <TextField
        label={t('options.management-url.label')}
        hint={t('options.management-url.hint')}
        error={errors.managementUrl}
        value={form.managementUrl}
        onChange={(value) => onChange('managementUrl', value)}
        type="url"
        placeholder="https://apim.example.org/management"
      >
        <button type="button" className="secondary" disabled={detecting} onClick={onDetect}>
          {detecting ? t('options.detecting') : t('options.detect')}
        </button>
      </TextField>
      <TextField
        label={t('options.organization.label')}
        hint={t('options.organization.hint')}
        error={errors.organization}
        value={form.organization}
        onChange={(value) => onChange('organization', value)}
      />
      <TokenField
        t={t}
        value={form.token}
        onChange={(value) => onChange('token', value)}
        hasSavedToken={hasSavedToken}
        error={errors.token}
      />
    </>
  );
}
