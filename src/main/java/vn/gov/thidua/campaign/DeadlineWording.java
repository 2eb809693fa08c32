package vn.gov.thidua.campaign;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the deadline wording of Vietnamese plans into instants in Asia/Ho_Chi_Minh, so campaign definitions can
 * quote their source document ("trước ngày 12/12/2024", "trong Quý IV năm 2023", "trong tháng 11/2024").
 * A deadline ({@link Reading#DUE}) is the last instant the wording allows; an opening ({@link Reading#OPENS}) is the
 * first. ISO-8601 date-times and dates are accepted as well.
 */
public final class DeadlineWording {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The wordings a definition may use, as refusals list them. */
    static final String ACCEPTED = "'trước ngày 12/12/2024', 'ngày 05/12/2023', 'trong tháng 11/2024', 'trong Quý IV năm 2023',"
            + " 'năm 2025', 'cuối năm 2025', ISO-8601 (2024-12-20); mốc hằng năm: 'trước ngày 15/12 hằng năm',"
            + " 'trong tháng 11 hằng năm', 'trong Quý IV hằng năm', 'hằng năm', 'cuối năm'";

    public enum Reading { DUE, OPENS }

    private static final String DATE = "(\\d{1,2})/(\\d{1,2})/(\\d{4})";
    private static final Pattern BEFORE_DAY = Pattern.compile(".*\\btrước\\s+ngày\\s+" + DATE + "\\s*");
    private static final Pattern ON_DAY = Pattern.compile(".*\\bngày\\s+" + DATE + "\\s*");
    private static final Pattern QUARTER = Pattern.compile(".*\\bquý\\s+(i{1,3}|iv|[1-4])\\s*(?:năm|/)\\s*(\\d{4})\\s*");
    private static final Pattern MONTH = Pattern.compile(".*\\btháng\\s+(\\d{1,2})\\s*(?:/|năm)\\s*(\\d{4})\\s*");
    private static final Pattern YEAR = Pattern.compile(".*\\bnăm\\s+(\\d{4})\\s*");
    private static final Pattern DAY_IN_WORDS = Pattern.compile("\\bngày (\\d{1,2}) tháng (\\d{1,2}) năm (\\d{4})");
    private static final Pattern YEARLY_DAY_IN_WORDS = Pattern.compile("\\bngày (\\d{1,2}) tháng (\\d{1,2}) (h[ằà]ng năm)");
    /** "hằng năm" (also spelt "hàng năm"): the wording of a milestone issued every year of its period. */
    private static final Pattern EVERY_YEAR = Pattern.compile("\\bh[ằà]ng\\s+năm\\b");
    private static final Pattern DAY_MONTH_EVERY_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})\\s+h[ằà]ng\\s+năm\\b");
    private static final Pattern MONTH_EVERY_YEAR = Pattern.compile("tháng\\s+(\\d{1,2})\\s+h[ằà]ng\\s+năm\\b");
    /** "cuối năm 2024", a report due by year end when the plan gives no day; "cuối năm" alone only in a yearly wording. */
    private static final Pattern YEAR_END = Pattern.compile(".*\\bcuối\\s+năm\\s+(\\d{4})\\s*");
    /** "cuối năm" with no year: a yearly report due by each year's end. */
    private static final Pattern EACH_YEAR_END = Pattern.compile("(?:vào |trước )?cuối năm");

    private DeadlineWording() {
    }

    /** The instant the wording means, or empty when it is not a wording this reader knows. */
    public static Optional<OffsetDateTime> parse(String wording, Reading reading) {
        if (wording == null || wording.isBlank()) {
            return Optional.empty();
        }
        String text = normalise(wording);
        if (isYearlyText(text)) {
            // a yearly wording means nothing until a year is given: see forYear
            return Optional.empty();
        }
        return read(text, reading);
    }

    /** Whether the wording recurs every year ("trước ngày 15/12 hằng năm", "hằng năm", "cuối năm hằng năm"). */
    public static boolean isYearly(String wording) {
        return wording != null && isYearlyText(normalise(wording));
    }

    private static boolean isYearlyText(String text) {
        return EVERY_YEAR.matcher(text).find() || EACH_YEAR_END.matcher(text).matches();
    }

    /**
     * The instant a yearly wording means in {@code year}: "trước ngày 15/12 hằng năm" is "trước ngày 15/12/2024",
     * "trong tháng 11 hằng năm" is "trong tháng 11/2024", "trong Quý IV hằng năm" is "trong Quý IV năm 2024", "hằng năm"
     * "cuối năm" or "cuối năm hằng năm" the whole year (due at its end; "cuối năm" opens nothing). A wording that is not yearly means its own instant.
     */
    public static Optional<OffsetDateTime> forYear(String wording, Reading reading, int year) {
        if (wording == null || wording.isBlank()) {
            return Optional.empty();
        }
        String text = normalise(wording);
        if (!isYearlyText(text)) {
            return read(text, reading);
        }
        if (EACH_YEAR_END.matcher(text).matches()) {
            return read("cuối năm " + year, reading);
        }
        String dated = DAY_MONTH_EVERY_YEAR.matcher(text).replaceAll("$1/$2/" + year);
        dated = MONTH_EVERY_YEAR.matcher(dated).replaceAll("tháng $1/" + year);
        dated = EVERY_YEAR.matcher(dated).replaceAll("năm " + year).replaceAll("\\bcuối\\s+năm\\s+năm\\b", "cuối năm");
        return read(dated, reading);
    }

    private static String normalise(String wording) {
        String text = wording.trim().toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replaceAll("\\s+", " ")
                .replaceAll("[.;,]+$", "");
        // "ngày 15 tháng 12 năm 2024" is "ngày 15/12/2024" (read as a month it would be due on the 31st)
        text = DAY_IN_WORDS.matcher(text).replaceAll("ngày $1/$2/$3");
        return YEARLY_DAY_IN_WORDS.matcher(text).replaceAll("ngày $1/$2 $3");
    }

    private static Optional<OffsetDateTime> read(String text, Reading reading) {
        try {
            return Optional.of(interpret(text, reading));
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static OffsetDateTime interpret(String text, Reading reading) {
        Matcher m;
        if ((m = BEFORE_DAY.matcher(text)).matches()) {
            // "trước ngày D" is due when D begins: work sent on D itself is late
            return startOf(date(m));
        }
        if ((m = QUARTER.matcher(text)).matches()) {
            int quarter = quarter(m.group(1));
            YearMonth first = YearMonth.of(Integer.parseInt(m.group(2)), quarter * 3 - 2);
            return reading == Reading.OPENS ? startOf(first.atDay(1)) : endOf(first.plusMonths(2).atEndOfMonth());
        }
        if ((m = MONTH.matcher(text)).matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            return reading == Reading.OPENS ? startOf(month.atDay(1)) : endOf(month.atEndOfMonth());
        }
        if ((m = ON_DAY.matcher(text)).matches()) {
            LocalDate day = date(m);
            return reading == Reading.OPENS ? startOf(day) : endOf(day);
        }
        if ((m = YEAR_END.matcher(text)).matches() && reading == Reading.DUE) {
            return endOf(LocalDate.of(Integer.parseInt(m.group(1)), 12, 31));
        }
        if (text.contains("quý") || text.contains("tháng") || text.contains("ngày") || text.contains("cuối")) {
            // a quarter, month or day that did not read as one is a mistake, not a whole year; "cuối năm" opens nothing
            throw new IllegalArgumentException(text);
        }
        if ((m = YEAR.matcher(text)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return reading == Reading.OPENS ? startOf(LocalDate.of(year, 1, 1)) : endOf(LocalDate.of(year, 12, 31));
        }
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return reading == Reading.OPENS ? startOf(day) : endOf(day);
        }
        return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    private static LocalDate date(Matcher m) {
        return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }

    private static int quarter(String roman) {
        return switch (roman) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            case "iv", "4" -> 4;
            default -> throw new IllegalArgumentException(roman);
        };
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.MIDNIGHT, ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime endOf(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), ZONE).toOffsetDateTime();
    }
}
