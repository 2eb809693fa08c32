package vn.gov.thidua.campaign;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignRepository extends JpaRepository<Campaign, String> {

    List<Campaign> findAllByOrderByLaunchedAtDesc();
}
