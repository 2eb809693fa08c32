package vn.gov.thidua.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.gov.thidua.campaign.CampaignStore.EvaluationRow;
import vn.gov.thidua.system.ApiException;

/**
 * Reads the evaluation table a data provider pastes into its task, one result a line:
 * {@code mã đơn vị; mã lĩnh vực; thứ hạng; điểm; điểm tối đa; ghi chú}, score and maximum optional (semicolons or tabs, as copied from a
 * spreadsheet; decimals with a point or a comma). Every problem is reported with its line number.
 */
final class EvaluationTable {

    static final String FIELD = "evaluationRows";
    private static final int MAX_ROWS = 20_000;

    private EvaluationTable() {
    }

    /**
     * The rows of {@code provider}'s table; a row for a field the definition gives to another provider is refused with
     * its line ({@code providerNames}: agency code to name, for the message).
     */
    static List<EvaluationRow> parse(String text, List<CampaignDefinition.EvaluationField> definedFields, String provider,
                                     Set<String> agencies, Map<String, String> providerNames) {
        Map<String, CampaignDefinition.EvaluationField> fields = new TreeMap<>();
        definedFields.forEach(f -> fields.put(f.key(), f));
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(FIELD, "Chưa nhập bảng kết quả đánh giá.");
        }
        String[] lines = text.split("\\r?\\n");
        if (lines.length > MAX_ROWS) {
            throw ApiException.invalid(FIELD, "Bảng kết quả có quá " + MAX_ROWS + " dòng.");
        }
        List<EvaluationRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            String[] cells = line.split("\\s*[;\\t]\\s*", -1);
            if (cells.length < 3) {
                throw row(number, "cần ít nhất 3 cột: mã đơn vị; mã lĩnh vực; thứ hạng (rồi điểm; điểm tối đa nếu có)");
            }
            String agency = cells[0].trim();
            String field = cells[1].trim();
            if (!agencies.contains(agency)) {
                throw row(number, "đơn vị '" + agency + "' không tham gia phong trào");
            }
            if (!fields.containsKey(field)) {
                throw row(number, "lĩnh vực '" + field + "' không thuộc mốc này (các lĩnh vực: " + String.join(", ", fields.keySet()) + ")");
            }
            if (!fields.get(field).sentBy(provider)) {
                throw row(number, "lĩnh vực '" + field + "' do " + fields.get(field).providers().stream()
                        .map(code -> providerNames.getOrDefault(code, code) + " (" + code + ")").collect(Collectors.joining(", "))
                        + " cung cấp, không phải đơn vị gửi bảng này (" + providerNames.getOrDefault(provider, provider) + ")");
            }
            if (!seen.add(agency + "/" + field)) {
                throw row(number, "đơn vị '" + agency + "' đã có kết quả lĩnh vực '" + field + "' ở dòng trên");
            }
            Integer ranking = integer(cells[2], number);
            // a rank alone (score and maximum left empty) is a result: many rankings publish no score
            BigDecimal score = cells.length > 3 ? decimal(cells[3], number, "điểm") : null;
            BigDecimal max = cells.length > 4 ? decimal(cells[4], number, "điểm tối đa") : null;
            if (ranking == null && score == null) {
                throw row(number, "cần thứ hạng hoặc điểm");
            }
            if (max != null && max.signum() <= 0) {
                throw row(number, "điểm tối đa phải lớn hơn 0");
            }
            if (score != null && max != null && score.compareTo(max) > 0) {
                throw row(number, "điểm " + score + " lớn hơn điểm tối đa " + max);
            }
            String note = cells.length > 5 ? String.join("; ", java.util.Arrays.copyOfRange(cells, 5, cells.length)).trim() : null;
            if (note != null && note.length() > 1000) {
                throw row(number, "ghi chú dài quá 1000 ký tự");
            }
            rows.add(new EvaluationRow(agency, field, ranking, score, max, note == null || note.isEmpty() ? null : note));
        }
        if (rows.isEmpty()) {
            throw ApiException.invalid(FIELD, "Bảng kết quả không có dòng nào.");
        }
        return rows;
    }

    private static Integer integer(String cell, int line) {
        String text = cell.trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 1 || value > 100_000) {
                throw row(line, "thứ hạng phải là số nguyên dương");
            }
            return value;
        } catch (NumberFormatException e) {
            throw row(line, "thứ hạng '" + text + "' không phải số nguyên");
        }
    }

    private static BigDecimal decimal(String cell, int line, String what) {
        String text = cell.trim().replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
                throw row(line, what + " không hợp lệ");
            }
            return value;
        } catch (NumberFormatException e) {
            throw row(line, what + " '" + cell.trim() + "' không phải số");
        }
    }

    private static ApiException row(int line, String problem) {
        return ApiException.invalid(FIELD, "Dòng " + line + ": " + problem + ".");
    }
}
