/**
 * Small tools with no idea of chats, Telegram or storage: {@code BoundedMap}, the one size-capped map the adapters
 * and the store keep per-chat memories in. Nothing here may depend on another package of the bot.
 */
package miicbot.util;
