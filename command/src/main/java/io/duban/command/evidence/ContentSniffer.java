package io.duban.command.evidence;

import java.util.Optional;
import java.util.Set;

/**
 * Finds a file's kind from its bytes, never from its name alone: the leading signature (PDF, PNG, JPEG, ZIP, OLE2),
 * then for ZIP containers the entries that make a Word, Excel, PowerPoint or OFD document. A name can only narrow it
 * down (the OLE2 formats share one signature); it can never make an executable or an archive acceptable.
 */
final class ContentSniffer {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private ContentSniffer() {
    }

    /** Empty when the content is none of the accepted kinds. */
    static Optional<EvidenceKind> sniff(byte[] content, String extension) {
        if (startsWith(content, PDF)) {
            return Optional.of(EvidenceKind.PDF);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(EvidenceKind.PNG);
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(EvidenceKind.JPEG);
        }
        if (startsWith(content, ZIP)) {
            return ZipDirectory.entryNames(content).map(ContentSniffer::zipKind);
        }
        if (startsWith(content, OLE2)) {
            return Optional.ofNullable(EvidenceKind.compoundDocument(extension));
        }
        return Optional.empty();
    }

    private static EvidenceKind zipKind(Set<String> names) {
        if (names.contains("[Content_Types].xml")) {
            if (names.stream().anyMatch(n -> n.startsWith("word/"))) {
                return EvidenceKind.DOCX;
            }
            if (names.stream().anyMatch(n -> n.startsWith("xl/"))) {
                return EvidenceKind.XLSX;
            }
            if (names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
                return EvidenceKind.PPTX;
            }
        }
        return names.contains("OFD.xml") ? EvidenceKind.OFD : null;
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
