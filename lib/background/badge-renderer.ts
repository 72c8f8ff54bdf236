import { badgeView } from '../badge/state';
import { translator } from '../i18n';
import type { PollSnapshot } from '../messages';
import { userLanguage } from './language';

/** Firefox builds are MV2, where the toolbar button is browserAction. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/** Draws the badge from the stored snapshot; the only place that writes badge text, colour and title. */
export async function renderBadge(snapshot: PollSnapshot, now = Date.now()): Promise<void> {
  const view = badgeView(snapshot, now, translator(await userLanguage()));

  const action = toolbarAction();
  await action.setBadgeText({ text: view.text });
  await action.setBadgeBackgroundColor({ color: view.color });
  await action.setTitle({ title: view.title });
}
