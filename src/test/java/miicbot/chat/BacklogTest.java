package miicbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import miicbot.engine.Reply;
import org.junit.jupiter.api.Test;

class BacklogTest {

    private static List<ConversationStore.Pending> pending(Reply... replies) {
        List<ConversationStore.Pending> list = new ArrayList<>();
        for (int i = 0; i < replies.length; i++) {
            list.add(new ConversationStore.Pending(7, i + 1, replies[i]));
        }
        return list;
    }

    private static Reply.Ask ask(int number) {
        return new Reply.Ask("Question " + number, List.of(), number);
    }

    private static List<Reply> sent(Backlog backlog) {
        return backlog.toSend().stream().map(ConversationStore.Pending::reply).toList();
    }

    @Test
    void oneUpdatesRepliesAreAllSent() {
        var replies = pending(new Reply.Say("Not a date."), ask(3));
        assertEquals(List.of(new Reply.Say("Not a date."), ask(3)), sent(Backlog.of(replies)));
    }

    @Test
    void aQuestionAnsweredMeanwhileAndItsRepeatedComplaintsAreDropped() {
        var replies = pending(new Reply.Say("Not a date."), ask(3), new Reply.Say("Not a date."), ask(3), ask(4));
        Backlog backlog = Backlog.of(replies);
        assertEquals(List.of(ask(4)), sent(backlog));
        assertEquals(4, backlog.pointless().size());
    }

    @Test
    void aBurstOfRefusedLinesEndsAsOneComplaintAndTheQuestion() {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replies.add(new Reply.Say("Please type a name."));
            replies.add(ask(2));
        }
        assertEquals(List.of(new Reply.Say("Please type a name."), ask(2)),
                sent(Backlog.of(pending(replies.toArray(Reply[]::new)))));
    }

    private static Reply.Ask ledBy(String line, int number) {
        return new Reply.Ask(line + "\n\nQuestion " + number, List.of(), number, null, null, line);
    }

    @Test
    void aQuestionAnsweredMeanwhileStillSaysTheLineInItsMessage() {
        var replies = pending(ledBy("Typed answers are deleted at the review.", 2), ask(3));
        Backlog backlog = Backlog.of(replies);
        assertEquals(List.of(new Reply.Say("Typed answers are deleted at the review."), ask(3)), sent(backlog));
        assertEquals(List.of(1L, 2L), backlog.toSend().stream().map(ConversationStore.Pending::seq).toList(),
                "sent under the question's own number, so it is marked delivered once");
        assertEquals(List.of(), backlog.pointless());
    }

    @Test
    void aBurstOfRefusedLinesInTheQuestionsMessageEndsAsOneMessage() {
        List<Reply> replies = new ArrayList<>(List.of(ask(1)));
        for (int i = 0; i < 200; i++) {
            replies.add(ledBy("Please type a name.", 2));
        }
        assertEquals(List.of(ledBy("Please type a name.", 2)),
                sent(Backlog.of(pending(replies.toArray(Reply[]::new)))));
    }

    @Test
    void notesFromAnUpdateThatMovedOnAndTextAfterTheLastQuestionAreKept() {
        var replies = pending(new Reply.Say("Over 18: noted."), ask(5), ask(6), new Reply.Say("Bye."));
        assertEquals(List.of(new Reply.Say("Over 18: noted."), ask(6), new Reply.Say("Bye.")),
                sent(Backlog.of(replies)));
    }
    @Test
    void aQuestionAtTheVeryStartIsDroppedOnceAnotherFollows() {
        Backlog backlog = Backlog.of(pending(ask(1), ask(2)));
        assertEquals(List.of(ask(2)), sent(backlog));
        assertEquals(List.of(ask(1)), backlog.pointless().stream().map(ConversationStore.Pending::reply).toList());
    }

    @Test
    void aLoneQuestionAndWhatFollowsItAreAllKept() {
        var replies = pending(ask(1), new Reply.Say("Bye."));
        Backlog backlog = Backlog.of(replies);
        assertEquals(replies, backlog.toSend());
        assertEquals(List.of(), backlog.pointless());
        assertEquals(List.of(), Backlog.of(List.of()).toSend());
    }

    @Test
    void aComplaintSentAgainInTheLastUpdateIsDroppedEarlier() {
        var replies = pending(new Reply.Say("Not a date."), ask(3), new Reply.Say("Not a date."), ask(4));
        assertEquals(List.of(new Reply.Say("Not a date."), ask(4)), sent(Backlog.of(replies)));
    }

    @Test
    void aComplaintAfterTheLastQuestionDropsTheSameOneBefore() {
        var replies = pending(new Reply.Say("Noted."), ask(3), ask(4), new Reply.Say("Noted."));
        assertEquals(List.of(ask(4), new Reply.Say("Noted.")), sent(Backlog.of(replies)));
    }

    @Test
    void anUpdateThatAskedTheSameQuestionAgainLosesAllItsNotes() {
        var replies = pending(ask(3), new Reply.Say("Not a date."), new Reply.Say("Try 05/14/2019."), ask(3),
                new Reply.Say("Over 18: noted."), ask(4), ask(5));
        assertEquals(List.of(new Reply.Say("Over 18: noted."), ask(5)), sent(Backlog.of(replies)));
    }

    @Test
    void notesOfAnUpdateThatMovedOnAfterADifferentQuestionAreKept() {
        var replies = pending(ask(2), new Reply.Say("Not a date."), new Reply.Say("Note."), ask(3), ask(4));
        assertEquals(List.of(new Reply.Say("Not a date."), new Reply.Say("Note."), ask(4)),
                sent(Backlog.of(replies)));
    }

}
