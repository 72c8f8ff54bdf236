import { useEffect, useRef, useState } from 'react';
import { defaultPresetSettings } from '@/lib/presets/builtins';
import type { PresetSettings } from '@/lib/presets/model';
import type { RequestTransport } from '@/lib/transport';

/** The preset settings of one connection: still loading, read, or replaced by the built-ins after a failed read. */
export type PresetSettingsState =
  | { status: 'loading' }
  | { status: 'ready'; settings: PresetSettings }
  | { status: 'failed'; settings: PresetSettings };

interface Entry {
  generation: number;
  state: PresetSettingsState;
}

/**
 * Reads the preset settings of each connection once, and again after every change to presets,
 * rules or policy. A connection keeps its previous settings while they are read again, so the
 * offered period does not flicker.
 */
export function usePresetSettings(transport: RequestTransport, connectionIds: readonly string[]): ReadonlyMap<string, PresetSettingsState> {
  const [generation, setGeneration] = useState(0);
  const [entries, setEntries] = useState<ReadonlyMap<string, Entry>>(() => new Map());
  // Which generation each connection was last requested for, so a re-render does not read again.
  const requested = useRef(new Map<string, number>());
  const idsKey = [...new Set(connectionIds)].sort().join('\n');

  useEffect(() => {
    // Another transport has read nothing yet.
    requested.current = new Map();
    return transport.watchPresets(() => setGeneration((current) => current + 1));
  }, [transport]);

  useEffect(() => {
    // Results of earlier runs stay valid after this effect re-runs, because each carries its
    // generation, so nothing is cancelled here. React ignores a state update after unmount.
    const store = (id: string, loadedGeneration: number, state: PresetSettingsState) => {
      setEntries((current) => {
        const previous = current.get(id);
        // A slower read of an older generation must not replace a newer result.
        if (previous && previous.generation > loadedGeneration) return current;
        return new Map(current).set(id, { generation: loadedGeneration, state });
      });
    };

    for (const id of idsKey === '' ? [] : idsKey.split('\n')) {
      if (requested.current.get(id) === generation) continue;
      requested.current.set(id, generation);
      transport.presetSettings(id).then(
        (settings) => store(id, generation, { status: 'ready', settings }),
        (error: unknown) => {
          console.warn(`[panel] could not read the preset settings of connection ${id}`, error);
          store(id, generation, { status: 'failed', settings: defaultPresetSettings() });
        },
      );
    }
  }, [transport, idsKey, generation]);

  const states = new Map<string, PresetSettingsState>();
  for (const id of connectionIds) states.set(id, entries.get(id)?.state ?? { status: 'loading' });
  return states;
}
