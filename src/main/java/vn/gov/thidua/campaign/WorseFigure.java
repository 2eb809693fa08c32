package vn.gov.thidua.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.thidua.campaign.CampaignService.EvaluationFigure;

/**
 * One figure per field when several providers rank the same unit in it (plan 46's THAM_DU_HOP: Văn phòng UBND tỉnh
 * and Văn phòng Tỉnh ủy each count the meetings attended). The criteria read the worse: the higher rank number and
 * the lower score in % of its maximum, so a unit passes only if it passes in each provider's figures.
 */
final class WorseFigure {

    private WorseFigure() {
    }

    static List<EvaluationFigure> perField(List<EvaluationFigure> figures) {
        Map<String, EvaluationFigure> byField = new LinkedHashMap<>();
        figures.forEach(f -> byField.merge(f.field(), f, WorseFigure::worse));
        return List.copyOf(byField.values());
    }

    private static EvaluationFigure worse(EvaluationFigure a, EvaluationFigure b) {
        Integer rank = a.ranking() == null ? b.ranking() : b.ranking() == null ? a.ranking() : Math.max(a.ranking(), b.ranking());
        BigDecimal pa = percent(a);
        BigDecimal pb = percent(b);
        EvaluationFigure scored = pa == null ? b : pb == null || pa.compareTo(pb) <= 0 ? a : b;
        return new EvaluationFigure(a.agencyCode(), a.field(), rank, scored.score(), scored.maxScore());
    }

    private static BigDecimal percent(EvaluationFigure f) {
        return f.score() == null || f.maxScore() == null ? null
                : f.score().multiply(BigDecimal.valueOf(100)).divide(f.maxScore(), 4, RoundingMode.HALF_UP);
    }
}
