/**
 * The request form: one child's {@link miicbot.interview.ChildRequest} becomes a tagged PDF/A-2b and PDF/UA-1
 * document, made in memory with Apache PDFBox and an embedded DejaVu Sans subset. Nothing here writes to disk.
 */
package miicbot.pdf;
