/** The review kit for a community reviewer: the page that shows every text, and the command that merges fixes. */
package miicbot.review;
