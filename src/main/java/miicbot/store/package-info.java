/**
 * Where conversations, undelivered replies and anonymous counters are kept: SQLite on disk, or memory for tests.
 * Personal data is stored only as AES-256-GCM ciphertext; nothing here knows Telegram or the interview's flow.
 */
package miicbot.store;
