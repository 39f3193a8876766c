/**
 * The SMTP transport from the configuration (PGB_SMTP_HOST, _PORT, _USER, _PASS). Port 465 speaks
 * TLS from the start; on other ports nodemailer upgrades with STARTTLS when the server offers it.
 * Short time-outs: a mail server that does not answer should not hold a run for minutes.
 */
import type { Config } from '../../config/index.ts';
import { AppError } from '../../kernel/errors.ts';
import type { MailTransport } from './use-cases/send-outbox.ts';

export async function smtpTransport(config: Config): Promise<MailTransport & { close(): void }> {
  if (!config.smtpHost) throw new AppError('CONFIGURATIE', 'PGB_SMTP_HOST ontbreekt: zonder mailserver blijven de berichten in de wachtrij');
  const nodemailer = await import('nodemailer');
  return nodemailer.createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpPort === 465,
    ...(config.smtpUser ? { auth: { user: config.smtpUser, pass: config.smtpPass ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}
