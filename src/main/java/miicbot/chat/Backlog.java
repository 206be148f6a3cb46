package miicbot.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import miicbot.engine.Reply;

/**
 * A chat's pending replies split into those still worth sending and those a later reply made pointless. This is
 * what lets a chat that sent a burst (a paste split into lines, a stuck key) hear a few messages, not hundreds.
 *
 * <p>The replies of one update end with the question it asks. A question with a later question behind it has been
 * answered or asked again, so it is dropped. So is the feedback before it (a "not a date" or "that question has
 * passed") when that update only asked the same question again, or when the same text is sent later anyway; a
 * line said in the dropped question's own message ({@link Reply.Ask#leadIn}) is such feedback too, and is sent on
 * its own when it is not. Everything else is kept: forms always, notes from an update that moved on, and
 * everything after the last question.
 */
record Backlog(List<ConversationStore.Pending> toSend, List<ConversationStore.Pending> pointless) {

    static Backlog of(List<ConversationStore.Pending> pending) {
        int lastAsk = -1;
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).reply() instanceof Reply.Ask) {
                lastAsk = i;
            }
        }
        if (lastAsk <= 0) {
            return new Backlog(pending, List.of());
        }
        Set<String> laterSays = new HashSet<>();
        for (int i = previousAsk(pending, lastAsk - 1) + 1; i < pending.size(); i++) {
            if (pending.get(i).reply() instanceof Reply.Say say) {
                laterSays.add(say.text());
            }
        }
        // Walk back over whole updates: each ends with its question.
        boolean[] drop = new boolean[pending.size()];
        Reply.Say[] keepOnly = new Reply.Say[pending.size()]; // a dropped question's own lead-in line, still said
        int end = lastAsk;
        while (end > 0) {
            int askIndex = previousAsk(pending, end - 1);
            if (askIndex < 0) {
                break;
            }
            int start = previousAsk(pending, askIndex - 1) + 1;
            int number = ((Reply.Ask) pending.get(askIndex).reply()).ask();
            int before = start > 0 ? ((Reply.Ask) pending.get(start - 1).reply()).ask() : Integer.MIN_VALUE;
            boolean askedAgain = number == before;
            String leadIn = ((Reply.Ask) pending.get(askIndex).reply()).leadIn();
            if (leadIn.isEmpty() || askedAgain || laterSays.contains(leadIn)) {
                drop[askIndex] = true;
            } else {
                keepOnly[askIndex] = new Reply.Say(leadIn);
            }
            for (int i = start; i < askIndex; i++) {
                if (pending.get(i).reply() instanceof Reply.Say say
                        && (askedAgain || laterSays.contains(say.text()))) {
                    drop[i] = true;
                }
            }
            for (int i = start; i < askIndex; i++) {
                if (pending.get(i).reply() instanceof Reply.Say say) {
                    laterSays.add(say.text());
                }
            }
            if (!leadIn.isEmpty()) {
                laterSays.add(leadIn);
            }
            end = start;
        }
        List<ConversationStore.Pending> send = new ArrayList<>();
        List<ConversationStore.Pending> dropped = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            ConversationStore.Pending p = pending.get(i);
            if (keepOnly[i] != null) {
                send.add(new ConversationStore.Pending(p.chatId(), p.seq(), keepOnly[i]));
            } else {
                (drop[i] ? dropped : send).add(p);
            }
        }
        return new Backlog(send, dropped);
    }

    private static int previousAsk(List<ConversationStore.Pending> pending, int from) {
        for (int i = from; i >= 0; i--) {
            if (pending.get(i).reply() instanceof Reply.Ask) {
                return i;
            }
        }
        return -1;
    }
}
