package vn.gov.thidua.system;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every instant of the product's JSON on the province's clock, as its offset date-times already are
 * ({@code 2023-12-11T09:00:00+07:00}): Jackson writes an {@link Instant} in UTC ("Z") whatever time zone it is given,
 * so records holding an Instant (a campaign's launchedAt, a definition's uploadedAt) read as another day's hours.
 */
@Configuration(proxyBeanMethods = false)
public class ZonedInstantJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer instantsOnTheProvinceClock(@Value("${app.time-zone}") String timeZone) {
        ZoneId zone = ZoneId.of(timeZone);
        return builder -> builder.serializerByType(Instant.class, new JsonSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                provider.defaultSerializeValue(value.atZone(zone).toOffsetDateTime(), generator);
            }
        });
    }
}
