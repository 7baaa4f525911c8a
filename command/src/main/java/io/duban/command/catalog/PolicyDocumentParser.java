package io.duban.command.catalog;

/**
 * Reads a policy document of the 意见 kind: its number, title, articles and the appendix table
 * 重点支持事项清单 (序号 / 支持事项 / 责任单位).
 */
public class PolicyDocumentParser {

    /**
     * @throws io.duban.command.api.CommandRefusedException (INVALID_INPUT) when the text is not such a document
     */
    public ParsedPolicy parse(String text) {
        throw new UnsupportedOperationException("not yet written");
    }
}
