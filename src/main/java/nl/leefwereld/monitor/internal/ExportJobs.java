package nl.leefwereld.monitor.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.leefwereld.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Long exports in the background (the council report: eight tables and a PDF), with progress per step.
 *
 * <ul>
 *   <li>A small fixed pool ({@code leefwereld.monitor.export.threads}, default 2) with a bounded queue
 *       ({@code leefwereld.monitor.export.queue}, default 10); a full queue refuses the job ({@link BusyException}).</li>
 *   <li>One unfinished job per user: asking again while one waits or runs gives that job back.</li>
 *   <li>The job runs as the user who asked (their security context), so the monitor applies their access (a team lead's
 *       own team) exactly as for a page.</li>
 *   <li>The file stays in memory for its owner only: another user, even of the same municipality, gets "not found".
 *       A file larger than {@code leefwereld.monitor.export.max-bytes} (default 16 MB) fails the job; all kept files
 *       together stay under {@code max-total-bytes} (default 64 MB; the oldest finished go first); a job is gone
 *       {@code leefwereld.monitor.export.keep} (default PT1H) after it finished.</li>
 * </ul>
 */
@Component
class ExportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    enum State { WAITING, RUNNING, DONE, FAILED }

    /** What a job does: make the file, reporting each finished step. */
    @FunctionalInterface
    interface Work {
        byte[] run(Progress progress) throws Exception;
    }

    interface Progress {
        /** Step {@code index} (0-based, of the job's steps) has started. */
        void started(int index);
    }

    /** A failure whose Dutch message may be shown to the user as it is. */
    static final class ExportFailure extends RuntimeException {
        ExportFailure(String dutchMessage) {
            super(dutchMessage);
        }
    }

    /** The queue is full: try again later. */
    static final class BusyException extends RuntimeException {
        BusyException() {
            super("export queue full");
        }
    }

    /** One export. Mutable only through this class; the page reads a {@link #view()}. */
    static final class Job {
        final UUID id = UUID.randomUUID();
        final String municipality;
        final UUID owner;
        final String title;
        final String fileName;
        final String contentType;
        final List<String> steps;
        final Instant createdAt;
        final AtomicInteger current = new AtomicInteger(-1);
        volatile State state = State.WAITING;
        volatile byte[] file;
        volatile String failure;
        volatile Instant finishedAt;

        Job(String municipality, UUID owner, String title, String fileName, String contentType, List<String> steps, Instant createdAt) {
            this.municipality = municipality;
            this.owner = owner;
            this.title = title;
            this.fileName = fileName;
            this.contentType = contentType;
            this.steps = List.copyOf(steps);
            this.createdAt = createdAt;
        }

        View view() {
            int at = current.get();
            State s = state;
            List<StepView> list = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                String status = s == State.DONE || i < at ? "klaar" : i == at && s == State.RUNNING ? "bezig" : s == State.FAILED && i == at ? "mislukt" : "wacht";
                list.add(new StepView(steps.get(i), status));
            }
            int done = s == State.DONE ? steps.size() : Math.max(0, at);
            int percent = steps.isEmpty() ? 0 : done * 100 / steps.size();
            byte[] f = file;
            return new View(id, title, fileName, s, list, percent, failure, f == null ? 0 : f.length);
        }
    }

    record StepView(String label, String status) {
    }

    record View(UUID id, String title, String fileName, State state, List<StepView> steps, int percent, String failure, int bytes) {
        public boolean running() {
            return state == State.WAITING || state == State.RUNNING;
        }

        public boolean done() {
            return state == State.DONE;
        }

        public boolean failed() {
            return state == State.FAILED;
        }

        /** "312 kB" */
        public String size() {
            return bytes < 1024 ? bytes + " bytes" : bytes < 1024 * 1024 ? (bytes / 1024) + " kB"
                    : String.format(ExportFormat.NL, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
    }

    /** A job handed back: new, or the user's job that was still unfinished. */
    record Submission(Job job, boolean existing) {
    }

    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Duration keep;
    private final long maxBytes;
    private final long maxTotalBytes;
    private final Map<UUID, Job> jobs = new LinkedHashMap<>();

    ExportJobs(Clock clock,
               @Value("${leefwereld.monitor.export.threads:2}") int threads,
               @Value("${leefwereld.monitor.export.queue:10}") int queue,
               @Value("${leefwereld.monitor.export.keep:PT1H}") Duration keep,
               @Value("${leefwereld.monitor.export.max-bytes:16777216}") long maxBytes,
               @Value("${leefwereld.monitor.export.max-total-bytes:67108864}") long maxTotalBytes) {
        if (threads < 1 || queue < 0 || keep.isNegative() || maxBytes < 1 || maxTotalBytes < maxBytes) {
            throw new IllegalStateException("leefwereld.monitor.export.*: threads >= 1, queue >= 0, keep >= 0, max-total-bytes >= max-bytes");
        }
        this.clock = clock;
        this.keep = keep;
        this.maxBytes = maxBytes;
        this.maxTotalBytes = maxTotalBytes;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)), r -> {
            Thread t = new Thread(r, "monitor-export-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a job for the user (in their security context), or hands back their unfinished one.
     *
     * @throws BusyException when the queue is full
     */
    Submission submit(CurrentUser user, String title, String fileName, String contentType, List<String> steps, Work work) {
        Job job;
        synchronized (this) {
            sweep();
            for (Job j : jobs.values()) {
                if (j.owner.equals(user.id()) && j.municipality.equals(user.municipalityCode())
                        && (j.state == State.WAITING || j.state == State.RUNNING)) {
                    return new Submission(j, true);
                }
            }
            job = new Job(user.municipalityCode(), user.id(), title, fileName, contentType, steps, clock.instant());
            jobs.put(job.id, job);
        }
        SecurityContext context = SecurityContextHolder.getContext();
        Job j = job;
        try {
            executor.execute(new DelegatingSecurityContextRunnable(() -> run(j, work), context));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                jobs.remove(job.id);
            }
            throw new BusyException();
        }
        return new Submission(job, false);
    }

    private void run(Job job, Work work) {
        job.state = State.RUNNING;
        job.current.set(0);
        try {
            byte[] file = work.run(job.current::set);
            if (file.length > maxBytes) {
                throw new ExportFailure("Het bestand werd te groot (meer dan " + (maxBytes / (1024 * 1024)) + " MB). Kies een kleiner deel, bijvoorbeeld één wijk.");
            }
            synchronized (this) {
                job.file = file;
                job.finishedAt = clock.instant();
                job.state = State.DONE;
                keepWithinTotal();
            }
        } catch (ExportFailure e) {
            fail(job, e.getMessage());
        } catch (Exception | LinkageError e) {
            log.warn("Monitor export {} failed: {}", job.id, e.getClass().getSimpleName());
            fail(job, "Het maken van het bestand is mislukt. Probeer het later opnieuw.");
        }
    }

    private void fail(Job job, String message) {
        synchronized (this) {
            job.failure = message;
            job.file = null;
            job.finishedAt = clock.instant();
            job.state = State.FAILED;
        }
    }

    /** The user's own job; empty for an unknown, expired or someone else's job. */
    synchronized Optional<Job> find(CurrentUser user, UUID id) {
        sweep();
        Job j = jobs.get(id);
        if (j == null || !j.owner.equals(user.id()) || !j.municipality.equals(user.municipalityCode())) {
            return Optional.empty();
        }
        return Optional.of(j);
    }

    /** Finished jobs are dropped {@code keep} after they finished. */
    private void sweep() {
        Instant now = clock.instant();
        jobs.values().removeIf(j -> j.finishedAt != null && !j.finishedAt.plus(keep).isAfter(now));
    }

    /** The oldest finished files go first when all kept files together are over the limit. */
    private void keepWithinTotal() {
        long total = jobs.values().stream().mapToLong(j -> j.file == null ? 0 : j.file.length).sum();
        if (total <= maxTotalBytes) {
            return;
        }
        List<Job> finished = jobs.values().stream().filter(j -> j.file != null)
                .sorted(Comparator.comparing((Job j) -> j.finishedAt)).toList();
        for (Job j : finished) {
            if (total <= maxTotalBytes) {
                break;
            }
            total -= j.file.length;
            jobs.remove(j.id);
        }
    }

    synchronized int size() {
        return jobs.size();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
