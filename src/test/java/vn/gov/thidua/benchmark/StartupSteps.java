package vn.gov.thidua.benchmark;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;
import vn.gov.thidua.ThiduaApplication;

/**
 * The product started with Spring's step recorder: once ready, the longest start-up steps (bean creations, the
 * context's phases) are printed to its log, each with its own time (children taken out) and its total. Where a start's
 * time goes, for whoever works on it: {@code -Dthidua.benchmark.steps=true} makes StartupBenchmarkTest start the
 * product through this class; its log is target/nodes/startup-product-*.log.
 */
public final class StartupSteps {

    private StartupSteps() {
    }

    public static void main(String[] args) {
        BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
        SpringApplication application = new SpringApplication(ThiduaApplication.class);
        application.setApplicationStartup(startup);
        // a bean, ordered last: it wraps each runner after the transaction proxies are made
        application.addInitializers(context -> ((GenericApplicationContext) context).registerBean(TimedRunners.class));
        long started = System.nanoTime();
        application.run(args);
        System.out.printf("[steps] context ready after %d ms from main%n", (System.nanoTime() - started) / 1_000_000);
        List<StartupTimeline.TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Duration> children = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        Function<StartupTimeline.TimelineEvent, Duration> self = event ->
                event.getDuration().minus(children.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
        events.stream().sorted(Comparator.comparing(self).reversed()).limit(60).forEach(event ->
                System.out.printf("[steps] self %5d ms, total %5d ms  %s %s%n", self.apply(event).toMillis(),
                        event.getDuration().toMillis(), event.getStartupStep().getName(),
                        StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
                                .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(", "))));
    }

    /** Each ApplicationRunner in a wrapper that prints its time; the wrapper keeps the runner's order. */
    static final class TimedRunners implements BeanPostProcessor, Ordered {

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof ApplicationRunner runner)) {
                return bean;
            }
            int order = OrderUtils.getOrder(AopUtils.getTargetClass(bean), Ordered.LOWEST_PRECEDENCE);
            return new TimedRunner(runner, beanName, order);
        }
    }

    private record TimedRunner(ApplicationRunner runner, String name, int order) implements ApplicationRunner, Ordered {

        @Override
        public void run(ApplicationArguments args) throws Exception {
            long started = System.nanoTime();
            runner.run(args);
            System.out.printf("[steps] runner %s: %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
