package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.gov.thidua.campaign.DeadlineWording.Reading;

class DeadlineWordingTest {

    @ParameterizedTest(name = "{0} ({1}) = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            trước ngày 12/12/2024                    | DUE   | 2024-12-12T00:00:00+07:00
            trước ngày 20/12/2024                    | DUE   | 2024-12-20T00:00:00+07:00
            Trước ngày 05/12/2023.                   | DUE   | 2023-12-05T00:00:00+07:00
            trong Quý IV năm 2023                    | DUE   | 2023-12-31T23:59:59+07:00
            trong Quý I năm 2023                     | DUE   | 2023-03-31T23:59:59+07:00
            Quý II/2025                              | DUE   | 2025-06-30T23:59:59+07:00
            hoàn thành trong tháng 11/2024           | DUE   | 2024-11-30T23:59:59+07:00
            trong tháng 2/2024                       | DUE   | 2024-02-29T23:59:59+07:00
            trong tháng 11/2024                      | OPENS | 2024-11-01T00:00:00+07:00
            từ Quý I năm 2023                        | OPENS | 2023-01-01T00:00:00+07:00
            ngày 30/11/2023                          | OPENS | 2023-11-30T00:00:00+07:00
            ngày 30/11/2023                          | DUE   | 2023-11-30T23:59:59+07:00
            trong năm 2025                           | DUE   | 2025-12-31T23:59:59+07:00
            2024-12-12T00:00:00+07:00                | DUE   | 2024-12-12T00:00:00+07:00
            2024-12-11T17:00:00Z                     | DUE   | 2024-12-12T00:00:00+07:00
            2024-12-12                               | OPENS | 2024-12-12T00:00:00+07:00
            """)
    void seedWording_meansTheInstantOfTheDomainRules(String wording, Reading reading, String instant) {
        assertThat(DeadlineWording.parse(wording, reading)).hasValueSatisfying(parsed ->
                assertThat(parsed.toInstant()).isEqualTo(OffsetDateTime.parse(instant).toInstant()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sớm nhất có thể
            trước ngày 31/02/2024
            trong Quý V năm 2024
            trong tháng 13/2024
            ngày mai
            """)
    void unknownOrImpossibleWording_isNotGuessed(String wording) {
        assertThat(DeadlineWording.parse(wording, Reading.DUE)).isEmpty();
    }
}
