/**
 * The Telegram adapter: our own long poll ({@code UpdatePoller}) or the webhook's updates turned into engine events,
 * replies turned into Bot API calls, one ordered queue per chat, retries and pacing within Telegram's limits. No
 * conversation logic here.
 */
package miicbot.telegram;
