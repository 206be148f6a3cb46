/**
 * The bot's own HTTP endpoints, on Jetty 12's core: Telegram's webhook, /healthz, /readyz and /metrics. The
 * webhook hands each body's bytes to a {@code WebhookRoute.Receiver} (the Telegram adapter, wired in Production);
 * nothing here knows Telegram's types, the interview or the store.
 */
package miicbot.web;
