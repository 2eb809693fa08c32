package vn.gov.thidua.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.campaign.ReviewRounds.Round;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.dossier.DossierStore.Figure;
import vn.gov.thidua.dossier.DossierStore.FigureSource;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.system.PlainText;
import vn.gov.thidua.validation.InputCheck;

/**
 * What a unit sends with a dossier, checked before anything is stored: each field on its own by the request's
 * constraints ({@link DossierApi}), then what depends on the directory, the campaign, the nominee's kind or several
 * fields: the proposing unit, the nominee of each kind, the unit's figures; and the text checks the other dossier
 * services share. A refusal names the request's field, in Vietnamese.
 */
@Component
class DossierInput {

    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    private static final Pattern ENTERPRISE_ID = Pattern.compile("\\d{10}(-\\d{3})?");
    private static final Pattern UNIT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final Set<String> LEVELS = Set.of("DEPARTMENT", "DISTRICT", "COMMUNE");

    private final AgencyDirectory directory;
    private final CampaignService campaigns;
    private final InputCheck check;

    DossierInput(AgencyDirectory directory, CampaignService campaigns, InputCheck check) {
        this.directory = directory;
        this.campaigns = campaigns;
        this.check = check;
    }

    /**
     * The request's fields, each on its own; called once the round and the proposing unit are known, so that a
     * dossier for an unknown round or unit is refused for that first.
     */
    <T> T fields(T request) {
        return check.check(request);
    }

    record NomineeData(NomineeKind kind, String level, String name, String identifier, String agencyCode,
                               String position, String unit, String key) {
    }

    Agency proposer(Round round, String code) {
        String agencyCode = text(code, "proposingAgency", "Chưa chọn đơn vị đề nghị.", 64);
        Agency agency = directory.find(agencyCode).orElseThrow(() ->
                ApiException.invalid("proposingAgency", "Không có cơ quan, đơn vị mã '" + agencyCode + "' trong danh bạ."));
        if (!agency.isActive()) {
            throw ApiException.invalid("proposingAgency", "Đơn vị '" + agency.getName() + "' đã ngừng hoạt động"
                    + (agency.getSuccessorCode() == null ? "." : "; đơn vị kế thừa là '" + agency.getSuccessorCode() + "'."));
        }
        if (!campaigns.isParticipant(round.campaign().getCode(), agencyCode)) {
            throw ApiException.invalid("proposingAgency", "Đơn vị '" + agency.getName() + "' không tham gia phong trào '"
                    + round.campaign().getName() + "'.");
        }
        return agency;
    }

