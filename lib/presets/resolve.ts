import type { PendingRequest, ValidityPeriod } from '../gravitee/types';
import { connectionsItem } from '../storage';
import { computeValidity } from './compute';
import { presetConnectionKey } from './connection-key';
import { applyManagedSettings, readManagedSettings, type ManagedRead } from './managed';
import type { PresetSettings } from './model';
import { pickPreset, type PresetPick, type RuleTarget } from './rules';
import { settingsForConnection } from './store';
import { readPresetStore } from './sync-store';

/**
 * The preset settings in force for one connection: the user's, overridden by any policy. A
 * connection id that is no longer stored gets the settings of a connection without rules.
 */
export async function effectivePresetSettings(connectionId: string, managed?: ManagedRead): Promise<PresetSettings> {
  const [store, connections] = await Promise.all([readPresetStore(), connectionsItem.getValue()]);
  const connection = connections.find((entry) => entry.id === connectionId);
  const key = connection ? presetConnectionKey(connection) : connectionId;
  const policy = managed ?? (await readManagedSettings());
  return applyManagedSettings(settingsForConnection(store, key), policy.values);
}

export interface DefaultValidity extends PresetPick {
  validity: ValidityPeriod;
}

/**
 * Picks the preset for a request from settings already read and computes its dates from `now` in
 * the browser's time zone. Views that re-render call this on every clock tick.
 */
export function validityFor(request: RuleTarget, now: Date, settings: PresetSettings): DefaultValidity {
  const pick = pickPreset(settings, request);
  return { ...pick, validity: computeValidity(pick.preset, now) };
}

/**
 * Picks the preset for a request (a rule for its API or plan, else the connection's default) and
 * computes its dates from now in the browser's time zone. Reads the settings when none are given.
 */
export async function defaultValidityFor(request: PendingRequest, now: Date, settings?: PresetSettings): Promise<DefaultValidity> {
  const effective = settings ?? (await effectivePresetSettings(request.connectionId));
  return validityFor(request, now, effective);
}
