/**
 * The Telegram adapter: long polling with TelegramBots, updates turned into engine events, replies turned into Bot
 * API calls, one ordered queue per chat, retries and pacing within Telegram's limits. No conversation logic here.
 */
package miicbot.telegram;
