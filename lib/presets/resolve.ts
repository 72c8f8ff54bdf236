import type { PendingRequest, ValidityPeriod } from '../gravitee/types';
import { computeValidity } from './compute';
import { applyManagedSettings, readManagedSettings, type ManagedRead } from './managed';
import type { PresetSettings } from './model';
import { pickPreset, type PresetPick } from './rules';
import { readPresetStore, settingsForConnection } from './store';

/** The preset settings in force for one connection: the user's, overridden by any policy. */
export async function effectivePresetSettings(connectionId: string, managed?: ManagedRead): Promise<PresetSettings> {
  const store = await readPresetStore();
  const policy = managed ?? (await readManagedSettings());
  return applyManagedSettings(settingsForConnection(store, connectionId), policy.values);
}

export interface DefaultValidity extends PresetPick {
  validity: ValidityPeriod;
}

/**
 * Picks the preset for a request (a rule for its API or plan, else the connection's default) and
 * computes its dates from now in the browser's time zone.
 */
export async function defaultValidityFor(request: PendingRequest, now: Date, settings?: PresetSettings): Promise<DefaultValidity> {
  const effective = settings ?? (await effectivePresetSettings(request.connectionId));
  const pick = pickPreset(effective, request);
  return { ...pick, validity: computeValidity(pick.preset, now) };
}
