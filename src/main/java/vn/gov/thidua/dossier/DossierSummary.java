package vn.gov.thidua.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignDefinition;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.dossier.DossierStore.Attachment;
import vn.gov.thidua.dossier.DossierStore.Figure;

/**
 * The dossier as Tasklist forms show it, in Markdown (Camunda Forms render a text component's Markdown after
 * filling in {{variables}}). Text the unit typed is escaped, so it cannot turn into links or formatting.
 */
final class DossierSummary {

    private DossierSummary() {
    }

    static String outcomeLabel(String outcome) {
        if (outcome == null) {
            return "chưa kiểm tra";
        }
        return switch (outcome) {
            case "ELIGIBLE" -> "ĐẠT tiêu chuẩn";
            case "INELIGIBLE" -> "KHÔNG ĐẠT tiêu chuẩn";
            case "MANUAL" -> "cần cơ quan thường trực đánh giá";
            default -> outcome;
        };
    }

    static String markdown(Dossier d, CampaignService campaigns, AgencyDirectory directory, List<Figure> figures) {
        CampaignDefinition definition = campaigns.definition(d.campaignCode());
        String round = definition.reviewRounds().stream().filter(r -> r.key().equals(d.roundKey())).map(r -> r.name())
                .findFirst().orElse(d.roundKey());
        String form = definition.awardFormName(d.awardForm());
        StringBuilder md = new StringBuilder();
        md.append("**Hồ sơ số ").append(d.id()).append("** (").append(escape(d.businessKey())).append("), trạng thái: **")
                .append(d.status().label()).append("**").append(d.late() ? " — *nộp sau hạn*" : "").append("\n\n");
        md.append("- Phong trào: ").append(escape(definition.name())).append("\n");
        md.append("- Đợt: ").append(escape(round)).append("; hình thức: ").append(escape(form)).append("\n");
        md.append("- Đơn vị đề nghị: ").append(escape(directory.find(d.proposingAgency()).map(Agency::getName)
                .orElse(d.proposingAgency()))).append("\n");
        md.append("- Đối tượng: ").append(d.nomineeKind().label()).append(" — **").append(escape(d.nomineeName())).append("**");
        if (d.nomineePosition() != null) {
            md.append(", ").append(escape(d.nomineePosition()));
        }
        if (d.nomineeUnit() != null) {
            md.append(", ").append(escape(d.nomineeUnit()));
        }
        if (d.nomineeIdentifier() != null && d.nomineeKind() != NomineeKind.AGENCY) {
            md.append(" (mã: ").append(escape(d.nomineeIdentifier())).append(")");
        }
        md.append("\n");
        if (d.dueAt() != null && d.status().editable()) {
            md.append("- Hạn nộp: trước ").append(java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
                    .format(d.dueAt())).append("\n");
        }
        md.append("- Thành tích: ").append(escape(d.achievementSummary())).append("\n");
        if (!figures.isEmpty()) {
            md.append("- Số liệu đánh giá:");
            for (Figure f : figures) {
                md.append(" ").append(f.field()).append(": ").append(figure(f))
                        .append(f.source() == DossierStore.FigureSource.EVALUATION ? " (kết quả đánh giá chính thức);" : " (đơn vị kê khai);");
            }
            md.append("\n");
        }
        if (d.lastNote() != null) {
            md.append("- Ghi chú gần nhất: ").append(escape(d.lastNote())).append("\n");
        }
        return md.toString();
    }

    static String preCheck(Dossier d) {
        if (d.precheckedAt() == null) {
            return "Chưa kiểm tra sơ bộ.";
        }
        String text = "- Tiêu chuẩn: **" + outcomeLabel(d.criteriaOutcome()) + "**"
                + (d.criteriaReason() == null ? "" : " — " + escape(d.criteriaReason())) + "\n";
        if (d.quotaWithin() != null) {
            text += "- Số lượng: **" + (d.quotaWithin() ? "trong hạn mức" : "VƯỢT HẠN MỨC") + "**"
                    + (d.quotaReason() == null ? "" : " — " + escape(d.quotaReason())) + "\n";
        }
        return text;
    }

    static String documentLinks(Dossier d, List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return "Chưa có tài liệu. [Mở trang hồ sơ để tải tài liệu lên](/dossiers.html?id=" + d.id() + ")";
        }
        StringBuilder md = new StringBuilder();
        for (Attachment a : attachments) {
            md.append(a.n()).append(". [").append(a.documentType().label()).append(": ").append(escape(a.fileName())).append("](")
                    .append(downloadUrl(a)).append(") — ").append(size(a.sizeBytes())).append(", SHA-256 `")
                    .append(a.sha256(), 0, 12).append("…`\n");
        }
        md.append("\n[Mở trang hồ sơ](/dossiers.html?id=").append(d.id()).append(")");
        return md.toString();
    }

    static String downloadUrl(Attachment a) {
        return "/api/dossiers/" + a.dossierId() + "/attachments/" + a.n();
    }

    static Double percent(Figure f) {
        if (f.score() == null || f.maxScore() == null || f.maxScore().signum() == 0) {
            return null;
        }
        return f.score().multiply(BigDecimal.valueOf(100)).divide(f.maxScore(), 2, RoundingMode.HALF_UP).doubleValue();
    }

    private static String figure(Figure f) {
        StringBuilder text = new StringBuilder();
        if (f.ranking() != null) {
            text.append("hạng ").append(f.ranking());
        }
        if (f.score() != null) {
            text.append(text.isEmpty() ? "" : ", ").append("điểm ").append(f.score().stripTrailingZeros().toPlainString());
            if (f.maxScore() != null) {
                text.append("/").append(f.maxScore().stripTrailingZeros().toPlainString()).append(" (")
                        .append(String.format(Locale.ROOT, "%.2f", percent(f))).append("%)");
            }
        }
        return text.toString();
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Markdown and HTML characters of user text, made literal. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if ("\\`*_{}[]()#+-.!|<>~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
