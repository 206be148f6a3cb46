/**
 * The conversation engine: a pure function from (conversation, event) to (new conversation, replies), driven by
 * the step table in {@link miicbot.interview}. No I/O here, and no Telegram, SQL or PDFBox types.
 */
package miicbot.engine;