    /** The nominee of a request whose fields are checked: what each kind needs, and the directory's agencies. */
    NomineeData nominee(Nominee n, Agency proposer) {
        String kindText = required(n.kind(), "nominee.kind", "Chưa chọn loại đối tượng.").toUpperCase(Locale.ROOT);
        NomineeKind kind = Arrays.stream(NomineeKind.values()).filter(k -> k.name().equals(kindText)).findFirst()
                .orElseThrow(() -> ApiException.invalid("nominee.kind", "Loại đối tượng phải là một trong: "
                        + Arrays.stream(NomineeKind.values()).map(k -> k.name() + " (" + k.label() + ")")
                        .collect(Collectors.joining(", ")) + "."));
        String proposerLevel = proposer.getKind().name();
        switch (kind) {
            case AGENCY -> {
                String code = required(n.agencyCode(), "nominee.agencyCode", "Chưa nhập mã cơ quan, địa phương được đề nghị.");
                Agency agency = directory.find(code).orElseThrow(() ->
                        ApiException.invalid("nominee.agencyCode", "Không có cơ quan, đơn vị mã '" + code + "' trong danh bạ."));
                if (!agency.isActive()) {
                    throw ApiException.invalid("nominee.agencyCode", "Cơ quan '" + agency.getName() + "' đã ngừng hoạt động.");
                }
                if (!code.equals(proposer.getCode()) && !proposer.getCode().equals(agency.getParentCode())) {
                    throw ApiException.invalid("nominee.agencyCode", "'" + proposer.getName() + "' chỉ đề nghị khen thưởng tập thể"
                            + " của chính mình hoặc của đơn vị trực thuộc trong danh bạ.");
                }
                return new NomineeData(kind, agency.getKind().name(), agency.getName(), code, code, null, null, "AGENCY:" + code);
            }
            case SUBORDINATE_UNIT -> {
                String name = required(n.name(), "nominee.name", "Chưa nhập tên tập thể.");
                String identifier = blankToNull(n.identifier());
                if (identifier != null && !UNIT_ID.matcher(identifier).matches()) {
                    throw ApiException.invalid("nominee.identifier", "Mã đơn vị chỉ gồm chữ, số và . _ / -, tối đa 64 ký tự.");
                }
                return new NomineeData(kind, proposerLevel, name, identifier, null, null, null,
                        NomineeUniqueness.subordinateKey(identifier, proposer.getCode(), name));
            }
            case INDIVIDUAL -> {
                String name = required(n.name(), "nominee.name", "Chưa nhập họ tên cá nhân.");
                String position = required(n.position(), "nominee.position", "Chưa nhập chức vụ của cá nhân.");
                String unit = required(n.unit(), "nominee.unit", "Chưa nhập đơn vị công tác của cá nhân.");
                String identifier = required(n.identifier(), "nominee.identifier", "Chưa nhập số định danh cá nhân.");
                if (!PERSONAL_ID.matcher(identifier).matches()) {
                    throw ApiException.invalid("nominee.identifier", "Số định danh cá nhân phải gồm đúng 12 chữ số.");
                }
                String level = blankToNull(n.level()) == null ? proposerLevel : n.level().trim().toUpperCase(Locale.ROOT);
                if (!LEVELS.contains(level)) {
                    throw ApiException.invalid("nominee.level", "Cấp xếp hạng của cá nhân phải là DEPARTMENT (sở, ban, ngành),"
                            + " DISTRICT (huyện, thành phố) hoặc COMMUNE (xã, phường, thị trấn).");
                }
                return new NomineeData(kind, level, name, identifier, null, position, unit, "INDIVIDUAL:" + identifier);
            }
            default -> {
                String name = required(n.name(), "nominee.name", "Chưa nhập tên doanh nghiệp, doanh nhân.");
                String identifier = required(n.identifier(), "nominee.identifier", "Chưa nhập mã số doanh nghiệp.");
                if (!ENTERPRISE_ID.matcher(identifier).matches()) {
                    throw ApiException.invalid("nominee.identifier",
                            "Mã số doanh nghiệp gồm 10 chữ số (đơn vị phụ thuộc: 10 chữ số, gạch ngang, 3 chữ số).");
                }
                return new NomineeData(kind, null, name, identifier, null, null, null, "ENTERPRISE:" + identifier);
            }
        }
    }

    /** The summary of a request whose fields are checked: a changed one may not be emptied. */
    static String summary(String text) {
        return required(text, "achievementSummary", "Chưa nhập tóm tắt thành tích.");
    }

    /** The unit's figures of a request whose fields are checked: each field once, and a ranking or a score. */
    static List<Figure> unitFigures(List<DossierApi.Figure> figures) {
        if (figures == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<Figure> result = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            String at = "figures[" + i + "]";
            DossierApi.Figure f = figures.get(i);
            String field = f.field().trim();
            if (!seen.add(field)) {
                throw ApiException.invalid(at + ".field", "Lĩnh vực '" + field + "' được nhập hai lần.");
            }
            BigDecimal score = f.score() == null ? null : f.score().setScale(2, RoundingMode.HALF_UP);
            BigDecimal max = f.maxScore() == null ? null : f.maxScore().setScale(2, RoundingMode.HALF_UP);
            if (score != null && max != null && score.compareTo(max) > 0) {
                throw ApiException.invalid(at + ".score", "Điểm " + score.toPlainString() + " lớn hơn điểm tối đa "
                        + max.toPlainString() + ".");
            }
            if (f.ranking() == null && score == null) {
                throw ApiException.invalid(at + ".ranking", "Nhập ít nhất thứ hạng hoặc điểm của lĩnh vực '" + field + "'.");
            }
            result.add(new Figure(field, f.ranking(), score, max, FigureSource.UNIT));
        }
        return result;
    }

    static Boolean yesNo(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null) {
            return null;
        }
        return switch (value.toString().trim().toUpperCase(Locale.ROOT)) {
            case "TRUE", "YES", "CO" -> Boolean.TRUE;
            case "FALSE", "NO", "KHONG" -> Boolean.FALSE;
            default -> null;
        };
    }

    static String text(String value, String field, String missing, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, missing);
        }
        String clean = value.trim();
        if (clean.length() > max) {
            throw ApiException.invalid(field, "Trường '" + field + "' dài quá " + max + " ký tự.");
        }
        PlainText.require(clean, field, false);
        return clean;
    }

    /** A value the request's constraints have checked, when given; {@code missing} when it is not. */
    static String required(String value, String field, String missing) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, missing);
        }
        return value.trim();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
