import { useState } from 'react';
import type { PendingRequest } from '@/lib/gravitee/types';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { ActionResult } from '@/lib/messages';
import { requestKey } from '@/lib/storage';
import type { RequestTransport } from '@/lib/transport';
import { errorSentence } from './error-sentence';
import type { AcceptHandler, ActionOutcome, RejectHandler } from './request-actions';

interface RequestActionsOptions {
  transport: RequestTransport;
  t: Translate;
  /** "application → API (plan)", with the connection when there are several. */
  summaryOf(request: PendingRequest): string;
  addNotice(text: string): void;
  refresh(): Promise<void>;
}

export interface RequestActions {
  /** Keys (requestKey) of requests handled here. They stay hidden even if an older snapshot still lists them. */
  handledKeys: ReadonlySet<string>;
  /** Keys of requests this panel is sending a decision on, so their in-flight marks are not "elsewhere". */
  sendingKeys: ReadonlySet<string>;
  accept: AcceptHandler;
  reject: RejectHandler;
}

function withKey(keys: ReadonlySet<string>, key: string): ReadonlySet<string> {
  return new Set(keys).add(key);
}

function withoutKey(keys: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(keys);
  next.delete(key);
  return next;
}

/** Sends accept and reject through the transport and turns each result into a row outcome and a notice. */
export function useRequestActions({ transport, t, summaryOf, addNotice, refresh }: RequestActionsOptions): RequestActions {
  const [handledKeys, setHandledKeys] = useState<ReadonlySet<string>>(() => new Set());
  const [sendingKeys, setSendingKeys] = useState<ReadonlySet<string>>(() => new Set());

  function markHandled(request: PendingRequest) {
    setHandledKeys((current) => withKey(current, requestKey(request)));
  }

  async function send(request: PendingRequest, run: () => Promise<ActionResult>): Promise<ActionResult | null> {
    const key = requestKey(request);
    setSendingKeys((current) => withKey(current, key));
    try {
      return await run();
    } catch {
      return null;
    } finally {
      setSendingKeys((current) => withoutKey(current, key));
    }
  }

  async function runAction(request: PendingRequest, successKey: MessageKey, run: () => Promise<ActionResult>): Promise<ActionOutcome> {
    const result = await send(request, run);
    if (!result) return { done: false, errorText: t('panel.transport-failed') };

    if (result.ok) {
      markHandled(request);
      addNotice(t(successKey, { summary: summaryOf(request) }));
      return { done: true };
    }

    // Checked before the error kind: the background sent nothing, so the row and its input stay.
    if (result.inProgressElsewhere) return { done: false, errorText: t('panel.result.in-progress-elsewhere') };

    if (result.error.kind === 'already-processed') {
      markHandled(request);
      const status = result.current?.status;
      addNotice(
        status
          ? t('panel.result.already-processed.status', { summary: summaryOf(request), status })
          : t('panel.result.already-processed', { summary: summaryOf(request) }),
      );
      // The list is out of date for this request, so it is read again.
      void refresh();
      return { done: true };
    }

    // A closed plan, a forbidden API or an invalid request fails the same way again.
    const retryable = !['bad-request', 'forbidden', 'not-found', 'unauthorized'].includes(result.error.kind);
    return { done: false, errorText: errorSentence(t, result.error), retryable };
  }

  const accept: AcceptHandler = (request, validity) =>
    runAction(request, 'panel.result.accepted', () => transport.accept(request, validity));
  const reject: RejectHandler = (request, message) =>
    runAction(request, 'panel.result.rejected', () => transport.reject(request, message));

  return { handledKeys, sendingKeys, accept, reject };
}
