/**
 * Runs one parent's event through the engine exactly once and delivers the replies it stored, in order, through
 * an adapter's {@link miicbot.chat.Sender}. No Telegram, SQL or PDF types here.
 */
package miicbot.chat;
