package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.download.provenance.ProvenanceWriter;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.store.folder.FolderStore;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.testing.Images;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

class ArchiverTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
    private SyncFixture f;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                if (failuresLeft.merge(path, -1, Integer::sum) >= 0) {
                    return new MockResponse.Builder().code(503).build();
                }
                byte[] body = files.get(path);
                return body == null
                        ? new MockResponse.Builder().code(404).build()
                        : new MockResponse.Builder()
                                .body(new Buffer().write(body))
                                .build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        f = new SyncFixture(server, dir, 2);
    }

    @AfterEach
    void stop() {
        f.close();
        server.close();
    }

    private FileRecord only(TaskId id) throws Exception {
        return f.ledger.find(id).orElseThrow().files().get(0);
    }

    @Test
    void savesAPngWithReadableProvenanceAndUnchangedPixels() throws Exception {
        byte[] png = Images.encode(64, 48, "png");
        files.put(SyncFixture.PNG_PATH, png);
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);

        ArchiveReport report = f.archiver.archivePending(false);

        assertThat(report.archived()).isEqualTo(1);
        FileRecord saved = only(SyncFixture.PNG_TASK);
        assertThat(saved.state()).isEqualTo(ArchiveState.ARCHIVED);
        assertThat(saved.localPath())
                .isEqualTo(f.archive.resolve(
                        "2026-05/20260520-0914-a-red-panda-reading-a-newspaper-in-a-caf-74a52bd3-1.png"));
        byte[] written = Files.readAllBytes(saved.localPath());
        assertThat(saved.sha256Download()).isEqualTo(Hashes.sha256(png));
        assertThat(saved.sha256Final()).isEqualTo(Hashes.sha256(written)).isNotEqualTo(saved.sha256Download());
        assertThat(Images.pixels(written)).isEqualTo(Images.pixels(png));

        Map<String, String> text = pngText(written);
        assertThat(text.get("parameters"))
                .isEqualTo("a red panda reading a newspaper in a cafe, watercolor\nNegative prompt: blur, distorted\n"
                        + "Model: GEM 2.5, Task: " + SyncFixture.PNG_TASK
                        + ", Generator: Tencent Cloud VOD AIGC, Saved by: AIGC Desk test");
        assertThat(text.get("aigc-desk:task"))
                .contains("\"taskId\":\"" + SyncFixture.PNG_TASK + "\"")
                .contains("\"model\":\"GEM\"");
        XMPMeta xmp = XMPMetaFactory.parseFromString(text.get("XML:com.adobe.xmp"));
        assertThat(xmp.getPropertyString("http://iptc.org/std/Iptc4xmpExt/2008-02-29/", "DigitalSourceType"))
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(xmp.getLocalizedText("http://purl.org/dc/elements/1.1/", "description", "x-default", "x-default")
                        .getValue())
                .isEqualTo("a red panda reading a newspaper in a cafe, watercolor");
        assertThat(f.events(SyncEvent.FileArchived.class))
                .singleElement()
                .satisfies(e -> assertThat(e.provenanceEmbedded()).isTrue());
        try (Stream<Path> incoming = Files.list(f.archive.resolve(".incoming"))) {
            assertThat(incoming).as("nothing left half-done").isEmpty();
        }
    }

    @Test
    void savesJpegsWithXmpAndAllFourFilesOfAMultiImageTask() throws Exception {
        TaskId id = TaskId.parse("1397741205-AigcImageTask-a2ef406e2c2351e0b9e80029c909242dt");
        byte[] jpg = Images.encode(40, 40, "jpg");
        for (String part : new String[] {
            "b4c4bc045145403715162076059",
            "d795a20a5145403719255947871",
            "b219a8175145403718826079695",
            "36df6a5f5145403712019858236"
        }) {
            files.put("/1a168d62vodcq251000800/" + part + "/aigcImageGenFile.jpg", jpg);
        }
        f.recordFinished("image_finish_multiple_files.json", id);

        assertThat(f.archiver.archivePending(false).archived()).isEqualTo(4);
        var records = f.ledger.find(id).orElseThrow().files();
        assertThat(records).allSatisfy(r -> assertThat(r.state()).isEqualTo(ArchiveState.ARCHIVED));
        assertThat(records)
                .extracting(r -> r.localPath().getFileName().toString())
                .allMatch(n -> n.startsWith("20260520-1001-isometric-icon-set"))
                .doesNotHaveDuplicates();
        byte[] written = Files.readAllBytes(records.get(0).localPath());
        assertThat(Images.pixels(written)).isEqualTo(Images.pixels(jpg));
        String asText = new String(written, StandardCharsets.ISO_8859_1);
        assertThat(asText).contains("http://ns.adobe.com/xap/1.0/").contains("trainedAlgorithmicMedia");
    }

    @Test
    void savesVideosAsIsWithASidecar() throws Exception {
        TaskId id = TaskId.parse("1397741205-AigcVideoTask-c20ad4d76fe97759aa27a0c99bff6710t");
        byte[] mp4 = new byte[9875520];
        new Random(3).nextBytes(mp4);
        files.put("/7e2c91a4vodcq1397741205/d3d078bf5145403719832046617/Bz3kQp7wUe1A.mp4", mp4);
        f.recordFinished("video_finish_permanent.json", id);

        f.archiver.archivePending(false);

        FileRecord saved = only(id);
        assertThat(saved.state()).isEqualTo(ArchiveState.ARCHIVED);
        assertThat(Hashes.sha256(saved.localPath()))
                .isEqualTo(Hashes.sha256(mp4))
                .isEqualTo(saved.sha256Final())
                .isEqualTo(saved.sha256Download());
        Path sidecar = saved.localPath().resolveSibling(saved.localPath().getFileName() + ".json");
        assertThat(Files.readString(sidecar))
                .contains("\"prompt\":\"a hand-drawn fox running through autumn leaves, 2D animation\"");
    }

    @Test
    void starsAndTagsGoIntoTheArchivedFilesXmp() throws Exception {
        files.put(SyncFixture.PNG_PATH, Images.encode(16, 16, "png"));
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        f.ledger.curator().rate(List.of(SyncFixture.PNG_TASK), 4);
        f.ledger.curator().tag(List.of(SyncFixture.PNG_TASK), List.of("水墨", "hero"), List.of());

        assertThat(f.archiver.archivePending(false).archived()).isEqualTo(1);

        XMPMeta xmp = XMPMetaFactory.parseFromString(
                pngText(Files.readAllBytes(only(SyncFixture.PNG_TASK).localPath()))
                        .get("XML:com.adobe.xmp"));
        assertThat(xmp.getPropertyInteger(XMPConst.NS_XMP, "Rating")).isEqualTo(4);
        assertThat(xmp.countArrayItems(XMPConst.NS_DC, "subject")).isEqualTo(2);
        assertThat(List.of(
                        xmp.getArrayItem(XMPConst.NS_DC, "subject", 1).getValue(),
                        xmp.getArrayItem(XMPConst.NS_DC, "subject", 2).getValue()))
                .containsExactlyInAnyOrder("水墨", "hero");
    }

    @Test
    void aLinkPastItsExpiryIsStillTriedOnceAndSavedIfItIsThere() throws Exception {
        files.put(SyncFixture.PNG_PATH, Images.encode(8, 8, "png"));
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        f.clock.set(Instant.parse("2026-05-28T00:00:00Z"));

        ArchiveReport r = f.archiver.archivePending(false);

        assertThat(r.archived())
                .as("clocks differ and deletion lags: the file was still there")
                .isEqualTo(1);
        assertThat(r.lost()).isEmpty();
        assertThat(only(SyncFixture.PNG_TASK).state()).isEqualTo(ArchiveState.ARCHIVED);
    }

    @Test
    void aLinkPastItsExpiryThatIsGoneIsLostAfterOneTry() throws Exception {
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        f.clock.set(Instant.parse("2026-05-28T00:00:00Z"));

        ArchiveReport r = f.archiver.archivePending(false);

        assertThat(r.lost()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(only(SyncFixture.PNG_TASK).state()).isEqualTo(ArchiveState.EXPIRED);
        assertThat(f.events(SyncEvent.FileExpired.class)).hasSize(1);
    }

    @Test
    void aSizeThatDisagreesWithTheMetadataKeepsTheFileAndFlagsIt() throws Exception {
        byte[] png = Images.encode(8, 8, "png");
        files.put(SyncFixture.PNG_PATH, png);
        // The answer announces another size than these bytes have.
        String raw = Fixtures.read("image_finish_single.json")
                .replace("http://251000800.vod2.myqcloud.com/", server.url("/").toString())
                .replace(
                        "\"StorageMode\": \"Temporary\"",
                        "\"StorageMode\": \"Temporary\", \"MetaData\": {\"Size\": 999999}");
        f.ledger.recordAnswer(SavedAnswer.parse(SyncFixture.PNG_TASK, raw), raw, f.clock.instant());
        assertThat(only(SyncFixture.PNG_TASK).file().size()).isEqualTo(999999L);

        ArchiveReport r = f.archiver.archivePending(false);

        assertThat(r.archived()).isEqualTo(1);
        FileRecord saved = only(SyncFixture.PNG_TASK);
        assertThat(saved.flags()).contains(FileRecord.FLAG_SIZE_DISAGREES);
        assertThat(Images.pixels(Files.readAllBytes(saved.localPath()))).isEqualTo(Images.pixels(png));
    }

    @Test
    void aJpegBehindAPngLinkIsSavedAsJpg() throws Exception {
        byte[] jpeg = Images.encode(16, 16, "jpg");
        files.put(SyncFixture.PNG_PATH, jpeg);
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        f.archiver.archivePending(false);
        FileRecord saved = only(SyncFixture.PNG_TASK);
        assertThat(saved.localPath().getFileName().toString()).endsWith("-1.jpg");
        assertThat(ImageIO.read(saved.localPath().toFile()).getWidth()).isEqualTo(16);
    }

    @Test
    void retriesWithBackoffAndMarksExpiredIfTheDeadlinePasses() throws Exception {
        files.put(SyncFixture.PNG_PATH, Images.encode(8, 8, "png"));
        failuresLeft.put(SyncFixture.PNG_PATH, 100);
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);

        ArchiveReport first = f.archiver.archivePending(false);
        assertThat(first.waiting()).isEqualTo(1);
        assertThat(only(SyncFixture.PNG_TASK).state()).isEqualTo(ArchiveState.PENDING);
        assertThat(Catalog.english().problem(only(SyncFixture.PNG_TASK).lastError()))
                .contains("503");
        int requests = server.getRequestCount();
        assertThat(f.archiver.archivePending(false).waiting())
                .as("backing off: not tried again at once")
                .isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(requests);

        f.clock.set(Instant.parse("2026-05-27T09:15:00Z"));
        assertThat(f.archiver.archivePending(false).lost()).hasSize(1);
        assertThat(only(SyncFixture.PNG_TASK).state()).isEqualTo(ArchiveState.EXPIRED);
    }

    @Test
    void recoversAfterServerTroubleWithinTheDeadline() throws Exception {
        byte[] png = Images.encode(8, 8, "png");
        files.put(SyncFixture.PNG_PATH, png);
        failuresLeft.put(SyncFixture.PNG_PATH, 2);
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        f.archiver.archivePending(false);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.archiver.archivePending(false).archived()).isEqualTo(1);
        assertThat(Images.pixels(Files.readAllBytes(only(SyncFixture.PNG_TASK).localPath())))
                .isEqualTo(Images.pixels(png));
    }

    @Test
    void c2paSignedPngIsLeftByteForByteWithASidecar() throws Exception {
        byte[] signed = Images.withChunk(
                Images.encode(16, 16, "png"), "caBX", "jumbf-manifest-bytes".getBytes(StandardCharsets.US_ASCII));
        files.put(SyncFixture.PNG_PATH, signed);
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);

        f.archiver.archivePending(false);

        FileRecord saved = only(SyncFixture.PNG_TASK);
        assertThat(Files.readAllBytes(saved.localPath())).isEqualTo(signed);
        assertThat(saved.sha256Final()).isEqualTo(saved.sha256Download());
        assertThat(saved.flags()).contains(FileRecord.FLAG_SIDECAR);
        assertThat(saved.localPath().resolveSibling(saved.localPath().getFileName() + ".json"))
                .exists();
    }

    @Test
    void pngAlreadyLabelledAsAigcIsLeftUntouched() throws Exception {
        byte[] label =
                ("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><rdf:Description TC260:AIGC=\"{Label:1}\" xmlns:TC260=\"http://www.tc260.org.cn/ns/AIGC/1.0/\"/>"
                                + "</x:xmpmeta>")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] labelled = Images.withChunk(Images.encode(16, 16, "png"), "iTXt", label);
        files.put(SyncFixture.PNG_PATH, labelled);
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);

        f.archiver.archivePending(false);

        assertThat(Files.readAllBytes(only(SyncFixture.PNG_TASK).localPath())).isEqualTo(labelled);
    }

    @Test
    void c2paSignedJpegIsLeftUntouched() throws Exception {
        TaskId id = TaskId.parse("1397741205-AigcImageTask-a2ef406e2c2351e0b9e80029c909242dt");
        byte[] jumbf = new byte[40];
        System.arraycopy("JP".getBytes(StandardCharsets.US_ASCII), 0, jumbf, 0, 2);
        byte[] signed = Images.withSegment(Images.encode(16, 16, "jpg"), 0xEB, jumbf);
        for (String part : new String[] {
            "b4c4bc045145403715162076059",
            "d795a20a5145403719255947871",
            "b219a8175145403718826079695",
            "36df6a5f5145403712019858236"
        }) {
            files.put("/1a168d62vodcq251000800/" + part + "/aigcImageGenFile.jpg", signed);
        }
        f.recordFinished("image_finish_multiple_files.json", id);
        f.archiver.archivePending(false);
        assertThat(Files.readAllBytes(
                        f.ledger.find(id).orElseThrow().files().get(0).localPath()))
                .isEqualTo(signed);
    }

    @Test
    void imageClaimingHugeDimensionsIsKeptAsBytesAndFlagged() throws Exception {
        byte[] bomb = Images.hugePngHeader(30_000, 30_000);
        files.put(SyncFixture.PNG_PATH, bomb);
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);

        f.archiver.archivePending(false);

        FileRecord saved = only(SyncFixture.PNG_TASK);
        assertThat(saved.state()).isEqualTo(ArchiveState.ARCHIVED);
        assertThat(saved.flags()).contains(FileRecord.FLAG_OVERSIZED);
        assertThat(Files.readAllBytes(saved.localPath())).isEqualTo(bomb);
    }

    @Test
    void bytesThatAreNotTheImageTheLinkPromisedAreKeptAsServed() throws Exception {
        byte[] notPng = "<html>surprise</html>".getBytes(StandardCharsets.US_ASCII);
        files.put(SyncFixture.PNG_PATH, notPng);
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        f.archiver.archivePending(false);
        FileRecord saved = only(SyncFixture.PNG_TASK);
        assertThat(saved.state()).isEqualTo(ArchiveState.ARCHIVED);
        assertThat(Files.readAllBytes(saved.localPath())).isEqualTo(notPng);
        assertThat(saved.flags()).contains(FileRecord.FLAG_SIDECAR);
    }

    @Test
    void aCrashAfterTheMoveIsRecognisedWithoutDownloadingAgain() throws Exception {
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        Path placed = f.archive.resolve("2026-05/placed.png");
        Files.createDirectories(placed.getParent());
        byte[] png = Images.encode(8, 8, "png");
        Files.write(placed, png);
        f.ledger.planArchive(SyncFixture.PNG_TASK, 1, placed, png.length, "x", Hashes.sha256(png), Set.of());

        assertThat(f.archiver.archivePending(false).archived()).isEqualTo(1);
        assertThat(server.getRequestCount()).isZero();
        assertThat(only(SyncFixture.PNG_TASK).state()).isEqualTo(ArchiveState.ARCHIVED);
    }

    @Test
    void refusesNonHttpLinksAndWritesNothing() throws Exception {
        String raw = Fixtures.read("image_finish_single.json")
                .replace("http://251000800.vod2.myqcloud.com/", "file:///etc/");
        f.ledger.recordAnswer(SavedAnswer.parse(SyncFixture.PNG_TASK, raw), raw, f.clock.instant());

        ArchiveReport r = f.archiver.archivePending(false);

        assertThat(r.failed()).hasSize(1);
        assertThat(only(SyncFixture.PNG_TASK).state()).isEqualTo(ArchiveState.FAILED);
        assertThat(Catalog.english().problem(only(SyncFixture.PNG_TASK).lastError()))
                .contains("only http and https");
        assertThat(f.archive.resolve("2026-05")).doesNotExist();
    }

    @Test
    void aTaskOfAnUnknownKindKeepsItsFiles() throws Exception {
        TaskId music = TaskId.parse("1397741205-AigcMusicTask-0123456789abcdef0123456789abcdeft");
        byte[] png = Images.encode(8, 8, "png");
        files.put("/music/aigcMusic.png", png);
        f.recordFinished("music_finish_unknown_type.json", music);
        assertThat(f.ledger.find(music).orElseThrow().task().state()).isEqualTo(TaskState.SUCCEEDED);

        assertThat(f.archiver.archivePending(false).archived()).isEqualTo(1);
        FileRecord saved = only(music);
        assertThat(saved.state()).isEqualTo(ArchiveState.ARCHIVED);
        assertThat(f.ledger.raw(music).latest()).contains("AigcMusicTask");
    }

    @Test
    void anArchiveThatCannotTakeFilesIsReportedNotRetriedQuietly() throws Exception {
        files.put(SyncFixture.PNG_PATH, Images.encode(8, 8, "png"));
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        Files.createDirectories(f.archive);
        Files.writeString(f.archive.resolve("2026-05"), "a file where the month folder should be");

        ArchiveReport r = f.archiver.archivePending(false);

        assertThat(r.isBlocked()).isTrue();
        assertThat(r.blocked()).contains(f.archive.toString());
        assertThat(only(SyncFixture.PNG_TASK).state())
                .as("kept, to be saved once the folder is fixed")
                .isEqualTo(ArchiveState.PENDING);
        assertThat(f.events(SyncEvent.ArchiveBlocked.class))
                .singleElement()
                .satisfies(e -> assertThat(e.folder()).isEqualTo(f.archive.toString()));
        try (Stream<Path> left = Files.walk(f.archive)) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".png")))
                    .as("nothing partial at a final path")
                    .isEmpty();
        }
    }

    @Test
    void aMissingArchiveFolderThatCannotBeCreatedIsReported() throws Exception {
        files.put(SyncFixture.PNG_PATH, Images.encode(8, 8, "png"));
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        Files.createDirectories(dir);
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        Archiver archiver = new Archiver(
                f.ledger,
                new Downloader(new OkHttpClient()),
                new ProvenanceWriter(),
                new TaskJson(),
                new FolderStore(blocker.resolve("archive")),
                f.events,
                f.clock,
                "t");
        ArchiveReport r = archiver.archivePending(false);
        assertThat(r.blocked()).contains("Cannot create the archive folder");
        assertThat(server.getRequestCount())
                .as("nothing downloaded that could not be kept")
                .isZero();
    }

    private static Map<String, String> pngText(byte[] png) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            Node root = meta.getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("tEXt") || n.getNodeName().equals("iTXt")) {
                    for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                        NamedNodeMap a = e.getAttributes();
                        String value = a.getNamedItem(n.getNodeName().equals("tEXt") ? "value" : "text")
                                .getNodeValue();
                        out.put(a.getNamedItem("keyword").getNodeValue(), value);
                    }
                }
            }
        }
        return out;
    }
}
