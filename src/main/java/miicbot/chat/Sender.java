package miicbot.chat;

import miicbot.engine.Reply;

/** Delivers one reply to a chat (an adapter implements it); throws when it could not, so the reply stays pending. */
@FunctionalInterface
public interface Sender {
    void deliver(long chatId, Reply reply) throws Exception;
}
