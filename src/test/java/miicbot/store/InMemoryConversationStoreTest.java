package miicbot.store;

import miicbot.chat.ConversationStore;
import miicbot.chat.ConversationStoreContract;
import miicbot.chat.TestClock;

class InMemoryConversationStoreTest implements ConversationStoreContract {

    @Override
    public ConversationStore newStore(TestClock clock) {
        return new InMemoryConversationStore(clock);
    }
}
