package miicbot.web;

import java.util.List;

/**
 * A parent's whole interview typed line by line (two children, two forms); {@link miicbot.engine.ExpectedChat}
 * says what the bot must answer.
 */
final class Script {
    static final List<String> TWO_CHILDREN = List.of("hi", "I am the parent", "Maria Lopez", "651 555 0123",
            "1 Main St, St. Paul, MN 55101", "Ana", "Garcia", "3/14/2019", "Female", "Opt out of MIIC",
            "Looks right: make the form", "Luis", "Garcia", "7/1/2021", "Male", "Limit access to one clinic",
            "Westside Clinic, Bloomington", "No", "Looks right: make the form", "Finish");

    private Script() {
    }
}
