/**
 * The MIIC interview as data: the step table, the answer parsers, the request a child's answers make, and where
 * to send it. No I/O beyond reading the bundled data file; no adapter types.
 */
package miicbot.interview;
