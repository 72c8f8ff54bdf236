import type { PendingRequest, ValidityPeriod } from '@/lib/gravitee/types';

/**
 * The result of an accept or reject, as reported to the row. When `done`, the panel has removed the row
 * and announced the result. Otherwise the row stays and shows `errorText`.
 */
export type ActionOutcome = { done: true } | { done: false; errorText: string };

export type AcceptHandler = (request: PendingRequest, validity: ValidityPeriod) => Promise<ActionOutcome>;
export type RejectHandler = (request: PendingRequest, message: string) => Promise<ActionOutcome>;
