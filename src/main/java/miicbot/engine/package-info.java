/**
 * The conversation engine: a pure function from (conversation, event) to (new conversation, replies), running the
 * {@link miicbot.engine.Interview} it is given. No I/O here, no Telegram, SQL or PDFBox types, and nothing of a
 * particular interview (the MIIC one is data in {@code miicbot.interview}).
 */
package miicbot.engine;
