package vn.gov.thidua.agency;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OfficerRepository extends JpaRepository<Officer, String> {

    @Query("select o from Officer o join o.agencyCodes a where a = :agencyCode order by o.username")
    List<Officer> findByAgency(String agencyCode);

    List<Officer> findAllByOrderByUsernameAsc();

    /** Agency code and address of each active officer of the agencies who has an address: [code, email] rows. */
    @Query("select a, o.email from Officer o join o.agencyCodes a where a in :agencyCodes and o.active = true"
            + " and o.email is not null order by a, o.username")
    List<Object[]> activeEmailsOf(Collection<String> agencyCodes);
}
