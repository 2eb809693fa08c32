package vn.gov.thidua.agency;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgencyRepository extends JpaRepository<Agency, String> {

    List<Agency> findByParentCode(String parentCode);

    List<Agency> findAllByOrderByCodeAsc();
}
