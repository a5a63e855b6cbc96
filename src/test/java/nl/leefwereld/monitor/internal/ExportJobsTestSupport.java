package nl.leefwereld.monitor.internal;

import java.util.List;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import org.springframework.context.ApplicationContext;

/** Export jobs for tests in other packages (the access matrix needs a job of each allowed role's own). */
public final class ExportJobsTestSupport {

    static final byte[] FILE = "%PDF-1.7 testbestand".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ExportJobsTestSupport() {
    }

    /** A finished job of this user (a tiny file), its id. */
    public static UUID finishedJob(ApplicationContext context, CurrentUser user) {
        try {
            return finishedJob(context.getBean(ExportJobs.class), user);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static UUID finishedJob(ExportJobs jobs, CurrentUser user) throws InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            ExportJobs.Submission s = jobs.submit(user, "Raadsrapportage 2026", "raadsrapportage-2026-alle-wijken.pdf", "application/pdf",
                    List.of("PDF opmaken"), p -> FILE);
            ExportJobs.Job done = await(jobs, user, s.job().id);
            if (!s.existing()) {   // the user had one running (another test's): wait for it, then make our own
                return done.id;
            }
        }
        throw new AssertionError("the user keeps having another export running");
    }

    static ExportJobs.Job await(ExportJobs jobs, CurrentUser user, UUID id) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            ExportJobs.Job j = jobs.find(user, id).orElseThrow();
            if (!j.view().running()) {
                return j;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("export job did not finish in 60 s");
    }
}
