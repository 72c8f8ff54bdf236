import type { PendingRequest, ValidityPeriod } from '@/lib/gravitee/types';

/**
 * The result of an accept or reject, as reported to the row. When `done`, the panel has removed the row
 * and announced the result. Otherwise the row stays and shows `errorText`.
 */
/** The result of an accept or reject as the row shows it; `retryable` is false when sending again cannot help. */
export type ActionOutcome = { done: true } | { done: false; errorText: string; retryable?: boolean };

export type AcceptHandler = (request: PendingRequest, validity: ValidityPeriod) => Promise<ActionOutcome>;
export type RejectHandler = (request: PendingRequest, message: string) => Promise<ActionOutcome>;
