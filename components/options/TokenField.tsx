import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { TextField } from './TextField';

export interface TokenFieldProps {
  t: Translate;
  value: string;
  onChange(value: string): void;
  /** Whether a token is stored for this connection. Its value is never loaded into the form. */
  hasSavedToken: boolean;
  /** Whether Save deletes the saved token. The choice is offered only while a token is saved. */
  removeToken: boolean;
  onRemoveTokenChange(remove: boolean): void;
  error?: string;
}

function tokenHint(t: Translate, hasSavedToken: boolean, removeToken: boolean): string {
  if (!hasSavedToken) return `${t('options.token.hint')} ${t('options.token.session')}`;
  if (removeToken) return t('options.token.removing');
  return `${t('options.token.saved')} ${t('options.token.hint')}`;
}

/**
 * Renders the personal access token input, masked unless the user asks to see what they typed.
 * With a saved token it also offers to remove it, which switches the connection to the console session.
 */
export function TokenField({ t, value, onChange, hasSavedToken, removeToken, onRemoveTokenChange, error }: TokenFieldProps) {
  const [visible, setVisible] = useState(false);

  return (
    <TextField
      label={t('options.token.label')}
      hint={tokenHint(t, hasSavedToken, removeToken)}
      error={error}
      value={value}
      onChange={onChange}
      type={visible ? 'text' : 'password'}
      placeholder={hasSavedToken && !removeToken ? t('options.token.saved-placeholder') : undefined}
      autoComplete="off"
    >
      <button type="button" className="secondary" aria-pressed={visible} onClick={() => setVisible((shown) => !shown)}>
        {visible ? t('options.token.hide') : t('options.token.show')}
      </button>
      {hasSavedToken && (
        <button type="button" className="secondary" onClick={() => onRemoveTokenChange(!removeToken)}>
          {removeToken ? t('options.token.keep') : t('options.token.remove')}
        </button>
      )}
    </TextField>
  );
}
