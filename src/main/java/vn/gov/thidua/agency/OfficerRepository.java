package vn.gov.thidua.agency;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OfficerRepository extends JpaRepository<Officer, String> {

    @Query("select o from Officer o join o.agencyCodes a where a = :agencyCode order by o.username")
    List<Officer> findByAgency(String agencyCode);

    List<Officer> findAllByOrderByUsernameAsc();
}
