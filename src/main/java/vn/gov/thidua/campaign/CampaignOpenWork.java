package vn.gov.thidua.campaign;

import java.util.List;

/**
 * Work of a campaign that another feature keeps (award dossiers): what is still open when the Board closes the
 * campaign, and closing it with the Board's reason. The campaign asks every bean implementing this, so the campaign
 * feature needs not know the features that depend on it.
 */
public interface CampaignOpenWork {

    /** One open piece of work, as the Board reads it in the closure's refusal and in the open-work list. */
    record OpenItem(String kind, String reference, String description) {
    }

    List<OpenItem> openWork(String campaignCode);

    /** Closes every open piece with the reason, which each keeps in its own history; returns how many were closed. */
    int closeOpenWork(String campaignCode, String reason, String actor);
}
