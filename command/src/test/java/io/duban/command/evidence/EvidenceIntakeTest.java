package io.duban.command.evidence;

import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.evidence.EvidenceFile;
import io.duban.command.api.UploadedFile;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files are judged by their content: the kinds accepted, and every way a file is refused. */
class EvidenceIntakeTest {

    private final EvidenceIntake intake = new InMemoryEvidenceStorage().intake();

    @Test
    void a_pdf_is_described_by_its_hash_size_name_and_type() throws Exception {
        byte[] pdf = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);

        EvidenceFile file = intake.inspect(new UploadedFile("验收报告.pdf", pdf));

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(file).isEqualTo(new EvidenceFile(expected, pdf.length, "验收报告.pdf", "application/pdf"));
    }

    @Test
    void images_and_office_documents_are_recognised_by_their_content() throws IOException {
        assertThat(type("现场.png", png())).isEqualTo("image/png");
        assertThat(type("现场.JPG", jpeg())).isEqualTo("image/jpeg");
        assertThat(type("方案.docx", zip("[Content_Types].xml", "word/document.xml")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(type("台账.xlsx", zip("[Content_Types].xml", "xl/workbook.xml")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(type("汇报.pptx", zip("[Content_Types].xml", "ppt/presentation.xml")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        assertThat(type("批复.ofd", zip("OFD.xml", "Doc_0/Document.xml"))).isEqualTo("application/ofd");
        assertThat(type("旧方案.doc", ole2())).isEqualTo("application/msword");
        assertThat(type("旧台账.et", ole2())).isEqualTo("application/wps-office.et");
        // without an extension the content decides alone
        assertThat(type("scan", png())).isEqualTo("image/png");
    }

    @Test
    void an_executable_an_archive_or_text_is_refused_whatever_its_name() throws IOException {
        refused("报告.pdf", "MZ\u0090\u0000 this program".getBytes(StandardCharsets.ISO_8859_1), "evidence.type-not-allowed");
        refused("材料.zip", zip("a.txt", "b.exe"), "evidence.type-not-allowed");
        refused("材料.docx", zip("word/document.xml"), "evidence.type-not-allowed");
        refused("说明.txt", "进度说明".getBytes(StandardCharsets.UTF_8), "evidence.type-not-allowed");
        // the OLE2 signature alone cannot say which Office kind: the name has to
        refused("数据.bin", ole2(), "evidence.type-not-allowed");
        // a broken archive is not a document
        refused("坏.docx", Arrays.copyOf(zip("[Content_Types].xml", "word/document.xml"), 40), "evidence.type-not-allowed");
    }

    @Test
    void content_and_name_must_agree() {
        assertThatThrownBy(() -> intake.inspect(new UploadedFile("验收报告.pdf", png())))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("evidence.name-mismatch");
                    assertThat(e.getMessage()).contains("验收报告.pdf", "PNG 图片", ".pdf");
                });
    }

    @Test
    void empty_oversized_and_too_many_files_are_refused() {
        refused("空.pdf", new byte[0], "evidence.empty");
        EvidenceIntake small = new EvidenceIntake(new InMemoryEvidenceStorage(),
                new EvidenceLimits(DataSize.ofKilobytes(1), 2, null));
        byte[] big = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 1025);
        assertThatThrownBy(() -> small.inspect(new UploadedFile("大.pdf", big)))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("evidence.too-large");
                    assertThat(e.getMessage()).contains("1 KB");
                });
        UploadedFile one = new UploadedFile("a.png", png());
        assertThatThrownBy(() -> small.accept(java.util.List.of(one, one, one)))
                .isInstanceOfSatisfying(CommandRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("evidence.too-many"));
    }

    @Test
    void the_name_keeps_no_path_and_no_hidden_characters() {
        assertThat(intake.inspect(new UploadedFile("C:\\Users\\张三\\现场.png", png())).name()).isEqualTo("现场.png");
        assertThat(intake.inspect(new UploadedFile("../../etc/现场.png", png())).name()).isEqualTo("现场.png");
        refused("现场\u202Egnp.exe", png(), "input.bidi-controls");
        refused("现场\u0007.png", png(), "input.control-characters");
        refused(" ", png(), "input.required");
        refused(null, png(), "input.required");
    }

    private String type(String name, byte[] content) {
        return intake.inspect(new UploadedFile(name, content)).contentType();
    }

    private void refused(String name, byte[] content, String code) {
        assertThatThrownBy(() -> intake.inspect(new UploadedFile(name, content)))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    private static byte[] jpeg() {
        return new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    }

    private static byte[] ole2() {
        return new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
