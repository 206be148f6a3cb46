/** The message catalogues: one {@link miicbot.i18n.Catalogue} per {@link miicbot.i18n.Language}, read from JSON. */
package miicbot.i18n;
