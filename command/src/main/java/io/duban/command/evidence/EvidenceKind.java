package io.duban.command.evidence;

import java.util.Set;

/** The kinds of 佐证材料 accepted: what a person can open on a government desktop without extra software. */
enum EvidenceKind {
    PDF("application/pdf", "PDF 文档", "pdf"),
    PNG("image/png", "PNG 图片", "png"),
    JPEG("image/jpeg", "JPEG 图片", "jpg", "jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint 演示文稿", "pptx"),
    /** GB/T 33190, the national format of electronic official documents. */
    OFD("application/ofd", "OFD 版式文档", "ofd"),
    DOC("application/msword", "Word 97–2003 文档", "doc"),
    XLS("application/vnd.ms-excel", "Excel 97–2003 表格", "xls"),
    PPT("application/vnd.ms-powerpoint", "PowerPoint 97–2003 演示文稿", "ppt"),
    WPS("application/wps-office.wps", "WPS 文字文档", "wps"),
    ET("application/wps-office.et", "WPS 表格", "et");

    /** For the refusal message. */
    static final String ALLOWED = "PDF、OFD、PNG/JPEG 图片、Word、Excel、PowerPoint 或 WPS 文档";

    private final String contentType;
    private final String label;
    private final Set<String> extensions;

    EvidenceKind(String contentType, String label, String... extensions) {
        this.contentType = contentType;
        this.label = label;
        this.extensions = Set.of(extensions);
    }

    String contentType() {
        return contentType;
    }

    String label() {
        return label;
    }

    boolean hasExtension(String extension) {
        return extensions.contains(extension);
    }

    /** The kinds stored in the OLE2 compound format: the content says "Office 97–2003", only the name says which. */
    static EvidenceKind compoundDocument(String extension) {
        for (EvidenceKind kind : Set.of(DOC, XLS, PPT, WPS, ET)) {
            if (kind.hasExtension(extension)) {
                return kind;
            }
        }
        return null;
    }
}
