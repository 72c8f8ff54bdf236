import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { TextField } from './TextField';

export interface TokenFieldProps {
  t: Translate;
  value: string;
  onChange(value: string): void;
  /** Whether a token is stored; its value is never loaded into the form. */
  hasSavedToken: boolean;
  error?: string;
}

/** Renders the personal access token input, masked unless the user asks to see what they typed. */
export function TokenField({ t, value, onChange, hasSavedToken, error }: TokenFieldProps) {
  const [visible, setVisible] = useState(false);
  const hint = hasSavedToken ? `${t('options.token.saved')} ${t('options.token.hint')}` : t('options.token.hint');

  return (
    <TextField
      label={t('options.token.label')}
      hint={hint}
      error={error}
      value={value}
      onChange={onChange}
      type={visible ? 'text' : 'password'}
      placeholder={hasSavedToken ? t('options.token.saved-placeholder') : undefined}
      autoComplete="off"
    >
      <button type="button" className="secondary" aria-pressed={visible} onClick={() => setVisible((shown) => !shown)}>
        {visible ? t('options.token.hide') : t('options.token.show')}
      </button>
    </TextField>
  );
}
