package com.creditdesk.command.statement;

import com.creditdesk.api.statement.StatementCommands.ImportAnswer;
import com.creditdesk.command.common.CommandProblems;
import com.creditdesk.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Bank statements from a watched folder, imported as an upload is ({@link BankStatementImport}). A file is taken
 * once it has not changed for the settle time (names of files still being copied, {@code *.part}, {@code *.tmp} and
 * hidden ones, are never taken), claimed by moving it into {@code processing/} (so two command-side instances never
 * both take it), then moved to {@code imported/}, or to {@code refused/} next to a {@code .problem.json} with the
 * endpoint's problem (nothing recorded). Trouble that may pass (the store away) puts it back for the next look. A
 * claim left by an instance that stopped half-way goes back to the folder after {@link #STALE_CLAIM}: importing a
 * file again pays nothing twice.
 *
 * <p>File times are the file system's, so they are compared with the machine's time, not the business clock.
 */
class StatementFolder implements SmartLifecycle {
    static final String IMPORTED = "imported";
    static final String REFUSED = "refused";
    static final String PROCESSING = "processing";
    static final Duration STALE_CLAIM = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(StatementFolder.class);
    private static final List<String> UNFINISHED = List.of(".part", ".tmp", ".filepart", ".crdownload", ".partial");

    private final StatementFolderSettings settings;
    private final BankStatementImport statements;
    private final JsonMapper json;
    private final Path inbox;
    private ScheduledExecutorService poller;

    StatementFolder(StatementFolderSettings settings, BankStatementImport statements, JsonMapper json) {
        this.settings = settings;
        this.statements = statements;
        this.json = json;
        this.inbox = settings.path().toAbsolutePath();
    }

    @Override
    public synchronized void start() {
        for (String folder : List.of(IMPORTED, REFUSED, PROCESSING)) {
            try {
                Files.createDirectories(inbox.resolve(folder));
            } catch (IOException e) {
                throw new UncheckedIOException("the bank statement folder " + inbox + " cannot be made", e);
            }
        }
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bank-statement-folder");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::lookSafely, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("bank statements are read from {} every {}", inbox, settings.pollInterval());
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdown();
            try {
                // a file half-way stays claimed and goes back after STALE_CLAIM: nothing is lost either way
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException | IOException e) {
            log.warn("the bank statement folder {} could not be read: {}", inbox, e.toString());
        }
    }

    /** One look: stale claims back, then every settled file in the order it arrived. */
    void look() throws IOException {
        Instant now = Instant.now();
        for (Path claim : files(inbox.resolve(PROCESSING))) {
            if (modified(claim).isBefore(now.minus(STALE_CLAIM))) {
                move(claim, inbox);
                log.info("bank statement {} put back: a claim left half-way", claim.getFileName());
            }
        }
        List<Path> ready = files(inbox).stream()
                .filter(file -> !unfinished(file) && !modified(file).isAfter(now.minus(settings.settleTime())))
                .sorted(Comparator.comparing(StatementFolder::modified).thenComparing(Path::getFileName))
                .toList();
        for (Path file : ready) {
            if (Thread.currentThread().isInterrupted() || !take(file)) {
                return;
            }
        }
    }

    /** Imports one file; false when trouble that may pass stopped it (the rest waits for the next look). */
    private boolean take(Path file) throws IOException {
        Path claimed = inbox.resolve(PROCESSING).resolve(file.getFileName());
        if (Files.exists(claimed)) {
            return true; // a claim of the same name is still open: this one waits for it
        }
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException takenElsewhere) {
            return true;
        }
        Files.setLastModifiedTime(claimed, FileTime.from(Instant.now()));
        if (Files.size(claimed) > settings.maxFileSize().toBytes()) {
            refuse(claimed, Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "File too large",
                    "the file is larger than the " + settings.maxFileSize() + " a bank statement may be"));
            return true;
        }
        String xml;
        try {
            xml = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(claimed)))
                    .toString();
        } catch (CharacterCodingException e) {
            refuse(claimed, Problems.invalid("the file is not UTF-8 text, as ISO 20022 messages are",
                    List.of(Problems.fieldError("body", "not UTF-8"))));
            return true;
        }
        try {
            ImportAnswer answer = statements.importStatement(xml, settings.actor());
            log.info("bank statement {} ({}) imported: {} lines, {} matched, {} awaiting assignment{}",
                    answer.statementId(), file.getFileName(), answer.lines(), answer.matched(),
                    answer.awaitingAssignment(), answer.alreadyImported() ? ", imported before" : "");
            move(claimed, inbox.resolve(IMPORTED));
            return true;
        } catch (RuntimeException e) {
            ProblemDetail refusal = CommandProblems.refusalIn(e);
            if (refusal == null) {
                log.warn("bank statement {} not imported now ({}); it is tried again", file.getFileName(), e.toString());
                move(claimed, inbox);
                return false;
            }
            refuse(claimed, refusal);
            return true;
        }
    }

    private void refuse(Path claimed, ProblemDetail problem) throws IOException {
        Path refused = move(claimed, inbox.resolve(REFUSED));
        Files.writeString(refused.resolveSibling(refused.getFileName() + ".problem.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(Problems.asMap(problem)));
        log.warn("bank statement {} refused: {}", claimed.getFileName(), problem.getDetail());
    }

    /** Moves the file into the folder under its name, or its name with a number if that is taken. */
    private static Path move(Path file, Path folder) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.') > 0 ? name.lastIndexOf('.') : name.length();
        for (int n = 1; ; n++) {
            Path target = folder.resolve(n == 1 ? name : name.substring(0, dot) + "-" + n + name.substring(dot));
            if (Files.exists(target)) {
                continue;
            }
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } catch (FileAlreadyExistsException raced) {
                // a file system that refuses to replace: another instance took the name just now
            }
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean unfinished(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("~") || UNFINISHED.stream().anyMatch(name::endsWith);
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // gone or unreadable: not taken in this look
        }
    }
}
