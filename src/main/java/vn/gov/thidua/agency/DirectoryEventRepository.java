package vn.gov.thidua.agency;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DirectoryEventRepository extends JpaRepository<DirectoryEvent, Long> {

    List<DirectoryEvent> findByAgencyCodeOrderByIdAsc(String agencyCode);
}
