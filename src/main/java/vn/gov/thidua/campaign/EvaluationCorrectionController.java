package vn.gov.thidua.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.security.CurrentOfficer;

/** Correcting a submitted evaluation table: the provider asks, the Board reopens, the provider sends the new version. */
@RestController
@Tag(name = "Phong trào thi đua", description = "Định nghĩa, phát động và theo dõi tiến độ phong trào")
public class EvaluationCorrectionController {

    public record Reason(String reason) {
    }

    public record CorrectedTable(String evaluationRows) {
    }

    private final EvaluationCorrections corrections;

    EvaluationCorrectionController(EvaluationCorrections corrections) {
        this.corrections = corrections;
    }

    @PostMapping(path = "/api/campaigns/{code}/milestones/{key}/evaluation-corrections/{provider}", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Đơn vị cung cấp số liệu đề nghị đính chính bảng kết quả đánh giá đã gửi (kèm lý do)")
    public EvaluationCorrections.Correction request(@PathVariable String code, @PathVariable String key,
                                                    @PathVariable String provider, @RequestBody Reason body) {
        return corrections.request(code, key, provider, body == null ? null : body.reason(), CurrentOfficer.userId());
    }

    @GetMapping(path = "/api/campaigns/{code}/evaluation-corrections", produces = "application/json")
    @Operation(summary = "Ban Thi đua - Khen thưởng xem các đề nghị đính chính chưa xong của phong trào (chờ mở lại, chờ đơn vị gửi bảng)")
    public List<EvaluationCorrections.Correction> pending(@PathVariable String code) {
        return corrections.pending(code);
    }

    @PostMapping(path = "/api/evaluation-corrections/{id}/reopen", produces = "application/json")
    @Operation(summary = "Ban Thi đua - Khen thưởng của phong trào mở lại bảng kết quả để đính chính (kèm lý do)")
    public EvaluationCorrections.Correction reopen(@PathVariable long id, @RequestBody Reason body) {
        return corrections.reopen(id, body == null ? null : body.reason(), CurrentOfficer.userId());
    }

    @PostMapping(path = "/api/evaluation-corrections/{id}/table", produces = "application/json")
    @Operation(summary = "Đơn vị cung cấp số liệu gửi bảng kết quả đã đính chính: phiên bản mới, hồ sơ đã đọc số liệu cũ"
            + " được kiểm tra lại")
    public EvaluationCorrections.Correction correct(@PathVariable long id, @RequestBody CorrectedTable body) {
        return corrections.correct(id, body == null ? null : body.evaluationRows(), CurrentOfficer.userId());
    }
}
