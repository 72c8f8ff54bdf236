import { useId, type ReactNode } from 'react';

export interface TextFieldProps {
  label: string;
  hint?: string;
  /** The validation message; marks the input invalid when set. */
  error?: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  type?: 'text' | 'url' | 'password' | 'number';
  placeholder?: string;
  autoComplete?: string;
  min?: number;
  readOnly?: boolean;
  /** Controls placed after the input, such as a Detect button. */
  children?: ReactNode;
}

/** Renders a labelled input with its hint and validation message. */
export function TextField(props: TextFieldProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label}</label>
      <div className="field-row">
        <input
          id={inputId}
          type={props.type ?? 'text'}
          value={props.value}
          placeholder={props.placeholder}
          autoComplete={props.autoComplete ?? 'off'}
          spellCheck={false}
          min={props.min}
          readOnly={props.readOnly}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => props.onChange(event.target.value)}
          onBlur={props.onBlur}
        />
        {props.children}
      </div>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}
