export { enqueueMessages, queueSummary, waitingMessages, type OutgoingMessage, type StoredMessage, type QueueSummary } from './repo.ts';
export { sendOutbox, type MailTransport, type SendResult } from './use-cases/send-outbox.ts';
export { smtpTransport } from './smtp.ts';
export { retryDelayMs } from './core/backoff.ts';
