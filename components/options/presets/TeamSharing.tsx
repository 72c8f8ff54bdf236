import { useId, useRef, useState } from 'react';
import type { Language, Translate } from '@/lib/i18n';
import { presetDisplayName } from '@/lib/presets/builtins';
import type { ManagedRead } from '@/lib/presets/managed';
import type { PresetSettings } from '@/lib/presets/model';
import { describeFieldProblem, type FieldProblem } from '@/lib/presets/problems';
import { exportTeamFile, MAX_TEAM_FILE_CHARS, parseTeamFile, type TeamFile } from '@/lib/presets/team-file';
import { downloadTextFile } from './download';
import { teamFileCounts } from './team-counts';

export interface TeamSharingProps {
  t: Translate;
  language: Language;
  /** Name of the connection whose rules and default the file carries, or null without connections. */
  connectionName: string | null;
  /** The settings in force for that connection, or the library alone without connections. */
  settings: PresetSettings;
  locked: ManagedRead['locked'];
  /** Applies a checked file for the connection. Resolves to false when storing failed, and the caller has shown why. */
  onImport(file: TeamFile, fileName: string): Promise<boolean>;
}

export const TEAM_FILE_NAME = 'gatekeeper-presets.json';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'rejected'; fileName: string; problems: string[] }
  | { kind: 'ready'; fileName: string; file: TeamFile }
  | { kind: 'applying'; fileName: string; file: TeamFile };

/**
 * Renders export and import of the team file. An import is checked as a whole first: any problem
 * rejects the file with every field path and reason, and a good file is applied only after the
 * user has read its summary, so nothing is ever half imported.
 */
export function TeamSharing({ t, language, connectionName, settings, locked, onImport }: TeamSharingProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const importLocked = locked.presets || locked.rules;

  async function read(file: File) {
    // UTF-8 uses at most four bytes per character, so a larger file is over the limit and stays unread.
    const text = file.size > MAX_TEAM_FILE_CHARS * 4 ? null : await file.text().catch(() => undefined);
    if (text === undefined) {
      setState({ kind: 'rejected', fileName: file.name, problems: [t('options.team.import.read-failed', { file: file.name })] });
      return;
    }
    const parsed = text === null ? tooLarge() : parseTeamFile(text);
    if (!parsed.ok) {
      setState({ kind: 'rejected', fileName: file.name, problems: parsed.problems.map((problem) => describeFieldProblem(problem, language)) });
      return;
    }
    if (parsed.file.defaultPresetId !== undefined && locked.defaultPresetId) {
      setState({ kind: 'rejected', fileName: file.name, problems: [t('options.team.import.locked-default')] });
      return;
    }
    setState({ kind: 'ready', fileName: file.name, file: parsed.file });
  }

  async function apply(file: TeamFile, fileName: string) {
    setState({ kind: 'applying', fileName, file });
    const done = await onImport(file, fileName);
    if (done) reset();
    else setState({ kind: 'ready', fileName, file });
  }

  // Clearing the input lets the user choose the same file again after fixing it.
  function reset() {
    setState({ kind: 'idle' });
    if (inputRef.current) inputRef.current.value = '';
  }

  const defaultName = (file: TeamFile) => {
    const preset = file.presets.find((entry) => entry.id === file.defaultPresetId);
    return preset ? presetDisplayName(preset, language) : null;
  };

  return (
    <>
      <p className="hint">{connectionName ? t('options.team.intro', { connection: connectionName }) : t('options.team.intro.no-connection')}</p>
      <div className="actions">
        <button type="button" onClick={() => downloadTextFile(TEAM_FILE_NAME, exportTeamFile(settings))}>
          {t('options.team.export')}
        </button>
      </div>

      <div className="field">
        <label htmlFor={inputId}>{t('options.team.import.label')}</label>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          accept="application/json,.json"
          disabled={importLocked || connectionName === null || state.kind === 'applying'}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void read(file);
          }}
        />
        {importLocked && <p className="hint">{t('options.team.import.locked')}</p>}
        {!importLocked && connectionName === null && <p className="hint">{t('options.team.import.no-connection')}</p>}
      </div>

      <div aria-live="polite">
        {state.kind === 'rejected' && (
          <div className="notice notice-error" role="alert">
            <p>{t('options.team.import.rejected', { file: state.fileName })}</p>
            <ul>
              {state.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        {(state.kind === 'ready' || state.kind === 'applying') && connectionName && (
          <div className="confirm" role="group" aria-label={t('options.team.import.label')}>
            <p>{t('options.team.import.summary', { file: state.fileName, ...teamFileCounts(state.file, language, t) })}</p>
            {defaultName(state.file) && <p>{t('options.team.import.summary.default', { preset: defaultName(state.file) ?? '' })}</p>}
            <p>{t('options.team.import.effect', { connection: connectionName })}</p>
            <div className="actions">
              <button type="button" className="primary" disabled={state.kind === 'applying'} onClick={() => void apply(state.file, state.fileName)}>
                {t('options.team.import.apply')}
              </button>
              <button type="button" className="secondary" disabled={state.kind === 'applying'} onClick={reset}>
                {t('options.cancel')}
              </button>
            </div>
          </div>
        )}
      </div>
    </>
  );
}

function tooLarge(): { ok: false; problems: FieldProblem[] } {
  return { ok: false, problems: [{ path: '', code: 'too-large', params: { maximum: MAX_TEAM_FILE_CHARS } }] };
}
