package vn.gov.thidua.calendar;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * The lunisolar calendar of Vietnam (âm lịch), computed as Hồ Ngọc Đức's method does: new moons and the sun's
 * longitude from Meeus' low-precision formulas, the day of each astronomical event taken on the clock of a given
 * offset. Vietnam reckons at UTC+7 and China at UTC+8, so a new moon shortly after 16:00 UTC falls on different days,
 * and Tết can differ (1985, 2007). Rules: a month starts on the local day of its new moon; month 11 contains the
 * winter solstice; when 13 months lie between two months 11, the first of them without a major solar term (trung khí,
 * a multiple of 30° of the sun's longitude) is the leap month, numbered as the month before it.
 *
 * <p>Good to a day for 1900–2100 as far as the formulas go; a new moon within minutes of local midnight may still be
 * put on the wrong day, which is why the official calendar is data that administrators confirm each year.
 */
final class LunarCalendar {

    /** Vietnam's civil time, the reckoning of the Vietnamese calendar since 1968. */
    static final LunarCalendar VIETNAM = new LunarCalendar(7);

    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian date of the mean new moon numbered 0 (6 January 1900). */
    private static final double NEW_MOON_EPOCH = 2415021.076998695;
    private static final double DEGREE = Math.PI / 180;

    private final double offsetDays;

    LunarCalendar(double offsetHours) {
        this.offsetDays = offsetHours / 24;
    }

    /** Mùng 1 tháng Giêng (first day of the first month) of the lunar year that starts in Gregorian year {@code year}. */
    LocalDate newYear(int year) {
        return toSolar(year, 1, 1);
    }

    /** The Gregorian date of day {@code day} of the (non-leap) month {@code month} of the lunar year starting in {@code year}. */
    LocalDate toSolar(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("no lunar date " + day + "/" + month);
        }
        // months 1 to 10 follow month 11 of the Gregorian year before (tháng Chạp is 1, Giêng 2, ...); 11 and 12 that of the year
        long month11 = month11Of(month >= 11 ? year : year - 1);
        int index = month >= 11 ? month - 11 : month + 1;
        int leap = leapIndexAfter(month11);
        if (leap > 0 && leap <= index) {
            index++;
        }
        return date(monthStart(month11 + index) + day - 1);
    }

    /**
     * Index (1 to 12) of the leap month among the months after {@code month11}, counted until the next month 11; 0
     * when the lunar year has 12 months.
     */
    private int leapIndexAfter(long month11) {
        long nextMonth11 = month11Of(yearOf(monthStart(month11)) + 1);
        if (nextMonth11 - month11 < 13) {
            return 0;
        }
        int previous = sector(monthStart(month11 + 1));
        for (int i = 1; i < 13; i++) {
            int next = sector(monthStart(month11 + i + 1));
            if (next == previous) {
                return i;
            }
            previous = next;
        }
        return 0;
    }

    /** The number of the new moon that starts month 11 of the lunar year, the month holding the December solstice. */
    private long month11Of(int gregorianYear) {
        long lastDay = dayNumber(LocalDate.of(gregorianYear, 12, 31));
        long k = (long) Math.floor((lastDay - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        while (monthStart(k) > lastDay) {
            k--;
        }
        while (monthStart(k + 1) <= lastDay) {
            k++;
        }
        // the sun already past 270° when the month begins: the solstice was in the month before
        return sector(monthStart(k)) >= 9 ? k - 1 : k;
    }

    private int yearOf(long dayNumber) {
        return date(dayNumber).getYear();
    }

    /** The local day (as a Julian day number) of new moon {@code k}. */
    private long monthStart(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + offsetDays);
    }

    /** Which 30° sector (0 to 11) the sun's longitude is in at the local midnight that begins the day. */
    private int sector(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - offsetDays) / 30);
    }

    /** Julian date (UT) of new moon {@code k}, after Meeus, Astronomical Formulae for Calculators, ch. 32. */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
        double sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double correction = (0.1734 - 0.000393 * t) * sin(sunAnomaly) + 0.0021 * sin(2 * sunAnomaly)
                - 0.4068 * sin(moonAnomaly) + 0.0161 * sin(2 * moonAnomaly) - 0.0004 * sin(3 * moonAnomaly)
                + 0.0104 * sin(2 * latitude) - 0.0051 * sin(sunAnomaly + moonAnomaly)
                - 0.0074 * sin(sunAnomaly - moonAnomaly) + 0.0004 * sin(2 * latitude + sunAnomaly)
                - 0.0004 * sin(2 * latitude - sunAnomaly) - 0.0006 * sin(2 * latitude + moonAnomaly)
                + 0.0010 * sin(2 * latitude - moonAnomaly) + 0.0005 * sin(sunAnomaly + 2 * moonAnomaly);
        // the formulas give dynamical time; ΔT (in days) brings the instant to universal time
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + correction - deltaT;
    }

    /** The sun's true longitude (no nutation or aberration) in degrees [0, 360) at Julian date {@code jd}, after Meeus, Astronomical Algorithms, ch. 25. */
    static double sunLongitude(double jd) {
        double t = (jd - 2451545.0) / 36525;
        double t2 = t * t;
        double anomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(anomaly)
                + (0.019993 - 0.000101 * t) * sin(2 * anomaly) + 0.000290 * sin(3 * anomaly);
        double longitude = (meanLongitude + centre) % 360;
        return longitude < 0 ? longitude + 360 : longitude;
    }

    private static double sin(double degrees) {
        return Math.sin(degrees * DEGREE);
    }

    private static long dayNumber(LocalDate date) {
        return date.getLong(JulianFields.JULIAN_DAY);
    }

    private static LocalDate date(long dayNumber) {
        return LocalDate.MIN.with(JulianFields.JULIAN_DAY, dayNumber);
    }
}
