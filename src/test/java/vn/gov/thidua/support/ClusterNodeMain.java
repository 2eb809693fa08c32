package vn.gov.thidua.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.gov.thidua.ThiduaApplication;

/**
 * The application exactly as {@link ThiduaApplication} starts it, with two knobs a cluster test needs and a server
 * never has, for {@link NodeProcess#start(String, String, java.util.List, java.util.Map)}:
 * <ul>
 *   <li>{@value #CLOCK_FILE}: a file holding how far the engine clock runs ahead of real time, written by
 *       {@link #setClock}. The node follows it while it runs (re-read every 100 ms), so a test can bring 08:00, the
 *       reminder hour, within seconds; every node reading the same file shows the same time, as servers synchronised
 *       by NTP do;</li>
 *   <li>{@value #LOCK_OWNER}: the job executor's lock owner (otherwise a random UUID), so a test can tell which jobs
 *       a killed node held locked.</li>
 * </ul>
 */
public final class ClusterNodeMain {

    public static final String CLOCK_FILE = "test.node.clock-file";
    public static final String LOCK_OWNER = "test.node.lock-owner";

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String clockFile = System.getProperty(CLOCK_FILE);
        if (clockFile != null) {
            followClock(Path.of(clockFile));
        }
        String lockOwner = System.getProperty(LOCK_OWNER);
        new SpringApplicationBuilder(ThiduaApplication.class)
                .initializers(context -> {
                    if (lockOwner != null) {
                        context.getBeanFactory().registerSingleton("testLockOwnerPlugin", new LockOwnerPlugin(lockOwner));
                    }
                })
                .run(args);
    }

    /** Writes the instant the nodes' engine clocks show from now on; the nodes follow within 100 ms. */
    public static void setClock(Path file, Instant shownNow) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            // offset from this machine's real time, which the nodes share
            Files.writeString(next, Long.toString(shownNow.toEpochMilli() - System.currentTimeMillis()));
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void followClock(Path file) throws IOException {
        applyOffset(file);
        Thread follower = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(100);
                    applyOffset(file);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException unreadableForAMoment) {
                    // being replaced: read it again next time
                }
            }
        }, "test-clock-follower");
        follower.setDaemon(true);
        follower.start();
    }

    private static void applyOffset(Path file) throws IOException {
        ClockUtil.offset(Long.parseLong(Files.readString(file).trim()));
    }

    private record LockOwnerPlugin(String lockOwner) implements ProcessEnginePlugin {

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
        }

        @Override
        public void postInit(ProcessEngineConfigurationImpl configuration) {
            configuration.getJobExecutor().setLockOwner(lockOwner);
        }

        @Override
        public void postProcessEngineBuild(ProcessEngine processEngine) {
        }
    }
}
