package vn.gov.thidua.campaign;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import vn.gov.thidua.campaign.DeadlineWording.Reading;

/**
 * A plan's own dates (its date, its period, a phase's period) as the plan writes them: ISO ({@code 2021-08-15}) or
 * a wording ("tháng 8 năm 2021", "năm 2025"). A start is the first day the wording allows, an end the last; a
 * wording the reader does not know is refused with the field named, never guessed.
 */
final class PlanDates {

    private PlanDates() {
    }

    static final class Start extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser, context, Reading.OPENS);
        }
    }

    static final class End extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser, context, Reading.DUE);
        }
    }

    private static LocalDate read(JsonParser parser, DeserializationContext context, Reading reading) throws IOException {
        String text = parser.getValueAsString();
        var instant = text == null || DeadlineWording.isYearly(text) ? java.util.Optional.<java.time.OffsetDateTime>empty()
                : DeadlineWording.parse(text, reading);
        if (instant.isEmpty()) {
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a plan date");
        }
        return instant.get().atZoneSameInstant(DeadlineWording.ZONE).toLocalDate();
    }
}
