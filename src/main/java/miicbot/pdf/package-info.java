/**
 * The request form: one child's {@link miicbot.interview.ChildRequest} becomes a PDF/A-2b document, made in memory
 * with Apache PDFBox and an embedded DejaVu Sans subset. Nothing here writes to disk.
 */
package miicbot.pdf;
