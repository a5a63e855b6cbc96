package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The background exports: bounded, one per user, owner only, size-bounded, expiring. */
class ExportJobsTest {

    final TestClock clock = new TestClock();
    ExportJobs jobs;

    @AfterEach
    void stop() {
        if (jobs != null) {
            jobs.destroy();
        }
        SecurityContextHolder.clearContext();
    }

    static CurrentUser user(String name) {
        return new CurrentUser(UUID.randomUUID(), name, name, "9999", null, Set.of(Role.POLICY_OFFICER));
    }

    static ExportJobs.Job await(ExportJobs jobs, CurrentUser owner, UUID id) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            ExportJobs.Job j = jobs.find(owner, id).orElseThrow();
            if (!j.view().running()) {
                return j;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job did not finish");
    }

    ExportJobs.Submission submit(CurrentUser u, ExportJobs.Work work) {
        return jobs.submit(u, "Raadsrapportage", "raadsrapportage-2026-alle-wijken.pdf", "application/pdf", List.of("Tabel A", "Tabel B", "PDF opmaken"), work);
    }

    @Test
    void theOwnerGetsTheFileWithProgressAnotherUserGetsNothing() throws Exception {
        jobs = new ExportJobs(clock, 2, 10, Duration.ofHours(1), 1000, 5000);
        CurrentUser owner = user("beleid");
        CountDownLatch go = new CountDownLatch(1);
        ExportJobs.Submission s = submit(owner, p -> {
            p.started(0);
            p.started(1);
            go.await(5, TimeUnit.SECONDS);
            p.started(2);
            return "%PDF-test".getBytes();
        });
        assertThat(s.existing()).isFalse();
        for (int i = 0; i < 200 && jobs.find(owner, s.job().id).orElseThrow().current.get() < 1; i++) {
            Thread.sleep(10);
        }
        ExportJobs.View running = jobs.find(owner, s.job().id).orElseThrow().view();
        assertThat(running.running()).isTrue();
        assertThat(running.steps()).extracting(ExportJobs.StepView::status).containsExactly("klaar", "bezig", "wacht");
        assertThat(running.percent()).isEqualTo(33);
        go.countDown();
        ExportJobs.Job done = await(jobs, owner, s.job().id);
        assertThat(done.view().done()).isTrue();
        assertThat(done.view().steps()).extracting(ExportJobs.StepView::status).containsOnly("klaar");
        assertThat(new String(done.file)).isEqualTo("%PDF-test");

        assertThat(jobs.find(user("raad"), s.job().id)).as("another user").isEmpty();
        CurrentUser sameIdOtherMunicipality = new CurrentUser(owner.id(), "beleid", "beleid", "0001", null, Set.of(Role.POLICY_OFFICER));
        assertThat(jobs.find(sameIdOtherMunicipality, s.job().id)).as("another municipality").isEmpty();
        assertThat(jobs.find(owner, UUID.randomUUID())).isEmpty();
    }

    @Test
    void oneUnfinishedJobPerUser() throws Exception {
        jobs = new ExportJobs(clock, 2, 10, Duration.ofHours(1), 1000, 5000);
        CurrentUser owner = user("beleid");
        CountDownLatch go = new CountDownLatch(1);
        ExportJobs.Submission first = submit(owner, p -> {
            go.await(5, TimeUnit.SECONDS);
            return new byte[] {1};
        });
        ExportJobs.Submission second = submit(owner, p -> new byte[] {2});
        assertThat(second.existing()).isTrue();
        assertThat(second.job().id).isEqualTo(first.job().id);
        ExportJobs.Submission otherUser = submit(user("raad"), p -> new byte[] {3});
        assertThat(otherUser.existing()).isFalse();
        go.countDown();
        await(jobs, owner, first.job().id);
        ExportJobs.Submission afterwards = submit(owner, p -> new byte[] {4});
        assertThat(afterwards.existing()).as("a new one once the first is done").isFalse();
    }

    @Test
    void theQueueIsBounded() throws Exception {
        jobs = new ExportJobs(clock, 1, 1, Duration.ofHours(1), 1000, 5000);
        CountDownLatch go = new CountDownLatch(1);
        ExportJobs.Work blocking = p -> {
            go.await(5, TimeUnit.SECONDS);
            return new byte[] {1};
        };
        CurrentUser a = user("a");
        ExportJobs.Submission running = submit(a, blocking);
        submit(user("b"), blocking);   // waits in the queue
        assertThatThrownBy(() -> submit(user("c"), blocking)).isInstanceOf(ExportJobs.BusyException.class);
        assertThat(jobs.size()).as("the refused job is not kept").isEqualTo(2);
        go.countDown();
        await(jobs, a, running.job().id);
    }

    @Test
    void tooLargeFailsAndTheOldestFilesGoFirst() throws Exception {
        jobs = new ExportJobs(clock, 1, 10, Duration.ofHours(1), 100, 150);
        CurrentUser a = user("a");
        ExportJobs.Job big = await(jobs, a, submit(a, p -> new byte[101]).job().id);
        assertThat(big.view().failed()).isTrue();
        assertThat(big.view().failure()).contains("te groot");
        assertThat(big.file).isNull();

        ExportJobs.Job first = await(jobs, a, submit(a, p -> new byte[80]).job().id);
        clock.freezeAt(clock.instant().plusSeconds(1));
        CurrentUser b = user("b");
        ExportJobs.Job second = await(jobs, b, submit(b, p -> new byte[80]).job().id);
        assertThat(second.view().done()).isTrue();
        assertThat(jobs.find(a, first.id)).as("the oldest file made room (80 + 80 > 150)").isEmpty();
        assertThat(jobs.find(b, second.id)).isPresent();
    }

    @Test
    void aFinishedJobIsGoneAfterAnHour() throws Exception {
        jobs = new ExportJobs(clock, 1, 10, Duration.ofHours(1), 100, 150);
        clock.freezeAt(Instant.parse("2026-11-24T09:00:00Z"));
        CurrentUser a = user("a");
        UUID id = await(jobs, a, submit(a, p -> new byte[] {1}).job().id).id;
        clock.advance(Duration.ofMinutes(59));
        assertThat(jobs.find(a, id)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(jobs.find(a, id)).isEmpty();
    }

    @Test
    void theJobRunsAsTheUserWhoStartedIt() throws Exception {
        jobs = new ExportJobs(clock, 1, 10, Duration.ofHours(1), 100, 150);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("beleid", "x", "ROLE_POLICY_OFFICER"));
        AtomicReference<String> seen = new AtomicReference<>();
        CurrentUser a = user("beleid");
        await(jobs, a, submit(a, p -> {
            seen.set(SecurityContextHolder.getContext().getAuthentication().getName());
            return new byte[] {1};
        }).job().id);
        assertThat(seen.get()).isEqualTo("beleid");
    }

    @Test
    void anUnexpectedFailureShowsNoDetails() throws Exception {
        jobs = new ExportJobs(clock, 1, 10, Duration.ofHours(1), 100, 150);
        CurrentUser a = user("a");
        ExportJobs.Job failed = await(jobs, a, submit(a, p -> {
            throw new IllegalStateException("SELECT * FROM secret");
        }).job().id);
        assertThat(failed.view().failed()).isTrue();
        assertThat(failed.view().failure()).isEqualTo("Het maken van het bestand is mislukt. Probeer het later opnieuw.");
    }
}
