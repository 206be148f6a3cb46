package miicbot.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnswerCipherTest {
    private static final byte[] ANSWER = "Zebulon Quixotefeather, 2017-02-13".getBytes(StandardCharsets.UTF_8);

    private static AnswerCipher newCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new AnswerCipher(key);
    }

    private final AnswerCipher cipher = newCipher();

    @Test
    void opensWhatItSealed() {
        assertArrayEquals(ANSWER, cipher.open(42, cipher.seal(42, ANSWER)));
    }

    @Test
    void theSameAnswerSealsDifferentlyEachTime() {
        byte[] first = cipher.seal(42, ANSWER);
        byte[] second = cipher.seal(42, ANSWER);
        assertFalse(Arrays.equals(first, second));
        // The nonces differ, not just the bodies.
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 1, 13), Arrays.copyOfRange(second, 1, 13)));
        assertEquals(1 + 12 + ANSWER.length + 16, first.length);
    }

    @Test
    void theSealedBytesDoNotHoldTheAnswer() {
        assertFalse(Bytes.contains(cipher.seal(42, ANSWER), "Zebulon".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anyChangedByteFailsToOpen() {
        byte[] sealed = cipher.seal(42, ANSWER);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            StoreException e = assertThrows(StoreException.class, () -> cipher.open(42, tampered), "byte " + i);
            assertEquals(StoreException.Reason.CORRUPT, e.reason());
        }
    }

    @Test
    void aRecordOfAnotherChatFailsToOpen() {
        byte[] sealed = cipher.seal(42, ANSWER);
        assertThrows(StoreException.class, () -> cipher.open(43, sealed));
        assertThrows(StoreException.class, () -> cipher.open(-42, sealed));
    }

    @Test
    void anotherKeyFailsToOpen() {
        byte[] sealed = cipher.seal(42, ANSWER);
        assertThrows(StoreException.class, () -> newCipher().open(42, sealed));
    }

    @Test
    void truncatedOrEmptyRecordsFailToOpen() {
        byte[] sealed = cipher.seal(42, ANSWER);
        assertThrows(StoreException.class, () -> cipher.open(42, new byte[0]));
        assertThrows(StoreException.class, () -> cipher.open(42, Arrays.copyOf(sealed, 20)));
    }

    @Test
    void theKeyCheckOpensOnlyWithItsKeyAndIsNoChatRecord() {
        byte[] check = cipher.sealKeyCheck();
        assertTrue(cipher.opensKeyCheck(check));
        assertFalse(newCipher().opensKeyCheck(check));
        assertFalse(cipher.opensKeyCheck(cipher.seal(0, "miicbot data key v1".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aKeyMustHave32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new AnswerCipher(new byte[16]));
    }
}
