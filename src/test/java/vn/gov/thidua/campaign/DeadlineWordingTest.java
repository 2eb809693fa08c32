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
            trước ngày 15/12 hằng năm
            hằng năm
            cuối năm
            trước ngày 15/13 hằng năm
            """)
    void unknownOrImpossibleWording_isNotGuessed(String wording) {
        assertThat(DeadlineWording.parse(wording, Reading.DUE)).as("a yearly wording needs its year").isEmpty();
    }

    @ParameterizedTest(name = "{0} ({1}) = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            tháng 8 năm 2021                         | OPENS | 2021-08-01T00:00:00+07:00
            tháng 8 năm 2021                         | DUE   | 2021-08-31T23:59:59+07:00
            trước ngày 15 tháng 12 năm 2024          | DUE   | 2024-12-15T00:00:00+07:00
            ngày 15 tháng 12 năm 2024                | DUE   | 2024-12-15T23:59:59+07:00
            cuối năm 2025                            | DUE   | 2025-12-31T23:59:59+07:00
            """)
    void planWording_monthsInWordsAndYearEnds(String wording, Reading reading, String instant) {
        assertThat(DeadlineWording.parse(wording, reading)).hasValueSatisfying(parsed ->
                assertThat(parsed.toInstant()).isEqualTo(OffsetDateTime.parse(instant).toInstant()));
    }

    @ParameterizedTest(name = "{0} ({1}, {2}) = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            trước ngày 15/12 hằng năm                | DUE   | 2024 | 2024-12-15T00:00:00+07:00
            Trước ngày 15 tháng 12 hàng năm.         | DUE   | 2023 | 2023-12-15T00:00:00+07:00
            ngày 01/11 hằng năm                      | OPENS | 2024 | 2024-11-01T00:00:00+07:00
            trong tháng 11 hằng năm                  | OPENS | 2022 | 2022-11-01T00:00:00+07:00
            trong Quý IV hằng năm                    | DUE   | 2025 | 2025-12-31T23:59:59+07:00
            hằng năm                                 | DUE   | 2024 | 2024-12-31T23:59:59+07:00
            hằng năm                                 | OPENS | 2024 | 2024-01-01T00:00:00+07:00
            cuối năm                                 | DUE   | 2022 | 2022-12-31T23:59:59+07:00
            trước ngày 12/12/2024                    | DUE   | 2030 | 2024-12-12T00:00:00+07:00
            """)
    void yearlyWording_meansItsInstantInEachYear(String wording, Reading reading, int year, String instant) {
        assertThat(DeadlineWording.isYearly(wording) || !wording.contains("năm")).isTrue();
        assertThat(DeadlineWording.forYear(wording, reading, year)).hasValueSatisfying(parsed ->
                assertThat(parsed.toInstant()).isEqualTo(OffsetDateTime.parse(instant).toInstant()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trước ngày 31/02 hằng năm
            trong tháng 13 hằng năm
            cuối tháng hằng năm
            """)
    void impossibleYearlyWording_isNotGuessed(String wording) {
        assertThat(DeadlineWording.forYear(wording, Reading.DUE, 2024)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void cuoiNam_opensNothing() {
        assertThat(DeadlineWording.forYear("cuối năm", Reading.OPENS, 2024)).isEmpty();
    }
}
