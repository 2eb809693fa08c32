package vn.gov.thidua.campaign;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StoredDefinitionRepository extends JpaRepository<StoredDefinition, String> {

    List<StoredDefinition> findAllByOrderByCodeAsc();
}
