package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.api.ErrorDetails;
import dev.aigcdesk.api.MaybeReceivedException;
import dev.aigcdesk.api.NetworkErrorException;
import dev.aigcdesk.api.ServiceErrorException;
import dev.aigcdesk.download.DownloadException;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.ui.common.ErrorWords;
import dev.aigcdesk.ui.common.I18n;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Failures said in the window's language, with the particulars (a path, the service's words) kept as they came. */
class ErrorWordsTest {

    private final ErrorWords zh = new ErrorWords(new I18n(Locale.SIMPLIFIED_CHINESE));
    private final ErrorWords en = new ErrorWords(new I18n(Locale.ENGLISH));

    @Test
    void libraryAndDiskFailuresAreSaidInChineseWithTheirPath() {
        LibraryException full = new LibraryException(
                LibraryException.Kind.STORAGE, "No space left on /home/d/Pictures/AIGC Desk", null);
        assertThat(zh.say(full)).isEqualTo("无法写入资料库或存档文件夹（No space left on /home/d/Pictures/AIGC Desk）。");
        assertThat(en.say(full)).startsWith("The library or the archive folder cannot be written");
        DownloadException gone = new DownloadException(DownloadException.Reason.GONE, "HTTP 404", null);
        assertThat(zh.say(gone)).isEqualTo("服务已不再保存这个文件（HTTP 404）。");
    }

    @Test
    void everyKindOfLibraryFailureHasWordsInBothLanguages() {
        for (LibraryException.Kind kind : LibraryException.Kind.values()) {
            LibraryException e = new LibraryException(kind, "postgresql://db.studio:5432/aigc", null);
            assertThat(en.say(e)).as(kind.name()).doesNotStartWith("error.").contains("postgresql://db.studio");
            assertThat(zh.say(e)).as(kind.name()).doesNotStartWith("error.").contains("postgresql://db.studio");
        }
        assertThat(en.say(new LibraryException(LibraryException.Kind.UNREACHABLE, "x", null)))
                .startsWith("The team library cannot be reached");
    }

    @Test
    void serviceFailuresKeepTheServicesOwnWords() {
        ServiceErrorException refused = new ServiceErrorException(
                "The service refused the generation: Model GEM 9.9 is not supported.",
                new ErrorDetails(200, "InvalidParameterValue.ModelVersion", "Model GEM 9.9 is not supported.", "r-1"),
                false);
        assertThat(zh.say(refused))
                .isEqualTo("服务返回了错误：Model GEM 9.9 is not supported. (InvalidParameterValue.ModelVersion)");
        assertThat(zh.say(new NetworkErrorException("Cannot connect to x.", ErrorDetails.NONE, null)))
                .startsWith("无法连接服务");
        assertThat(zh.say(new MaybeReceivedException("may have", ErrorDetails.NONE, null)))
                .contains("没有再次发送");
        assertThat(en.say(new IllegalStateException("something else"))).isEqualTo("something else");
        assertThat(en.say(new CompletionException(new IllegalStateException("inside"))))
                .isEqualTo("inside");
    }

    @Test
    void whatTheOperatingSystemReportsIsSaidInTheWindowsLanguageWithThePathKept() {
        String db = "/home/d/AIGC Desk/library.db";
        // As the library's adapter hands a full disk up: in the operating system's words, whatever the engine said.
        LibraryException full = new LibraryException(
                LibraryException.Kind.STORAGE,
                "cannot write " + db,
                new IOException(
                        "No space left on device: " + db,
                        new SQLException(
                                "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)")));
        assertThat(zh.say(full)).isEqualTo("无法写入资料库或存档文件夹（磁盘已满）。");
        assertThat(en.say(full)).isEqualTo("The library or the archive folder cannot be written (the disk is full).");

        var noSpace = new UncheckedIOException(new FileSystemException(db, null, "No space left on device"));
        assertThat(zh.say(noSpace)).isEqualTo("无法读取或写入文件：磁盘已满：" + db);
        assertThat(en.say(noSpace)).isEqualTo("A file could not be read or written: the disk is full: " + db);
        assertThat(zh.say(new AccessDeniedException("/etc/aigc"))).isEqualTo("无法读取或写入文件：AIGC Desk 无权使用 /etc/aigc");
        assertThat(en.say(new NoSuchFileException("/tmp/gone.png")))
                .isEqualTo("A file could not be read or written: /tmp/gone.png does not exist");
        assertThat(en.say(new IOException("Read-only file system")))
                .isEqualTo("A file could not be read or written: the disk is read-only");
        // What has no name here keeps the system's own words.
        assertThat(en.say(new IOException("Stale file handle")))
                .isEqualTo("A file could not be read or written: Stale file handle");
        assertThat(en.particulars(new IOException("Stale file handle"))).isEqualTo("Stale file handle");
    }
}
