/**
 * The bot's own HTTP endpoints, on the JDK's built-in server: Telegram's webhook, /healthz, /readyz and /metrics.
 * Updates go to the Telegram adapter through a plain function; nothing here knows the interview or the store.
 */
package miicbot.web;
