package miicbot.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as tests: the engine and the interview are pure (no Telegram, SQL, PDFBox, file or network
 * types), the engine knows no interview in particular, dependencies point inward to them, and no two packages
 * depend on each other.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("miicbot");
    }

    /** The only I/O the pure packages have: reading their own data files from the jar, never the outside world. */
    private static final DescribedPredicate<JavaClass> BUNDLED_DATA_READERS =
            DescribedPredicate.describe("Submission and AddressWords (read submission.json and word lists from the jar)",
                    c -> c.getName().equals("miicbot.interview.Submission")
                            || c.getName().equals("miicbot.interview.AddressWords"));

    @Test
    void theEngineAndInterviewUseNoTelegramSqlPdfOrIo() {
        noClasses().that().resideInAnyPackage("miicbot.engine..", "miicbot.interview..")
                .and(DescribedPredicate.not(BUNDLED_DATA_READERS))
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "okhttp3..", "java.sql..",
                        "org.sqlite..", "org.apache.pdfbox..", "java.io..", "java.nio.file..", "java.net..",
                        // Jackson's annotations (how a Reply is stored) are allowed; its readers and writers are not.
                        "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(main);
    }

    @Test
    void bundledDataReadersTouchNoTelegramSqlPdfOrNetwork() {
        noClasses().that(BUNDLED_DATA_READERS)
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "okhttp3..", "java.sql..",
                        "org.sqlite..", "org.apache.pdfbox..", "java.nio.file..", "java.net..")
                .check(main);
    }

    @Test
    void theAdaptersAreUsedByNoOtherPackage() {
        noClasses().that().resideInAnyPackage("miicbot.engine..", "miicbot.interview..", "miicbot.chat..",
                        "miicbot.store..", "miicbot.pdf..", "miicbot.i18n..")
                .should().dependOnClassesThat().resideInAnyPackage("miicbot.telegram..", "miicbot.console..")
                .check(main);
    }

    @Test
    void theEngineUsesNoStoreOrRenderer() {
        noClasses().that().resideInAnyPackage("miicbot.engine..", "miicbot.interview..")
                .should().dependOnClassesThat().resideInAnyPackage("miicbot.store..", "miicbot.pdf..",
                        "miicbot.chat..")
                .check(main);
    }

    /** The engine runs whatever {@code Interview} it is given; the MIIC one is data built outside it. */
    @Test
    void theEngineKnowsNoInterviewInParticular() {
        noClasses().that().resideInAPackage("miicbot.engine..")
                .should().dependOnClassesThat().resideInAPackage("miicbot.interview..")
                .check(main);
    }

    @Test
    void theAdaptersDoNotDependOnEachOther() {
        String[] adapters = {"miicbot.telegram..", "miicbot.console..", "miicbot.web.."};
        for (String adapter : adapters) {
            String[] others = java.util.Arrays.stream(adapters).filter(a -> !a.equals(adapter))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(main);
        }
    }

    /** Telegram's types stay in its adapter: the webhook hands over bytes, and Main wires the two. */
    @Test
    void onlyTheTelegramAdapterUsesTelegramTypes() {
        noClasses().that().resideOutsideOfPackage("miicbot.telegram..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .check(main);
    }

    /** The small tools know nothing of the bot. */
    @Test
    void theToolsDependOnNoOtherPackageOfTheBot() {
        noClasses().that().resideInAPackage("miicbot.util..")
                .should().dependOnClassesThat().resideOutsideOfPackages("miicbot.util..", "java..")
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("miicbot.(*)..").should().beFreeOfCycles().check(main);
    }
}
