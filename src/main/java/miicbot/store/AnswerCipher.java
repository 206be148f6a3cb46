package miicbot.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and authenticates stored records with AES-256-GCM (JDK crypto only).
 *
 * <p>A sealed record is {@code [format 1][12-byte nonce][ciphertext + 16-byte tag]}. Each seal draws a fresh random
 * nonce, so the same answers never give the same bytes twice. The chat id is the associated data: a record copied
 * into another chat's row fails to open, as does any changed byte. The format byte leaves room for key rotation.
 */
public final class AnswerCipher {
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    // Sealed into the database when it is created; opening it again proves the key is the right one.
    private static final byte[] KEY_CHECK_AAD = "miicbot key check".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_CHECK_TEXT = "miicbot data key v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    // Cipher.getInstance looks up the provider on every call (a profile showed it costing more than the AES work);
    // a Cipher is not thread-safe, so each thread keeps one and re-initialises it with a fresh nonce per record.
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(AnswerCipher::newCipher);

    /** A cipher for a 32-byte key. */
    public AnswerCipher(byte[] key) {
        Objects.requireNonNull(key);
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Encrypts {@code plaintext} for one chat. */
    public byte[] seal(long chatId, byte[] plaintext) {
        return seal(chatAad(chatId), plaintext);
    }

    /** Decrypts a record sealed for {@code chatId}; a changed byte, another chat or another key fails as CORRUPT. */
    public byte[] open(long chatId, byte[] sealed) {
        return open(chatAad(chatId), sealed);
    }

    /** A key check value: store it once, test it with {@link #opensKeyCheck} at every start. */
    public byte[] sealKeyCheck() {
        return seal(KEY_CHECK_AAD, KEY_CHECK_TEXT);
    }

    /** True when {@code sealed} was made by {@link #sealKeyCheck()} with this key. */
    public boolean opensKeyCheck(byte[] sealed) {
        try {
            return Arrays.equals(open(KEY_CHECK_AAD, sealed), KEY_CHECK_TEXT);
        } catch (StoreException e) {
            return false;
        }
    }

    private byte[] seal(byte[] aad, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] body = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + body.length).put(FORMAT).put(nonce).put(body).array();
        } catch (GeneralSecurityException e) {
            // AES/GCM is in every JDK; failing here means a broken runtime, not bad data.
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private byte[] open(byte[] aad, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw unreadable(null);
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw unreadable(e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            // AES/GCM is in every JDK; failing here means a broken runtime, not bad data.
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static StoreException unreadable(Exception cause) {
        return new StoreException(StoreException.Reason.CORRUPT,
                "a stored record failed its integrity check (changed, moved, or sealed with another key)", cause);
    }

    private static byte[] chatAad(long chatId) {
        return ByteBuffer.allocate(Long.BYTES).putLong(chatId).array();
    }
}
