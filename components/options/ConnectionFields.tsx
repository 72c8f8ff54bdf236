import type { Translate } from '@/lib/i18n';
import { TextField } from './TextField';
import { TokenField } from './TokenField';
import { consoleHost, type ConnectionField, type ConnectionForm } from './validate-connection';

export interface ConnectionFieldsProps {
  t: Translate;
  form: ConnectionForm;
  /** Translated validation messages by field. */
  errors: Partial<Record<ConnectionField, string>>;
  hasSavedToken: boolean;
  /** Whether an administrator set the connection by policy, so only the token can be changed. */
  managed: boolean;
  detecting: boolean;
  onChange(field: ConnectionField, value: string): void;
  onRemoveTokenChange(remove: boolean): void;
  onConsoleUrlBlur(): void;
  onDetect(): void;
}

/** Renders the name, console URL, Management API URL, organization and token fields of one connection. */
export function ConnectionFields(props: ConnectionFieldsProps) {
  const { t, form, errors, hasSavedToken, managed, detecting, onChange } = props;
  return (
    <>
      {managed && <p className="notice notice-info">{t('options.editor.managed')}</p>}
      <TextField
        label={t('options.name.label')}
        hint={t('options.name.hint')}
        error={errors.name}
        value={form.name}
        onChange={(value) => onChange('name', value)}
        // The placeholder shows the name that an empty field stands for.
        placeholder={consoleHost(form.consoleUrl) || undefined}
        readOnly={managed}
      />
      <TextField
        label={t('options.console-url.label')}
        hint={t('options.console-url.hint')}
        error={errors.consoleUrl}
        value={form.consoleUrl}
        onChange={(value) => onChange('consoleUrl', value)}
        onBlur={props.onConsoleUrlBlur}
        type="url"
        placeholder="https://apim.example.org/console/"
        readOnly={managed}
      />
      <TextField
        label={t('options.management-url.label')}
        hint={t('options.management-url.hint')}
        error={errors.managementUrl}
        value={form.managementUrl}
        onChange={(value) => onChange('managementUrl', value)}
        type="url"
        placeholder="https://apim.example.org/management"
        readOnly={managed}
      >
        {!managed && (
          <button type="button" className="secondary" disabled={detecting} onClick={props.onDetect}>
            {detecting ? t('options.detecting') : t('options.detect')}
          </button>
        )}
      </TextField>
      <TextField
        label={t('options.organization.label')}
        hint={t('options.organization.hint')}
        error={errors.organization}
        value={form.organization}
        onChange={(value) => onChange('organization', value)}
        readOnly={managed}
      />
      <TokenField
        t={t}
        value={form.token}
        onChange={(value) => onChange('token', value)}
        hasSavedToken={hasSavedToken}
        removeToken={form.removeToken}
        onRemoveTokenChange={props.onRemoveTokenChange}
        error={errors.token}
      />
    </>
  );
}
