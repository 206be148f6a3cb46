package miicbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeyTest {
    @TempDir
    Path dir;

    private static byte[] roundTrip(DataKey key) {
        return key.cipher().open(1, DataKey.of(new byte[32], "zero").cipher().seal(1, new byte[] {1}));
    }

    @Test
    void theEnvironmentWinsOverTheKeyFile() throws Exception {
        Files.writeString(dir.resolve(DataKey.FILE_NAME), SqliteConversationStoreTest.randomKey());
        String zeroKey = Base64.getEncoder().encodeToString(new byte[32]);

        DataKey key = DataKey.resolve(Map.of(DataKey.ENV, zeroKey), dir, true);

        assertEquals("the key in " + DataKey.ENV, key.source());
        assertEquals(1, roundTrip(key)[0]);
    }

    @Test
    void aNewKeyFileIsOwnerOnlyBase64AndOpensAgain() throws Exception {
        DataKey created = DataKey.resolve(Map.of(), dir, false);
        Path file = dir.resolve(DataKey.FILE_NAME);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        DataKey again = DataKey.resolve(Map.of(), dir, true);
        byte[] sealed = created.cipher().seal(5, "x".getBytes(StandardCharsets.UTF_8));
        assertEquals("x", new String(again.cipher().open(5, sealed), StandardCharsets.UTF_8));
    }

    @Test
    void aBlankEnvironmentValueCountsAsUnset() {
        DataKey key = DataKey.resolve(Map.of(DataKey.ENV, "  "), dir, false);
        assertTrue(key.source().contains(DataKey.FILE_NAME));
    }

    @Test
    void noKeyForAnExistingDatabaseMakesNoKeyFile() {
        StoreException e = assertThrows(StoreException.class, () -> DataKey.resolve(Map.of(), dir, true));
        assertEquals(StoreException.Reason.NO_KEY, e.reason());
        assertFalse(Files.exists(dir.resolve(DataKey.FILE_NAME)));
    }
}
