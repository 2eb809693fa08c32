package vn.gov.thidua.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies {@link PlainText}'s control-character rule to every string of every JSON body the product's API reads
 * (Spring Boot adds each Jackson module bean to its mapper), so no request record can forget it. Markup is refused per
 * field, on names, by the records' Bean Validation and the services.
 */
@Configuration(proxyBeanMethods = false)
public class PlainTextJson {

    @Bean
    Module plainTextModule() {
        return new SimpleModule("plain-text").addDeserializer(String.class, new PlainStringDeserializer());
    }

    /** A refused string; {@code api/ApiExceptionHandler} names the field from its path. */
    public static final class ControlCharacterRefusal extends JsonMappingException {

        public final int character;

        ControlCharacterRefusal(JsonParser parser, int character) {
            super(parser, "control character in a string");
            this.character = character;
        }
    }

    static final class PlainStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            int control = value == null ? -1 : PlainText.controlCharacter(value);
            if (control >= 0) {
                throw new ControlCharacterRefusal(parser, control);
            }
            return value;
        }
    }
}
