/**
 * Where conversations, undelivered replies and anonymous counters are kept: one SQLite file, or PostgreSQL shared
 * by replicas (the tests add a store in memory). Personal data is stored only as AES-256-GCM ciphertext; nothing
 * here knows Telegram or the interview's flow.
 */
package miicbot.store;
