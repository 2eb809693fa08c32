package vn.gov.thidua.report;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.campaign.CampaignStatusReport.UnitMilestoneStatus;
import vn.gov.thidua.report.CampaignDashboard.Dashboard;
import vn.gov.thidua.report.CampaignDashboard.MilestoneView;
import vn.gov.thidua.report.CampaignDashboard.UnitRow;
import vn.gov.thidua.system.ApiException;

/**
 * The units of a dashboard one page at a time, so a campaign of 3,321 units stays quick to open and to read: filtered
 * by kind (sở, huyện, xã…), by the agency they belong to (a commune's district: the directory has no emulation
 * clusters), by state at one milestone or at any, and by name; optionally the most overdue first.
 */
public final class DashboardUnits {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    /** What the Board asked for; blank means "any". {@code page} counts from 0. */
    public record UnitQuery(String kind, String parent, String milestone, String state, String q, String sort, int page, int size) {

        static UnitQuery all() {
            return new UnitQuery(null, null, null, null, null, null, 0, DEFAULT_SIZE);
        }

        public boolean filtered() {
            return Arrays.asList(kind, parent, milestone, state, q).stream().anyMatch(v -> v != null && !v.isBlank());
        }
    }

    /** A value a filter offers, with how many of the campaign's units have it. */
    public record Choice(String value, String label, int count) {
    }

    public record UnitPage(List<UnitRow> items, int page, int size, int total, int pages, int participants, List<Choice> kinds,
                    List<Choice> parents) {
    }

    private DashboardUnits() {
    }

    static UnitPage select(Dashboard d, UnitQuery query) {
        if (query.page() < 0) {
            throw ApiException.invalid("page", "Số trang (page) phải từ 0 trở lên.");
        }
        if (query.size() < 1 || query.size() > MAX_SIZE) {
            throw ApiException.invalid("size", "Số đơn vị mỗi trang (size) phải từ 1 đến " + MAX_SIZE + ".");
        }
        String milestone = blankToNull(query.milestone());
        if (milestone != null && d.milestones().stream().noneMatch(m -> m.key().equals(milestone))) {
            throw ApiException.invalid("milestone", "Phong trào không có mốc '" + milestone + "'. Các mốc: "
                    + d.milestones().stream().map(MilestoneView::key).collect(Collectors.joining(", ")) + ".");
        }
        State state = state(blankToNull(query.state()));
        String kind = blankToNull(query.kind());
        String parent = blankToNull(query.parent());
        String words = blankToNull(query.q()) == null ? null : folded(query.q().trim());
        String sort = blankToNull(query.sort());
        if (sort != null && !sort.equals("overdue")) {
            throw ApiException.invalid("sort", "Sắp xếp (sort) chỉ nhận 'overdue' (quá hạn lâu nhất trước) hoặc để trống.");
        }

        Predicate<UnitRow> wanted = unit -> (kind == null || kind.equals(unit.kind()))
                && (parent == null || parent.equals(unit.parentCode()))
                && (words == null || folded(unit.agencyName()).contains(words) || unit.agencyCode().contains(words))
                && inState(unit, milestone, state);
        List<UnitRow> matching = d.units().stream().filter(wanted).toList();
        if (sort != null) {
            matching = matching.stream().sorted(Comparator.comparingInt(UnitRow::mostDaysOverdue).reversed()).toList();
        }
        int total = matching.size();
        int from = (int) Math.min((long) query.page() * query.size(), total);
        List<UnitRow> items = matching.subList(from, Math.min(from + query.size(), total));
        return new UnitPage(items, query.page(), query.size(), total, Math.max(1, (total + query.size() - 1) / query.size()),
                d.units().size(), choices(d.units(), UnitRow::kind, UnitRow::kindLabel),
                choices(d.units(), UnitRow::parentCode, UnitRow::parentName));
    }

    /** A unit is in {@code state} at the milestone asked for, or at any of its milestones when none is. */
    private static boolean inState(UnitRow unit, String milestone, State state) {
        if (milestone != null) {
            UnitMilestoneStatus at = unit.milestones().get(milestone);
            return at != null && (state == null || at.state() == state);
        }
        return state == null || unit.milestones().values().stream().anyMatch(s -> s.state() == state);
    }

    private static State state(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(State.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> ApiException.invalid("state", "Trạng thái '" + value + "' không có. Chọn một trong: "
                        + Arrays.stream(State.values()).map(s -> s.name() + " (" + s.label() + ")").collect(Collectors.joining(", "))
                        + "."));
    }

    private static List<Choice> choices(List<UnitRow> units, java.util.function.Function<UnitRow, String> value,
                                        java.util.function.Function<UnitRow, String> label) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (UnitRow unit : units) {
            String v = value.apply(unit);
            if (v != null) {
                labels.putIfAbsent(v, label.apply(unit));
                counts.merge(v, 1, Integer::sum);
            }
        }
        return labels.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue(), counts.get(e.getKey())))
                .sorted(Comparator.comparing(Choice::label)).toList();
    }

    /** Lower case without diacritics, so "vu thu" finds "Vũ Thư" and "đông" finds "Đông Hưng". */
    static String folded(String text) {
        return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
