package io.duban.command.evidence;

import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.evidence.EvidenceFile;
import io.duban.command.api.evidence.EvidenceStorage;
import io.duban.command.api.UploadedFile;
import io.duban.command.input.TextInput;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes the 佐证材料 a command carries: checks each file (kind by content, size, name), describes it for the event,
 * and stores its bytes when the unit of work commits its events. Storing joins the same database transaction as the
 * event append, so the bytes are kept exactly when the event that names them is: a command refused by any rule, even
 * one checked after this, stores nothing.
 */
@Component
public class EvidenceIntake {

    private static final int MAX_NAME_LENGTH = 200;

    private final EvidenceStorage storage;
    private final EvidenceLimits limits;

    public EvidenceIntake(EvidenceStorage storage, EvidenceLimits limits) {
        this.storage = storage;
        this.limits = limits;
    }

    /** Must run inside the command's unit of work; answers the files in upload order, a repeated content once. */
    public List<EvidenceFile> accept(List<UploadedFile> uploads) {
        if (uploads.size() > limits.maxFiles()) {
            throw CommandRefusedException.invalid("evidence.too-many",
                    "每次最多上传 " + limits.maxFiles() + " 个佐证材料。");
        }
        Map<String, EvidenceFile> files = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (UploadedFile upload : uploads) {
            EvidenceFile file = inspect(upload);
            files.putIfAbsent(file.sha256(), file);
            contents.putIfAbsent(file.sha256(), upload.content());
        }
        if (!contents.isEmpty()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> contents.forEach(storage::store));
        }
        return List.copyOf(files.values());
    }

    EvidenceFile inspect(UploadedFile upload) {
        String name = fileName(upload.name());
        byte[] content = upload.content();
        if (content.length == 0) {
            throw CommandRefusedException.invalid("evidence.empty", "佐证材料「" + name + "」是空文件。");
        }
        if (content.length > limits.maxFileSize().toBytes()) {
            throw CommandRefusedException.invalid("evidence.too-large",
                    "佐证材料「" + name + "」超过 " + limits.maxFileSizeLabel() + " 的上限。");
        }
        String extension = extension(name);
        EvidenceKind kind = ContentSniffer.sniff(content, extension).orElseThrow(() ->
                CommandRefusedException.invalid("evidence.type-not-allowed",
                        "佐证材料「" + name + "」不是可接受的文件类型，请上传 " + EvidenceKind.ALLOWED + "。"));
        if (!extension.isEmpty() && !kind.hasExtension(extension)) {
            throw CommandRefusedException.invalid("evidence.name-mismatch",
                    "佐证材料「" + name + "」的内容是" + kind.label() + "，与扩展名 ." + extension + " 不符，请检查后重新上传。");
        }
        return new EvidenceFile(EvidenceFile.sha256Of(content), content.length, name, kind.contentType());
    }

    /** The last path segment (browsers on Windows may send "C:\\…\\a.pdf"), checked like any typed text. */
    private static String fileName(String raw) {
        String name = raw == null ? "" : raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        return TextInput.required(name, "佐证材料的文件名", MAX_NAME_LENGTH);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
