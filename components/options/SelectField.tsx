import { useId, type ReactNode } from 'react';

export interface SelectFieldProps {
  label: string;
  hint?: string;
  value: string;
  disabled?: boolean;
  onChange(value: string): void;
  /** The option elements. */
  children: ReactNode;
}

/** Renders a labelled select in the layout of TextField. */
export function SelectField({ label, hint, value, disabled, onChange, children }: SelectFieldProps) {
  const selectId = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} value={value} disabled={disabled} aria-describedby={hint ? hintId : undefined} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
